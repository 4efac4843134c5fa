-- bench/lib/stats.lua: what the benchmarks print of their samples.
local M = {}

-- The median of the numbers in @t (left as it is).
function M.median(t)
  local s = {}
  for i, v in ipairs(t) do s[i] = v end
  table.sort(s)
  local n = #s
  if n % 2 == 1 then return s[(n + 1) // 2] end
  return (s[n // 2] + s[n // 2 + 1]) / 2
end

return M
