-- Extends a lease still held by the given owner and epoch.
-- KEYS[1] lease hash
-- ARGV[1] owner, ARGV[2] epoch, ARGV[3] lease time to live in milliseconds
-- Returns 1 when renewed, 0 when the lease is lost (expired, released, or held by another epoch).
local lease = redis.call('HMGET', KEYS[1], 'owner', 'epoch')
if lease[1] == ARGV[1] and lease[2] == ARGV[2] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[3])
end
return 0
