--[[
  Counts one code lookup in a fixed window of its subject (an API key or a client) and says whether it is
  within the limit. The window starts with the subject's first lookup and ends with the key's expiry, so
  every replica sharing this Redis shares one count; the refused lookups count as well.

  Input:
    KEYS[1] the subject's counter (`lookup-rate:key:{<key hash>}` or `lookup-rate:client:{<address>}`)
    ARGV[1] limit, lookups per window
    ARGV[2] window length, milliseconds

  Output:
    { 1 if within the limit else 0, milliseconds until the window ends }
]]
local count = redis.call('INCR', KEYS[1])
local remaining = redis.call('PTTL', KEYS[1])
if remaining < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  remaining = tonumber(ARGV[2])
end
if count > tonumber(ARGV[1]) then
  return { 0, remaining }
end
return { 1, remaining }
