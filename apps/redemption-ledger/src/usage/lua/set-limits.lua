--[[
  Stores a promotion's limits (L1) where the usage scripts read them, unless Redis lost the
  promotion's counters: then only a rebuild from Postgres may write them (L3), so the counters are
  never trusted while they are missing. A lower version than the one held is ignored.

  Input:
    KEYS[1] limits hash   redemption-ledger:usage:{<promotionId>}:limits

    ARGV[1] total uses (-1: none)
    ARGV[2] uses per code (-1: none)
    ARGV[3] uses per customer (-1: none)
    ARGV[4] consume unit: "cart" or "item"
    ARGV[5] "1" when the promotion is deleted
    ARGV[6] version
    ARGV[7] total discount budget, minor units (-1: none; #23, rule 19)
    ARGV[8] the budget's currency ("" when none)
    ARGV[9] "1" when Postgres holds no use of the promotion (a new one: zero counters are right)
    ARGV[10] "1" when the promotion's shared codes are known (then ARGV[11..] are all of them, normalized),
            "0" when not (every code of the promotion is read as shared)
    ARGV[11..] the shared codes: field "shared:<code>"; any other code is a group code (includes/take-use)

  Output:
    {"ok"}           stored
    {"stale"}        a newer version is held
    {"not_loaded"}   the counters are missing, or fenced by a rebuild that never finished: rebuild
]]
local rcall = redis.call

-- Callers hold the shared usage lock, so a live rebuild (exclusive) cannot be running: a fence here was
-- left by a rebuild whose process died, and only a new rebuild may clear it.
if rcall("HEXISTS", KEYS[1], "fence") == 1 then
  return {"not_loaded"}
end
local held = rcall("HGET", KEYS[1], "version")
if not held and ARGV[9] ~= "1" then
  return {"not_loaded"}
end
if held and tonumber(held) > tonumber(ARGV[6]) then
  return {"stale"}
end
-- The shared codes of the version held give way to this version's.
for _, field in ipairs(rcall("HKEYS", KEYS[1])) do
  if string.sub(field, 1, 7) == "shared:" then
    rcall("HDEL", KEYS[1], field)
  end
end
rcall("HSET", KEYS[1], "total", ARGV[1], "perCode", ARGV[2], "perCustomer", ARGV[3], "unit", ARGV[4],
  "deleted", ARGV[5], "version", ARGV[6], "budget", ARGV[7], "budgetCurrency", ARGV[8], "codesKnown", ARGV[10] or "0")
for i = 11, #ARGV do
  rcall("HSET", KEYS[1], "shared:" .. ARGV[i], "1")
end
return {"ok"}
