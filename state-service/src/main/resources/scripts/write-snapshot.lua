-- Stores a snapshot if the writer's epoch is still the session's current one (fencing), and on a
-- swap-out also releases the lease in the same step, so the session is free the moment it is saved.
-- KEYS[1] epoch counter, KEYS[2] snapshot hash, KEYS[3] lease hash
-- ARGV[1] epoch, ARGV[2] snapshot data, ARGV[3] its length in bytes, ARGV[4] written-at instant,
-- ARGV[5] '1' to release the lease as well
-- Returns {1 when written else 0, current epoch}.
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current == 0 or current ~= tonumber(ARGV[1]) then
  return {0, current}
end
redis.call('HSET', KEYS[2], 'data', ARGV[2], 'bytes', ARGV[3], 'writtenAt', ARGV[4])
if ARGV[5] == '1' then
  redis.call('DEL', KEYS[3])
end
return {1, current}
