-- Benchmarks for the foundation: cold boot to a ready agent, and the
-- round trip of vm:syscall(getpid) from Lua. Prints medians, never asserts.
--   provium run bench/boot_and_syscall.lua [boots] [calls]
local boots = tonumber(arg[1]) or 7
local calls = tonumber(arg[2]) or 2000
local now = require("provium.core").now

local function median(t)
  table.sort(t)
  local n = #t
  if n % 2 == 1 then return t[(n + 1) // 2] end
  return (t[n // 2] + t[n // 2 + 1]) / 2
end

local boot_times, wall_times = {}, {}
local vm
for i = 1, boots do
  local t0 = now()
  vm = provium.create()
  vm:boot()
  wall_times[i] = now() - t0
  boot_times[i] = vm:info().boot_time
  if i < boots then vm:kill() end
end
local info = vm:info()
print(string.format("accel: %s, kernel %s, module: %s", info.accel, info.release,
  info.module and "loaded" or info.module_error))
print(string.format("cold boot to ready agent: median %.3f s over %d boots (create+boot %.3f s)",
  median(boot_times), boots, median(wall_times)))

local function round_trip(executor_note)
  for _ = 1, 100 do vm:syscall(39) end -- warm up
  local samples = {}
  for i = 1, calls do
    local t0 = now()
    vm:syscall(39)
    samples[i] = now() - t0
  end
  local m = median(samples)
  print(string.format("vm:syscall(getpid) round trip: median %.1f us over %d calls (%s)",
    m * 1e6, calls, executor_note or vm:last_call().executor))
  return m
end
round_trip()
vm:shutdown()
