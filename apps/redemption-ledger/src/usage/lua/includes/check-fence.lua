--[[
  Shared by reserve-usage, commit-usage and release-usage: true while a rebuild fences the promotion
  (L3). A rebuild writes a "fence" field into every promotion's limits hash before it deletes a single
  key and clears it only when that promotion's counters, holds and expiries are written again, in the
  same MULTI. So no replica's script ever sees half-deleted or half-written counters: it answers
  {"rebuilding"} and the caller answers 503 (HTTP) or retries (consumers). The fence lives in the
  promotion's own slot ({promotionId} hash tag), so it needs no key outside the script's slot.
]]
local function isFenced(limitsKey)
  return redis.call("HEXISTS", limitsKey, "fence") == 1
end
