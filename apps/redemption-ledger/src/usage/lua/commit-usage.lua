--[[
  Commits one use for an order: a held reservation becomes committed (it no longer expires); without
  a live hold (no reservation, or it expired) the use is taken now if every limit still allows it.
  Idempotent by hold id: committing twice answers "exists".

  Input:
    KEYS[1] limits hash       redemption-ledger:usage:{<promotionId>}:limits
    KEYS[2] total counter     redemption-ledger:usage:{<promotionId>}:total
    KEYS[3] code counter      redemption-ledger:usage:{<promotionId>}:code:<codeKey>
    KEYS[4] customer counter  redemption-ledger:usage:{<promotionId>}:customer:<customerId>
    KEYS[5] hold hash         redemption-ledger:usage:{<promotionId>}:hold:<holdId>
    KEYS[6] expiries zset     redemption-ledger:usage:{<promotionId>}:expiries

    ARGV[1] hold id
    ARGV[2] units the order used (a per-cart promotion takes 1)
    ARGV[3] the normalized code ("" when the use carries none)
    ARGV[4] the customer id ("" for a guest)

  Output:
    {"committed", units}            a reserved hold was committed
    {"ok", units}                   taken and committed now (no live reservation)
    {"exists", units}               already committed
    {"not_loaded"} / {"unknown_promotion"}
    {"rebuilding"}                  a rebuild fences the promotion (includes/check-fence): nothing done
    {"total_limit_reached" | "code_limit_reached" | "customer_limit_reached", limit}
]]
local rcall = redis.call

--- @include "check-fence"
--- @include "take-use"

if isFenced(KEYS[1]) then
  return {"rebuilding"}
end
local existing = rcall("HMGET", KEYS[5], "state", "units")
if existing[1] == "reserved" then
  rcall("HSET", KEYS[5], "state", "committed")
  rcall("ZREM", KEYS[6], ARGV[1])
  return {"committed", tonumber(existing[2])}
end
if existing[1] == "committed" then
  return {"exists", tonumber(existing[2])}
end
return takeUse(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6],
  ARGV[1], ARGV[2], ARGV[3], ARGV[4], "0", "committed", "")
