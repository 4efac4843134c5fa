-- Benchmarks for tracing (docs/tracing.md): arming errno origins on the
-- ~2,700 functions of { "*bpf*", "*map*" } (cold: the agent reads kallsyms,
-- available_filter_functions and BTF; warm: they are cached), setting the
-- function_graph tracer up, and what each costs a call. Prints medians,
-- never asserts.
--   provium run bench/trace.lua [calls]
local calls = tonumber(arg[1]) or 300
local now = require("provium.core").now
local NR = provium.nr

package.path = (debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/lib/?.lua;" ..
  package.path
local median = require("stats").median

local vm = provium.create()
vm:boot()
local info = vm:info()
print(string.format("accel: %s, kernel %s", info.accel, info.release))

-- a failing call with a known origin, and a cheap successful one
local attr = provium.pack("u32 u32 u32 u32", 2, 8, 8, 4) .. string.rep("\0", 112)
local function bad_bpf() return vm:syscall_buf(NR.bpf, 1, attr, 0, 0, 128) end
local function getpid() return vm:syscall(NR.getpid) end

-- median microseconds of @fn over @n calls, after a warm-up
local function per_call(fn, n)
  for _ = 1, 20 do fn() end
  local samples = {}
  for i = 1, n do
    local t0 = now()
    fn()
    samples[i] = now() - t0
  end
  return median(samples) * 1e6
end

local base_getpid, base_bpf = per_call(getpid, calls), per_call(bad_bpf, calls)
local base_batch = per_call(function() return vm:syscalls({ { NR.getpid } }) end, calls)

local globs = { "*bpf*", "*map*" }
local t0 = now()
local armed = vm:set_trace({ errno = globs })
local cold = now() - t0
print(string.format("errno origins on %d functions (%s), first arming: %.2f s " ..
  "(symbols and BTF %.2f s, provium.ko registering %.2f s)", armed.functions,
  table.concat(globs, ", "), cold, armed.resolve_time, armed.arm_time))
vm:set_trace({})
t0 = now()
armed = vm:set_trace({ errno = globs })
print(string.format("  again, symbols cached: %.2f s (provium.ko registering %.2f s)",
  now() - t0, armed.arm_time))

assert(bad_bpf() < 0 and vm:last_call().errno_origin, "no errno origin")
-- vm:syscalls is never traced: what an armed set costs everything else
local function batch_getpid() return vm:syscalls({ { NR.getpid } }) end
local armed_getpid = per_call(batch_getpid, calls)
local traced_getpid, traced_bpf = per_call(getpid, calls), per_call(bad_bpf, calls)
print(string.format("per call, getpid: %.1f us untraced, %.1f us with its errno origin " ..
  "followed (+%.1f us)", base_getpid, traced_getpid, traced_getpid - base_getpid))
print(string.format("  of which the armed set slows every call: untraced getpid %.1f us " ..
  "armed, %.1f us not", armed_getpid, base_batch))
print(string.format("per call, a failing bpf(BPF_MAP_CREATE): %.1f us untraced, %.1f us with " ..
  "its origin found (+%.1f us)", base_bpf, traced_bpf, traced_bpf - base_bpf))
vm:set_trace({})

t0 = now()
local g = vm:set_trace({ graph = { depth = 4 } })
print(string.format("function_graph tracer set up (every function): %.2f s", now() - t0))
local graphed = per_call(getpid, calls)
vm:set_trace({})
local after = per_call(getpid, calls)
print(string.format("per call, getpid: %.1f us with its graph, %.1f us without " ..
  "(the tracer still on: +%.1f us over none)", graphed, after, after - base_getpid))
t0 = now()
g = vm:set_trace({ graph = { depth = 4, filter = { "*openat*", "getname*", "do_filp_open" } } })
print(string.format("graph filter to 3 globs: %.2f s (tracer %.2f s)", now() - t0, g.graph_time))
local filtered = per_call(getpid, calls)
vm:set_trace({})
print(string.format("per call, getpid: %.1f us with a graph, %.1f us without, tracer filtered",
  filtered, per_call(getpid, calls)))
vm:shutdown()
