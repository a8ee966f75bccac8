--[[
  Keeps a cart among the most recently priced ones (the impact preview's sample).

  Input:
    KEYS[1] the recent-carts list
    ARGV[1] the cart, JSON
    ARGV[2] how many carts to keep

  Output:
    the number of carts kept after the push
]]
redis.call("LPUSH", KEYS[1], ARGV[1])
redis.call("LTRIM", KEYS[1], 0, tonumber(ARGV[2]) - 1)
return redis.call("LLEN", KEYS[1])
