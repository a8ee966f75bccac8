--[[
  Shared by reserve-usage and commit-usage: checks every limit of the promotion and, only when all
  allow the use, increments every counter and writes the hold (L2: `count + units <= max` checked and
  incremented in one step, so no concurrent caller can slip between the check and the write).
  A group code (one of code-inventory's unique codes: not among the promotion's "shared:<code>" fields, when
  "codesKnown" says they are listed) is single-use when usesPerCode is not set (#19.2, seed 002): one order
  holds it, whatever its units, so a code leaked to a second shopper is refused here, at reservation.

  The total and code counters take the use's units (a per-cart promotion: 1); the customer counter takes 1, one order
  (#19.5), recorded as the hold's "customerUnits" so release-usage gives back exactly what was taken.

  Returns {"ok", units} or {reason, limit} or {"not_loaded"} / {"unknown_promotion"}.
]]
local function takeUse(limitsKey, totalKey, codeKey, customerKey, holdKey, expiriesKey,
                       holdId, requestedUnits, code, customer, expiresAt, state, fingerprint)
  local limits = redis.call("HMGET", limitsKey, "total", "perCode", "perCustomer", "unit", "deleted", "codesKnown")
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
  redis.call("HSET", holdKey, "state", state, "units", units, "hasCode", hasCode, "hasCustomer", hasCustomer,
    "customerUnits", hasCustomer, "code", code, "customer", customer, "fingerprint", fingerprint, "expiresAt", expiresAt)
  if state == "reserved" then
    redis.call("ZADD", expiriesKey, expiresAt, holdId)
  end
  return {"ok", units}
end
