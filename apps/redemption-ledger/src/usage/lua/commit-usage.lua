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
    KEYS[7] budget counter    redemption-ledger:usage:{<promotionId>}:budget (minor units spent or held, #23)

    ARGV[1] hold id
    ARGV[2] units the order used ("" when the order does not say: a reservation's units stand, else 1;
            a per-cart promotion takes 1)
    ARGV[3] the normalized code ("" when the use carries none)
    ARGV[4] the customer id ("" for a guest)
    ARGV[5] the order's discount of the use, minor units ("" when it does not say: a reservation's discount stands)
    ARGV[6] the order's currency ("" when not said)

  A reserved hold is committed with the order's units, not the reserved ones (#19.5): a cart that grew after
  reserving takes the extra units only when the total and code limits allow them (else the limit's reason, and
  the hold stays reserved for the caller to release), and one that shrank gives the difference back. The
  customer counter took one order at reservation and is not touched (the per-customer limit counts orders).
  Likewise the budget (#23): the hold is committed with the order's discount; a larger one takes the difference only
  when the budget allows it (else "budget_exhausted", the hold stays reserved), a smaller one gives it back.

  Output:
    {"committed", units}            a reserved hold was committed with the order's units
    {"ok", units}                   taken and committed now (no live reservation)
    {"exists", units}               already committed
    {"not_loaded"} / {"unknown_promotion"}
    {"rebuilding"}                  a rebuild fences the promotion (includes/check-fence): nothing done
    {"total_limit_reached" | "code_limit_reached" | "budget_exhausted" | "budget_currency_mismatch" | "customer_limit_reached", limit}
    {"discount_required"}           no live reservation, a budgeted promotion, and the order does not say its discount
]]
local rcall = redis.call

--- @include "check-fence"
--- @include "take-use"

if isFenced(KEYS[1]) then
  return {"rebuilding"}
end
local existing = rcall("HMGET", KEYS[5], "state", "units", "hasCode", "discount")
if existing[1] == "reserved" then
  local limits = rcall("HMGET", KEYS[1], "total", "perCode", "unit", "budget")
  if not limits[1] then
    return {"not_loaded"}
  end
  local held = tonumber(existing[2])
  local units = held
  if ARGV[2] ~= "" and limits[3] == "item" then
    units = tonumber(ARGV[2])
  end
  local extra = units - held
  if extra > 0 then
    local total = tonumber(limits[1])
    local perCode = tonumber(limits[2])
    if total >= 0 and tonumber(rcall("GET", KEYS[2]) or "0") + extra > total then
      return {"total_limit_reached", total}
    end
    if existing[3] == "1" and perCode >= 0 and tonumber(rcall("GET", KEYS[3]) or "0") + extra > perCode then
      return {"code_limit_reached", perCode}
    end
  end
  local budget = tonumber(limits[4] or "-1")
  local heldDiscount = tonumber(existing[4] or "0")
  local discount = heldDiscount
  if ARGV[5] ~= "" then
    discount = tonumber(ARGV[5])
  end
  local extraDiscount = discount - heldDiscount
  if budget >= 0 and extraDiscount > 0 and tonumber(rcall("GET", KEYS[7]) or "0") + extraDiscount > budget then
    return {"budget_exhausted", budget}
  end
  if extra ~= 0 then
    rcall("INCRBY", KEYS[2], extra)
    if existing[3] == "1" then
      rcall("INCRBY", KEYS[3], extra)
    end
  end
  if extraDiscount ~= 0 then
    rcall("INCRBY", KEYS[7], extraDiscount)
  end
  rcall("HSET", KEYS[5], "state", "committed", "units", units, "discount", discount)
  rcall("ZREM", KEYS[6], ARGV[1])
  return {"committed", units}
end
if existing[1] == "committed" then
  return {"exists", tonumber(existing[2])}
end
return takeUse(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], KEYS[7],
  ARGV[1], ARGV[2], ARGV[3], ARGV[4], "0", "committed", "", ARGV[5], ARGV[6])
