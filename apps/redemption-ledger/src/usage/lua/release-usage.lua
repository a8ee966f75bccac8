--[[
  Gives one hold's units (and its discount, to a budget, #23) back to every counter it took them from: a reservation released or expired,
  or a committed use reversed by a cancellation. Idempotent by hold id: a second call finds no hold.

  Input:
    KEYS[1] limits hash       redemption-ledger:usage:{<promotionId>}:limits
    KEYS[2] total counter     redemption-ledger:usage:{<promotionId>}:total
    KEYS[3] code counter      redemption-ledger:usage:{<promotionId>}:code:<codeKey>
    KEYS[4] customer counter  redemption-ledger:usage:{<promotionId>}:customer:<customerId>
    KEYS[5] hold hash         redemption-ledger:usage:{<promotionId>}:hold:<holdId>
    KEYS[6] expiries zset     redemption-ledger:usage:{<promotionId>}:expiries
    KEYS[7] budget counter    redemption-ledger:usage:{<promotionId>}:budget (minor units spent or held, #23)

    ARGV[1] hold id
    ARGV[2] mode: "release" (only a reserved hold), "expire" (only a reserved hold past its expiry),
            "reverse" (a reserved or committed hold)
    ARGV[3] now, epoch milliseconds (for "expire")

  Output:
    {"released", units}   the units were given back and the hold deleted
    {"kept", state}       the mode does not apply to the hold's state (or it is not yet due)
    {"missing"}           no such hold (already released, or never taken)
    {"not_loaded"}        no hold and the promotion's counters are missing (L3): rebuild first
    {"rebuilding"}        a rebuild fences the promotion (includes/check-fence): nothing done, retry
]]
local rcall = redis.call

--- @include "check-fence"

if isFenced(KEYS[1]) then
  return {"rebuilding"}
end

local hold = rcall("HMGET", KEYS[5], "state", "units", "hasCode", "hasCustomer", "expiresAt", "customerUnits", "discount")
local state = hold[1]
if not state then
  rcall("ZREM", KEYS[6], ARGV[1])
  if rcall("EXISTS", KEYS[1]) == 0 then
    return {"not_loaded"}
  end
  return {"missing"}
end
local mode = ARGV[2]
if mode == "release" and state ~= "reserved" then
  return {"kept", state}
end
if mode == "expire" and (state ~= "reserved" or tonumber(hold[5]) > tonumber(ARGV[3])) then
  return {"kept", state}
end
local units = tonumber(hold[2])
rcall("DECRBY", KEYS[2], units)
if hold[3] == "1" then
  rcall("DECRBY", KEYS[3], units)
end
if hold[4] == "1" then
  -- The customer counter took what the hold says (1 per order, #19.5); a hold made before it says nothing and took its units.
  rcall("DECRBY", KEYS[4], tonumber(hold[6] or hold[2]))
end
local discount = tonumber(hold[7] or "0")
if discount > 0 then
  rcall("DECRBY", KEYS[7], discount)
end
rcall("DEL", KEYS[5])
rcall("ZREM", KEYS[6], ARGV[1])
return {"released", units}
