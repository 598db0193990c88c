-- Deletes a session's lease and snapshot; the epoch counter stays so epochs never repeat.
-- KEYS[1] epoch counter, KEYS[2] lease hash, KEYS[3] snapshot hash, KEYS[4] snapshot bytes
-- ARGV[1] expected epoch, or '' to delete unconditionally
-- Returns {1 when deleted else 0, current epoch}.
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if ARGV[1] ~= '' and tonumber(ARGV[1]) ~= current then
  return {0, current}
end
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4])
return {1, current}
