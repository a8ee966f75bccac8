--[[
  Shared by reserve-usage and commit-usage: checks every limit of the promotion and, only when all
  allow the use, increments every counter and writes the hold (L2: `count + units <= max` checked and
  incremented in one step, so no concurrent caller can slip between the check and the write).
  A group code (one of code-inventory's unique codes: not among the promotion's "shared:<code>" fields, when
  "codesKnown" says they are listed) is single-use when usesPerCode is not set (#19.2, seed 002): one order
  holds it, whatever its units, so a code leaked to a second shopper is refused here, at reservation.

  The total and code counters take the use's units (a per-cart promotion: 1); the customer counter takes 1, one order
  (#19.5), recorded as the hold's "customerUnits" so release-usage gives back exactly what was taken.

  #23, rule 19: a budgeted promotion (limits "budget" >= 0) also takes the use's discount (minor units) from its
  budget counter, refused with "budget_exhausted" when spent + discount would pass the budget: the check and the
  INCRBY are in this one step like the use counters, so concurrent reservations never overrun it. A use of a
  budgeted promotion must say its discount ("discount_required"), and in the budget's currency when it names one
  ("budget_currency_mismatch"). The counter takes every stated discount, budget or not, so it always equals the
  sum over live holds that a rebuild writes (a budget set later starts from what is already spent). The hold's
  "discount" is what release-usage gives back.

  Returns {"ok", units} or {reason, limit} or {"not_loaded"} / {"unknown_promotion"} / {"discount_required"}.
]]
local function takeUse(limitsKey, totalKey, codeKey, customerKey, holdKey, expiriesKey, budgetKey,
                       holdId, requestedUnits, code, customer, expiresAt, state, fingerprint, discountArg, currency)
  local limits = redis.call("HMGET", limitsKey, "total", "perCode", "perCustomer", "unit", "deleted", "codesKnown",
    "budget", "budgetCurrency")
  if not limits[1] then
    return {"not_loaded"}
  end
  if limits[5] == "1" then
    return {"unknown_promotion"}
  end
  local hasCode = code ~= "" and "1" or "0"
  local hasCustomer = customer ~= "" and "1" or "0"
  local units = tonumber(requestedUnits ~= "" and requestedUnits or "1")
  if limits[4] == "cart" then
    units = 1
  end
  local total = tonumber(limits[1])
  local perCode = tonumber(limits[2])
  local perCustomer = tonumber(limits[3])
  if total >= 0 and tonumber(redis.call("GET", totalKey) or "0") + units > total then
    return {"total_limit_reached", total}
  end
  if hasCode == "1" and perCode >= 0 and tonumber(redis.call("GET", codeKey) or "0") + units > perCode then
    return {"code_limit_reached", perCode}
  end
  if hasCode == "1" and perCode < 0 and limits[6] == "1" and redis.call("HEXISTS", limitsKey, "shared:" .. code) == 0
      and tonumber(redis.call("GET", codeKey) or "0") > 0 then
    return {"code_limit_reached", 1}
  end
  -- Rule 21's order: limit_reached, then budget_exhausted, then already_used_by_customer.
  local budget = tonumber(limits[7] or "-1")
  local discount = tonumber(discountArg ~= "" and discountArg or "0")
  if budget >= 0 then
    if discountArg == "" then
      return {"discount_required"}
    end
    if currency ~= "" and (limits[8] or "") ~= "" and currency ~= limits[8] then
      return {"budget_currency_mismatch", budget}
    end
    if tonumber(redis.call("GET", budgetKey) or "0") + discount > budget then
      return {"budget_exhausted", budget}
    end
  end
  -- #19.5: the per-customer limit counts orders (one per use), not items, whatever the consume unit.
  if hasCustomer == "1" and perCustomer >= 0 and tonumber(redis.call("GET", customerKey) or "0") + 1 > perCustomer then
    return {"customer_limit_reached", perCustomer}
  end
  redis.call("INCRBY", totalKey, units)
  if hasCode == "1" then
    redis.call("INCRBY", codeKey, units)
  end
  if hasCustomer == "1" then
    redis.call("INCRBY", customerKey, 1)
  end
  if discount > 0 then
    redis.call("INCRBY", budgetKey, discount)
  end
  redis.call("HSET", holdKey, "state", state, "units", units, "hasCode", hasCode, "hasCustomer", hasCustomer,
    "customerUnits", hasCustomer, "code", code, "customer", customer, "fingerprint", fingerprint, "expiresAt", expiresAt,
    "discount", discount)
  if state == "reserved" then
    redis.call("ZADD", expiriesKey, expiresAt, holdId)
  end
  return {"ok", units}
end
