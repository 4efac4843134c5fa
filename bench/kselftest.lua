-- Benchmarks for kselftests: four real collections built from Debian's
-- linux-source-6.1 (kcmp and membarrier: dynamically linked C; user and
-- sysctl: shell scripts) run by "provium kselftest" at -p 1 and -p 2, with
-- Provium's overhead against the tests' own run time in the same guest
-- (the kernel's run_kselftest.sh, timed by the guest's clock); and the cost
-- of rootfs = "host" on boot-to-ready against the default guest. Prints
-- medians, never asserts a time.
--   provium run bench/kselftest.lua [runs] [boots]
local runs = tonumber(arg[1]) or 3
local boots = tonumber(arg[2]) or 5
local now = require("provium.core").now
local json = require("provium.json")

local COLLECTIONS = { "kcmp", "membarrier", "user", "sysctl" }
local TARGETS = "kcmp splice user sysctl membarrier size" -- the e2e tests' install: one build
local SOURCE = "/usr/src/linux-source-6.1.tar.xz"

local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
local bin = here .. "/../build/provium"

package.path = (debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/lib/?.lua;" ..
  package.path
local median = require("stats").median

local function sh(cmd)
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  local ok, _, code = p:close()
  return out, ok and 0 or code
end

local install, code = sh(bin .. " kselftest --build " .. SOURCE .. " " .. TARGETS .. " 2>/dev/null")
install = install:gsub("\n$", "")
if code ~= 0 or install == "" then
  error("provium kselftest --build failed: run it by hand to see why")
end
local cols = table.concat(COLLECTIONS, " ")

-- provium kselftest -p P: wall time, and what the report says
local function cli_run(p)
  local t0 = now()
  local out = sh(string.format("%s kselftest -p %d --json %s %s 2>/dev/null", bin, p, install, cols))
  local wall = now() - t0
  local d = json.decode(out)
  local tests = 0
  for _, c in ipairs(d.collections) do
    for _, t in ipairs(c.tests) do tests = tests + t.duration end
  end
  return wall, tests, d
end

-- the same tests in one guest, timed by its clock: each test program run
-- directly (their own run time), the kernel's run_kselftest.sh, and
-- vm:kselftest (timed by the host)
local list = {}
for line in io.lines(install .. "/kselftest-list.txt") do
  local c, t = line:match("^([^:]+):(.+)$")
  for _, want in ipairs(COLLECTIONS) do
    if c == want then list[#list + 1] = { c, t } end
  end
end
-- bash's $EPOCHREALTIME: a clock without a fork per reading
local direct = "s=0\n"
for _, ct in ipairs(list) do
  direct = direct .. string.format("cd %s/%s && a=${EPOCHREALTIME/./} && ./%s >/dev/null 2>&1; " ..
    "b=${EPOCHREALTIME/./}; s=$((s + b - a))\n", install, ct[1], ct[2])
end
direct = direct .. "echo $s\n"
local vm = provium.create()
vm:boot({ rootfs = "host" })
local own, native, ours = {}, {}, {}
local args = ""
for _, c in ipairs(COLLECTIONS) do args = args .. " -c " .. c end
vm:_kselftest(install, COLLECTIONS) -- warm up: the guest's page cache, modules loaded once
for i = 1, runs do
  own[i] = tonumber(vm:exec({ "bash", "-c", direct }, { timeout = 600 }).stdout:trim()) / 1e6
  local r = vm:exec({ "bash", "-c", string.format(
    "cd %s && a=${EPOCHREALTIME/./} && ./run_kselftest.sh%s >/dev/null 2>&1; " ..
    "b=${EPOCHREALTIME/./}; echo $((b - a))", install, args) }, { timeout = 600 })
  native[i] = tonumber(r.stdout:trim()) / 1e6
  local t0 = now()
  local res = vm:_kselftest(install, COLLECTIONS)
  ours[i] = now() - t0
  assert(#res == #list, "vm:kselftest ran " .. #res .. " tests, the list has " .. #list)
end
vm:shutdown()
local n, k, o = median(own), median(native), median(ours)
print(string.format("one guest, %d tests: their own run time %.2f s; run_kselftest.sh %.2f s; " ..
  "vm:kselftest %.2f s, Provium's overhead %.2f s (%.0f ms a test); medians over %d runs",
  #list, n, k, o, o - n, (o - n) / #list * 1000, runs))

local outcome
for _, p in ipairs({ 1, 2 }) do
  local walls, tests = {}, {}
  for i = 1, runs do
    walls[i], tests[i], outcome = cli_run(p)
  end
  print(string.format("provium kselftest -p %d, %d collections: wall median %.1f s over %d runs; " ..
    "the tests %.1f s of it as the host timed each; overhead against their own run time %.1f s " ..
    "(boots and teardowns of %d guests included)", p, #COLLECTIONS, median(walls), runs,
    median(tests), median(walls) - n, #COLLECTIONS))
end
local summary = {}
for _, c in ipairs(outcome.collections) do
  local st = {}
  for _, t in ipairs(c.tests) do st[#st + 1] = t.name .. " " .. t.status end
  summary[#summary + 1] = c.name .. " (" .. table.concat(st, ", ") .. ")"
end
print(string.format("results (%s): %s", outcome.accel, table.concat(summary, "; ")))

-- boot to a ready agent: the default guest (cold, as rootfs = "host" always
-- boots, and restored from its snapshot) against rootfs = "host"
local plain, warm, host = {}, {}, {}
local function boot_time(opts)
  local v = provium.create()
  v:boot(opts)
  local t = v:info().boot_time
  v:kill()
  return t
end
for i = 1, boots do
  plain[i] = boot_time({ cold = true })
  warm[i] = boot_time({})
  host[i] = boot_time({ rootfs = "host" })
end
print(string.format("boot to ready: default %.3f s cold (%.3f s restored), rootfs = \"host\" %.3f s " ..
  "(%.2fx the cold default; medians over %d boots each, alternating)", median(plain), median(warm),
  median(host), median(host) / median(plain), boots))
