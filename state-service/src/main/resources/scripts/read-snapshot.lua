-- Reads a snapshot together with the session's current epoch.
-- KEYS[1] epoch counter, KEYS[2] snapshot hash, KEYS[3] snapshot bytes
-- Returns {current epoch, snapshot data or nil}. Snapshots written before the bytes had a key of their
-- own are still read from the hash.
return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('GET', KEYS[3]) or redis.call('HGET', KEYS[2], 'data')}
