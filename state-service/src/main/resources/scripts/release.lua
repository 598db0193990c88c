-- Releases a lease if the given epoch is still the session's current one.
-- KEYS[1] epoch counter, KEYS[2] lease hash
-- ARGV[1] epoch
-- Returns {1 when released else 0, current epoch}.
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current == 0 or current ~= tonumber(ARGV[1]) then
  return {0, current}
end
redis.call('DEL', KEYS[2])
return {1, current}
