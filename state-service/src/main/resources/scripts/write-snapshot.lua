-- Stores a snapshot if the writer's epoch is still the session's current one (fencing), and on a
-- swap-out also releases the lease in the same step, so the session is free the moment it is saved.
-- The bytes arrive just before, by a plain SET under a key of this write's own: the script renames them
-- into place instead of taking them as an argument (which cost Redis ~1 ms per MiB, copied into Lua and out).
-- KEYS[1] epoch counter, KEYS[2] snapshot hash, KEYS[3] lease hash, KEYS[4] staged bytes, KEYS[5] snapshot bytes
-- ARGV[1] epoch, ARGV[2] length in bytes, ARGV[3] written-at instant, ARGV[4] '1' to release the lease as well,
-- ARGV[5] this write's version: random, so no two writes share one (a manager that read the bytes ahead of its
-- activation keeps them only if the activation reports the version it read them with)
-- Returns {1 when written, 0 when the epoch is stale, -1 when nothing was staged; current epoch}.
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current == 0 or current ~= tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[4])
  return {0, current}
end
if redis.call('EXISTS', KEYS[4]) == 0 then
  return {-1, current}
end
redis.call('RENAME', KEYS[4], KEYS[5])
-- the staged copy expires if its script never comes; the snapshot must not
redis.call('PERSIST', KEYS[5])
redis.call('HSET', KEYS[2], 'bytes', ARGV[2], 'writtenAt', ARGV[3], 'version', ARGV[5])
-- snapshots written before the bytes had a key of their own kept them here
redis.call('HDEL', KEYS[2], 'data')
if ARGV[4] == '1' then
  redis.call('DEL', KEYS[3])
end
return {1, current}
