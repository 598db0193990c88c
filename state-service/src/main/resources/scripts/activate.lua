-- Acquires a session's lease. The caller reads the snapshot with a plain GET sent right after this script on the
-- same connection (a script returning 1 MiB costs Redis several times what GET does).
-- KEYS[1] epoch counter, KEYS[2] lease hash, KEYS[3] snapshot hash
-- ARGV[1] owner, ARGV[2] lease time to live in milliseconds
-- Granted: {1, new epoch, 1 when the snapshot's bytes are still in the hash (written by an earlier version)
-- else 0, the stored snapshot's version or nil}. Refused: {0, holder's epoch, holder}.
local holder = redis.call('HGET', KEYS[2], 'owner')
if holder and holder ~= ARGV[1] then
  return {0, tonumber(redis.call('HGET', KEYS[2], 'epoch')), holder}
end
-- Every acquisition, even by the current holder, fences out writes of earlier epochs.
local epoch = redis.call('INCR', KEYS[1])
redis.call('HSET', KEYS[2], 'owner', ARGV[1], 'epoch', epoch)
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return {1, epoch, redis.call('HEXISTS', KEYS[3], 'data'), redis.call('HGET', KEYS[3], 'version')}
