--[[
  Reserves one use of a promotion (and its code, and its customer) when every limit allows it, until
  the given expiry unless committed (L2). Idempotent by hold id: a replay answers what was done.

  Input:
    KEYS[1] limits hash       redemption-ledger:usage:{<promotionId>}:limits (absent: Redis lost it, rebuild first)
    KEYS[2] total counter     redemption-ledger:usage:{<promotionId>}:total
    KEYS[3] code counter      redemption-ledger:usage:{<promotionId>}:code:<codeKey>
    KEYS[4] customer counter  redemption-ledger:usage:{<promotionId>}:customer:<customerId>
    KEYS[5] hold hash         redemption-ledger:usage:{<promotionId>}:hold:<holdId>
    KEYS[6] expiries zset     redemption-ledger:usage:{<promotionId>}:expiries
    KEYS[7] budget counter    redemption-ledger:usage:{<promotionId>}:budget (minor units spent or held, #23)

    ARGV[1] hold id
    ARGV[2] units asked for (a per-cart promotion takes 1 whatever is asked)
    ARGV[3] the normalized code ("" when the use carries none)
    ARGV[4] the customer id ("" for a guest)
    ARGV[5] expiry, epoch milliseconds
    ARGV[6] fingerprint of the reservation request
    ARGV[7] the use's discount, minor units ("" when the request does not say: refused on a budgeted promotion)
    ARGV[8] the discount's currency ("" when not said)

  Output:
    {"ok", units}                   reserved now
    {"exists", state, fingerprint, units}  this hold was made before
    {"not_loaded"}                  the promotion's counters are missing (L3)
    {"rebuilding"}                  a rebuild fences the promotion (includes/check-fence): nothing done
    {"unknown_promotion"}           the promotion is deleted
    {"total_limit_reached" | "code_limit_reached" | "budget_exhausted" | "budget_currency_mismatch" | "customer_limit_reached", limit}
    {"discount_required"}           the promotion has a budget and the use does not say its discount
]]
local rcall = redis.call

--- @include "check-fence"
--- @include "take-use"

if isFenced(KEYS[1]) then
  return {"rebuilding"}
end
local existing = rcall("HMGET", KEYS[5], "state", "fingerprint", "units")
if existing[1] then
  return {"exists", existing[1], existing[2] or "", tonumber(existing[3])}
end
return takeUse(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7],
  ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], "reserved", ARGV[6], ARGV[7], ARGV[8])
