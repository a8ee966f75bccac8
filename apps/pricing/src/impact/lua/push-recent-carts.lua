--[[
  Keeps carts among the most recently priced ones (the impact preview's sample).

  Input:
    KEYS[1] the recent-carts list
    ARGV[1] how many carts to keep
    ARGV[2..n] the carts, JSON, oldest first

  Output:
    the number of carts kept after the push
]]
for i = 2, #ARGV do
  redis.call("LPUSH", KEYS[1], ARGV[i])
end
redis.call("LTRIM", KEYS[1], 0, tonumber(ARGV[1]) - 1)
return redis.call("LLEN", KEYS[1])
