-- Stores a snapshot if the writer's epoch is still the session's current one (fencing).
-- KEYS[1] epoch counter, KEYS[2] snapshot hash
-- ARGV[1] epoch, ARGV[2] snapshot data, ARGV[3] its length in bytes, ARGV[4] written-at instant
-- Returns {1 when written else 0, current epoch}.
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current == 0 or current ~= tonumber(ARGV[1]) then
  return {0, current}
end
redis.call('HSET', KEYS[2], 'data', ARGV[2], 'bytes', ARGV[3], 'writtenAt', ARGV[4])
return {1, current}
