-- Benchmarks for the foundation: a cold boot, a warm start and a fixture
-- restore to the first answered request, and the round trip of
-- vm:syscall(getpid) from Lua. Prints medians, never asserts.
--   provium run bench/boot_and_syscall.lua [boots] [calls]
local boots = tonumber(arg[1]) or 7
local calls = tonumber(arg[2]) or 2000
local now = require("provium.core").now

package.path = (debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/lib/?.lua;" ..
  package.path
local median = require("stats").median

-- Each way of starting a VM, timed from the call to the first answered
-- request (a ping): the same end point for all three. The restore paths
-- count the agent's first answer (RESUME), not just QMP's cont.
local function to_first_answer(start)
  local t0 = now()
  local vm = start()
  vm:ping()
  return now() - t0, vm
end

local starts = {
  { "cold boot", function() local v = provium.create(); v:boot({ cold = true }); return v end },
  { "warm start (snapshot restored)", function() local v = provium.create(); v:boot(); return v end },
  { "fixture restored", function() return provium.fixture("prepared") end },
}
-- the snapshot and the fixture are built by a first, untimed start
starts[2][2]():kill()
starts[3][2]():kill()
local medians = {}
local vm
for k, s in ipairs(starts) do
  local times = {}
  for i = 1, boots do
    local t, v = to_first_answer(s[2])
    times[i] = t
    assert(v:info().start == ({ "cold", "warm", "fixture" })[k], "took the " .. v:info().start .. " path")
    if k == 1 and i == boots then vm = v else v:kill() end
  end
  medians[k] = median(times)
end

local info = vm:info()
print(string.format("accel: %s, kernel %s, module: %s", info.accel, info.release,
  info.module and "loaded" or info.module_error))
for k, s in ipairs(starts) do
  print(string.format("%s to the first answered request: median %.3f s over %d%s", s[1],
    medians[k], boots, k > 1 and string.format(" (%.1fx faster than a cold boot)", medians[1] / medians[k]) or ""))
end

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

-- syscall_ptr with a 4 KiB input and a 4 KiB output buffer: readv from
-- /dev/zero into one iovec whose buffer carries 4 KiB in and comes back out
do
  local NR = provium.nr
  local fd = vm:syscall_buf(NR.openat, 1, "/dev/zero\0", -100, 0, 0, 0)
  local iov = provium.pack("u64 u64", 0, 4096)
  local data = string.rep("x", 4096)
  local specs = { { buf_idx = 1, ptr_offset = 0, data = data, output = true } }
  for _ = 1, 50 do vm:syscall_ptr(NR.readv, { [1] = iov }, specs, fd, 0, 1) end
  local samples = {}
  local n = math.max(200, calls // 4)
  for i = 1, n do
    local t0 = now()
    local ret, _, out = vm:syscall_ptr(NR.readv, { [1] = iov }, specs, fd, 0, 1)
    samples[i] = now() - t0
    assert(ret == 4096 and #out == 4096, "readv returned " .. ret)
  end
  print(string.format("vm:syscall_ptr 4 KiB in + 4 KiB out round trip: median %.1f us over %d calls",
    median(samples) * 1e6, n))
  vm:syscall(NR.close, fd)
end
-- pipelined: vm:syscalls sends calls back to back and collects the replies
do
  local batch = {}
  for i = 1, 4096 do batch[i] = { 39 } end
  vm:syscalls(batch)
  local rates = {}
  for r = 1, 5 do
    local t0 = now()
    vm:syscalls(batch)
    rates[r] = #batch / (now() - t0)
  end
  print(string.format("pipelined vm:syscalls(getpid): median %.0f calls/s over 5 x %d calls (target >= 20000)",
    median(rates), #batch))
end
vm:shutdown()
