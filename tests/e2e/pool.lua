-- The resource pool of "provium test": --mem/--cpus are the budget that the
-- running VMs of every file share (files run in separate processes), a boot
-- waits while it is spent, a file that dies gives back what it held, what
-- can never fit or would deadlock is refused; without --mem, MemAvailable
-- less 1.5 GB. The case files (tests/pool-cases) read the runner's -v log.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local host = require("host")
local reports = require("reports")
local q = reports.q
local root = host.repo_root()
local scratch = reports.scratch_dir()
local CASES = "tests/pool-cases/"

-- provium -v test <args> from the repository root: code, stdout, the -v log
local function run(args, env)
  local log = scratch .. "/pool.log"
  os.remove(log)
  local out, code = reports.capture(string.format(
    "cd %s && exec env -u PROVIUM_EVENT_FD POOL_LOG=%s TMPDIR=%s %s timeout 600 " ..
    "build/provium -v test --timeout 400 %s 2>%s", q(root), q(log), q(scratch), env or "",
    args, q(log)))
  return { code = code, out = out, log = reports.slurp(log) or "" }
end

local function count(s, text)
  local n, at = 0, 1
  while true do
    local i = s:find(text, at, true)
    if not i then return n end
    n, at = n + 1, i + 1
  end
end

test("--mem: two files' VMs never run at once in a pool that holds one", function()
  local r = run("--mem 256M " .. CASES .. "pair_a.lua " .. CASES .. "pair_b.lua")
  assert_eq(0, r.code, "exit code\n" .. r.out .. r.log)
  assert_contains(r.out, "resource pool: 256M memory, CPUs not limited")
  -- both asked before either gave back: they ran side by side, and waited
  assert_eq(2, count(r.log, " asks for 256M memory, 1 CPU"))
  assert_eq(2, count(r.log, " gives back VM 1"))
end)

test("--cpus: the CPU budget gates the same way", function()
  local r = run("--cpus 1 " .. CASES .. "pair_a.lua " .. CASES .. "pair_b.lua")
  assert_eq(0, r.code, "exit code\n" .. r.out .. r.log)
  assert_contains(r.out, "resource pool: ")
  assert_contains(r.out, ", 1 CPU\n")
end)

test("without --mem: MemAvailable less 1.5 GB, and -p auto runs files side by side", function()
  local meminfo = scratch .. "/meminfo"
  local f = assert(io.open(meminfo, "w"))
  f:write(string.format("MemTotal: 4000000 kB\nMemAvailable: %d kB\n", (1536 + 300) * 1024))
  f:close()
  -- the pair needs both files running at once: -p auto is at least 2
  local r = run(CASES .. "pair_a.lua " .. CASES .. "pair_b.lua", "PROVIUM_MEMINFO=" .. q(meminfo))
  assert_eq(0, r.code, "exit code\n" .. r.out .. r.log)
  assert_contains(r.out, "resource pool: 300M memory (MemAvailable 1836M less 1536M), " ..
    "CPUs not limited")
end)

test("a file that dies holding a VM gives it back", function()
  local r = run("-p 1 --mem 256M " .. CASES .. "crash.lua " .. CASES .. "later.lua")
  assert_eq(1, r.code, "crash.lua fails\n" .. r.out .. r.log)
  assert_contains(r.log, "crash.lua ended holding 1 VM(s): 256M memory, 1 CPU reclaimed")
  assert_contains(r.log, "later.lua gets VM 1")
  assert_contains(r.out, "PASS " .. CASES .. "later.lua")
end)

test("a VM bigger than the pool is refused at once", function()
  local r = run("--mem 512M " .. CASES .. "big.lua")
  assert_eq(0, r.code, "exit code\n" .. r.out .. r.log)
  assert_contains(r.log, "big.lua is refused VM 1: the resource pool can never hold this VM")
end)

test("files that each hold a VM and wait for another: one is refused, the other goes on", function()
  local r = run("--mem 512M " .. CASES .. "deadlock_a.lua " .. CASES .. "deadlock_b.lua")
  assert_eq(0, r.code, "exit code\n" .. r.out .. r.log)
  assert_eq(1, count(r.log, "is refused VM 2: the resource pool is spent"), r.log)
  assert_eq(1, count(r.log, "gets VM 2"), r.log)
end)

test("bad budgets are usage errors", function()
  for _, args in ipairs({ "--mem 32M", "--mem lots", "--cpus 0", "-p none" }) do
    local r = run(args .. " " .. CASES .. "big.lua")
    assert_eq(2, r.code, args)
  end
end)
