-- The original documentation's "CLI Reference" (configuration/cli-reference)
-- and "Resource Management" (configuration/resource-management) pages: each
-- command of their examples, as written, on a scratch project whose test
-- files are named like the pages' (kacs_boot.lua, kacs_token.lua, ...).
-- The files need no VM, except vm_sizes.lua, which boots the pages' two
-- VMs under "--mem 4G --cpus 8". Output formats differ (docs/migrating.md):
-- what is checked is what runs, what is reported and the exit codes.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local reports = require("reports")
local json = require("provium.json")
local q = reports.q
local root = reports.capture("cd " .. q(here .. "/../..") .. " && pwd"):gsub("\n$", "")
local scratch = reports.scratch_dir()
local project = scratch .. "/my-tests"

local function write(path, text)
  os.execute("mkdir -p " .. q(path:match("^(.*)/[^/]*$")))
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
end

write(project .. "/tests/kacs_boot.lua", 'assert(provium.pack("u8", 1) == "\\1")\n')
write(project .. "/tests/kacs_token.lua", [[
test("open_self_token_returns_fd", function() assert(true) end)
test("open_self_token_no_privilege_required", function() assert(true) end)
]])
write(project .. "/tests/session_open.lua", 'test("opens", function() end)\n')
write(project .. "/tests/kacs_access_check.lua", [[
test("basic_allow", function() assert(true) end)
test("deny_ace_evaluated_first", function() assert_eq(0, -13) end)
]])
write(project .. "/tests/fixtures/kacs.lua", 'error("fixtures/ is not run as tests")\n')
write(project .. "/vm_sizes.lua", [[
local vm = provium.create()
vm:boot({memory = "1G", cpus = 2})
-- Uses 1 GB from the memory pool, 2 from the CPU pool
vm:shutdown()
local vm2 = provium.create()
vm2:boot()
-- Uses 512 MB (default) from memory, 1 (default) from CPUs
vm2:shutdown()
]])

-- under --profile, the project boots that profile's kernel too
require("host").scratch_profile(project, scratch .. "/cache")

-- "provium <args>" in the project, its own cache (the rerun record)
local function provium(args)
  local err = scratch .. "/stderr"
  local out, code = reports.capture(string.format(
    "cd %s && exec env -u PROVIUM_EVENT_FD -u PROVIUM_CONFIG PROVIUM_CACHE=%s TMPDIR=%s " ..
    "timeout 600 %s/build/provium %s 2>%s", q(project), q(scratch .. "/cache"), q(scratch),
    q(root), args, q(err)))
  return { code = code, out = out, err = reports.slurp(err) or "" }
end

-- the files a JSON report ran, sorted: "name:status ..."
local function ran(r)
  local t = {}
  for _, f in ipairs(json.decode(r.out).files) do
    t[#t + 1] = f.path:match("[^/]*$") .. ":" .. f.status
  end
  table.sort(t)
  return table.concat(t, " ")
end

local ALL = "kacs_access_check.lua:fail kacs_boot.lua:pass kacs_token.lua:pass session_open.lua:pass"

test("provium test tests/: every .lua below, fixtures/ skipped; exit 1 on a failure", function()
  local r = provium("test tests/")
  assert_eq(1, r.code)
  assert_contains(r.out, "FAIL  deny_ace_evaluated_first")
  assert_contains(r.out, "expected 0, got -EACCES (-13)")
  assert_contains(r.out, "logs: ")
  assert_contains(r.out, "5 passed, 1 failed, 0 skipped")
  assert_eq(ALL, ran(provium("test --json tests/")))
end)

test("provium test tests/kacs_boot.lua: a single file; exit 0", function()
  local r = provium("test tests/kacs_boot.lua")
  assert_eq(0, r.code)
  assert_contains(r.out, "PASS tests/kacs_boot.lua")
end)

test("provium test -f token -f session tests/: file names, any filter", function()
  local r = provium("test --json -f token -f session tests/")
  assert_eq(0, r.code)
  assert_eq("kacs_token.lua:pass session_open.lua:pass", ran(r))
end)

test("provium test -p 1 tests/: one at a time, in order", function()
  local r = provium("test -p 1 tests/")
  local order = {}
  for verdict, path in r.out:gmatch("\n(%u%u%u%u) (tests/[%w_/]+%.lua)") do
    order[#order + 1] = path
  end
  assert_eq("tests/kacs_access_check.lua tests/kacs_boot.lua tests/kacs_token.lua " ..
    "tests/session_open.lua", table.concat(order, " "))
end)

test("provium test --fail-fast tests/: nothing new starts after a failure", function()
  local r = provium("test --fail-fast tests/")
  assert_eq(1, r.code)
  assert_contains(r.out, "FAIL tests/kacs_access_check.lua")
  -- one at a time it is exact: the first file fails, the others never start
  r = provium("test --json --fail-fast -p 1 tests/")
  assert_eq("kacs_access_check.lua:fail kacs_boot.lua:skip kacs_token.lua:skip " ..
    "session_open.lua:skip", ran(r))
end)

test("provium test --rerun-failed tests/: the failures of the last run", function()
  assert_eq(1, provium("test tests/").code)
  local r = provium("test --json --rerun-failed tests/")
  assert_eq(1, r.code)
  assert_eq("kacs_access_check.lua:fail", ran(r))
end)

test("provium test --mem 4G --cpus 8 tests/: a fixed resource pool", function()
  local r = provium("test --mem 4G --cpus 8 tests/")
  assert_eq("resource pool: 4096M memory, 8 CPUs", reports.lines(r.out)[1])
  assert_eq(1, r.code)
  -- the pool's default: MemAvailable less 1.5 GB
  r = provium("test tests/kacs_boot.lua")
  assert_contains(reports.lines(r.out)[1], "less 1536M), CPUs not limited")
end)

test("resource management: each VM takes its boot size from the pool", function()
  local r = provium("-v test --mem 4G --cpus 8 vm_sizes.lua")
  assert_eq(0, r.code, r.out .. r.err)
  assert_contains(r.err, "vm_sizes.lua asks for 1024M memory, 2 CPUs")
  assert_contains(r.err, "vm_sizes.lua asks for 512M memory, 1 CPU")
end)

test("provium version", function()
  local r = provium("version")
  assert_eq(0, r.code)
  assert(r.out:match("^provium %S+\n$"), r.out)
end)

os.execute("rm -rf " .. q(scratch))
