--[[
  Keeps the most recently priced distinct carts (the impact preview's sample): a cart priced again
  replaces its earlier version and moves to the newest place, so one busy cart cannot fill the sample.

  Input:
    KEYS[1] sorted set: cart id -> recency sequence
    KEYS[2] hash: cart id -> cart JSON
    KEYS[3] the recency sequence counter
    ARGV[1] how many carts to keep
    ARGV[2..n] pairs of cart id, cart JSON, oldest first

  Output:
    the number of carts kept after the push
]]
local keep = tonumber(ARGV[1])
local pairs_count = (#ARGV - 1) / 2
local last = redis.call("INCRBY", KEYS[3], pairs_count)
local first = last - pairs_count
for i = 1, pairs_count do
  local id = ARGV[2 * i]
  redis.call("ZADD", KEYS[1], first + i, id)
  redis.call("HSET", KEYS[2], id, ARGV[2 * i + 1])
end
local excess = redis.call("ZCARD", KEYS[1]) - keep
while excess > 0 do
  -- In slices, so a large trim never exceeds Lua's stack with unpack.
  local slice = math.min(excess, 1000)
  local oldest = redis.call("ZRANGE", KEYS[1], 0, slice - 1)
  redis.call("ZREMRANGEBYRANK", KEYS[1], 0, slice - 1)
  redis.call("HDEL", KEYS[2], unpack(oldest))
  excess = excess - slice
end
return redis.call("ZCARD", KEYS[1])
