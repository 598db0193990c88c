-- Reads a consistent view of one session.
-- KEYS[1] epoch counter, KEYS[2] lease hash, KEYS[3] snapshot hash (KEYS[4], the snapshot bytes, is not read)
-- Returns {epoch, owner or nil, lease ttl in ms (negative when none), snapshot bytes or nil, written-at or nil}.
local snapshot = redis.call('HMGET', KEYS[3], 'bytes', 'writtenAt')
return {
  tonumber(redis.call('GET', KEYS[1]) or '0'),
  redis.call('HGET', KEYS[2], 'owner'),
  redis.call('PTTL', KEYS[2]),
  snapshot[1],
  snapshot[2]
}
