-- Reads a snapshot together with the session's current epoch.
-- KEYS[1] epoch counter, KEYS[2] snapshot hash
-- Returns {current epoch, snapshot data or nil}.
return {tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('HGET', KEYS[2], 'data')}
