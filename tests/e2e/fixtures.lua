-- Fixtures: state built once by tests/fixtures/NAME.lua, saved, and every
-- provium.fixture("NAME") a fresh VM started from it; nesting, concurrent
-- first requests building once, rebuilding when the script changes.
local NR = provium.nr
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local host = require("host")
local sh = host.sh
-- absolute: the scratch projects below cd elsewhere
local root = host.repo_root()

test("a fixture VM starts with the fixture's state and works like any VM", function()
  local vm = provium.fixture("prepared")
  assert_eq("state from the fixture\n", vm:read_file("/root/prepared.txt"))
  assert_eq("42", vm:exec("cat /srv/data/answer").stdout:trim())
  -- the module is in use after the restore if the kernel has one at all
  local has_module = provium.create():info().module_path ~= ""
  assert_eq(has_module, vm:info().module, "module in use after restore")
  assert(vm:syscall(NR.getpid) > 0)
  assert_eq(has_module and "module" or "user", vm:last_call().executor)
  local job = vm:background("echo from-a-job")
  assert_eq("from-a-job\n", vm:job_wait(job, 60).stdout.value)
  vm:shutdown()
end)

test("every fixture VM is fresh: changes never reach the next one", function()
  local a = provium.fixture("prepared")
  a:write_file("/root/prepared.txt", "changed by a")
  local b = provium.fixture("prepared")
  assert_eq("state from the fixture\n", b:read_file("/root/prepared.txt"))
  assert_eq("changed by a", a:read_file("/root/prepared.txt"))
  a:kill()
  b:kill()
end)

test("fixtures nest: one may start from another", function()
  local vm = provium.fixture("nested")
  assert_eq("nested", vm:read_file("/srv/data/layers"):match("%S+"))
  assert_eq("state from the fixture\n", vm:read_file("/root/prepared.txt"))
  vm:kill()
end)

test("a fixture script that returns nothing saves the last VM it created and booted", function()
  local vm = provium.fixture("implicit")
  assert_eq("last", vm:read_file("/root/which"))
  assert_eq("fixture", vm:info().start)
  vm:kill()
end)

-- the disk as the guest reads it, past its page cache
local function disk_text(vm, len, skip)
  return vm:exec(string.format("sync; echo 3 > /proc/sys/vm/drop_caches; " ..
    "dd if=/dev/vda bs=1 skip=%d count=%d 2>/dev/null", skip or 0, len)).stdout.value
end

test("fixtures keep a user initrd, boot files and disks as they were saved", function()
  local a = provium.fixture("with_media")
  assert_eq("user-initramfs\n", a:read_file("/etc/user-release"))
  assert_eq("seed", a:read_file("/opt/seed"))
  assert_eq("saved-on-disk", disk_text(a, 13))
  -- a copy writes to its own overlay: the next copy sees the saved disk
  assert(a:exec("printf changed-by-a | dd of=/dev/vda conv=fsync,notrunc").ok)
  assert_eq("changed-by-a", disk_text(a, 12))
  local b = provium.fixture("with_media")
  assert_eq("saved-on-disk", disk_text(b, 13))
  a:kill()
  b:kill()
  -- nested: the saved disk holds what both fixtures wrote
  local c = provium.fixture("media_layer")
  assert_eq("saved-on-disk", disk_text(c, 13))
  assert_eq("layer2", disk_text(c, 6, 100))
  assert_eq("seed", c:read_file("/opt/seed"))
  c:kill()
end)

test("bad fixture names and missing fixtures are clear errors", function()
  local ok, err = pcall(provium.fixture, "../etc")
  assert(not ok)
  assert_contains(err, "fixture name")
  ok, err = pcall(provium.fixture, "no_such_fixture")
  assert(not ok)
  assert_contains(err, "no fixtures/no_such_fixture.lua")
  ok, err = pcall(provium.fixture, "cycle")
  assert(not ok)
  assert_contains(err, "requests itself")
end)

-- a scratch project: its own fixtures/ and a cache that shares everything
-- with the real one but fixture states
local function scratch_project(fixture_body)
  local dir = sh("mktemp -d")
  local cache = dir .. "/cache"
  local real = sh("echo ${PROVIUM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/provium}")
  assert(os.execute("mkdir -p " .. dir .. "/fixtures " .. cache))
  os.execute("for f in " .. real .. "/*; do case $(basename $f) in fixture-*) ;; *) ln -s $f " ..
    cache .. "/;; esac; done")
  host.scratch_profile(dir)
  local f = assert(io.open(dir .. "/fixtures/counted.lua", "w"))
  f:write(fixture_body)
  f:close()
  f = assert(io.open(dir .. "/use.lua", "w"))
  f:write([[local vm = provium.fixture("counted")
print(vm:read_file("/root/built-by"))
vm:kill()
]])
  f:close()
  return dir, cache
end

local counting = [[
local log = assert(io.open(os.getenv("FIXTURE_LOG"), "a"))
log:write("built\n")
log:close()
local vm = provium.create()
vm:boot()
vm:write_file("/root/built-by", "VERSION")
return vm
]]

test("concurrent first requests build the fixture once", function()
  local dir, cache = scratch_project(counting:gsub("VERSION", "v1"))
  local cmd = string.format("cd %s && export FIXTURE_LOG=%s/builds PROVIUM_CACHE=%s; " ..
    "%s/build/provium run use.lua > out1 2>&1 & %s/build/provium run use.lua > out2 2>&1; wait",
    dir, dir, cache, root, root)
  os.execute(cmd)
  assert_eq("built", sh("cat " .. dir .. "/builds"), "exactly one build")
  assert_eq("v1", sh("cat " .. dir .. "/out1"))
  assert_eq("v1", sh("cat " .. dir .. "/out2"))
  os.execute("rm -rf " .. dir)
end)

test("changing the fixture script rebuilds it; an unchanged one is reused", function()
  local dir, cache = scratch_project(counting:gsub("VERSION", "v1"))
  local run = string.format("cd %s && FIXTURE_LOG=%s/builds PROVIUM_CACHE=%s %s/build/provium run use.lua",
    dir, dir, cache, root)
  assert_eq("v1", sh(run))
  assert_eq("v1", sh(run))
  local f = assert(io.open(dir .. "/fixtures/counted.lua", "w"))
  f:write((counting:gsub("VERSION", "v2")))
  f:close()
  assert_eq("v2", sh(run))
  assert_eq("built\nbuilt", sh("cat " .. dir .. "/builds"))
  os.execute("rm -rf " .. dir)
end)

test("a fixture is built on top of warm start: its VM restored, then saved and restored", function()
  local dir, cache = scratch_project(counting:gsub("VERSION", "warm"))
  -- any timer calibration: a build refused for it would boot cold (warm_start.lua)
  local run = string.format("cd %s && FIXTURE_LOG=%s/builds PROVIUM_TIMER_TOLERANCE=off PROVIUM_CACHE=%s " ..
    "%s/build/provium -v run use.lua 2>&1", dir, dir, cache, root)
  local out = sh(run)
  -- the fixture script's vm:boot() restored the ready guest (building it if needed)
  assert(out:find("restored snapshot warm%-") or out:find("then restored it", 1, true), out)
  assert_contains(out, "restored fixture counted")
  assert_contains(out, "warm")
  assert(sh("ls " .. cache):find("fixture%-%x+%.ram"), "the fixture's RAM file is saved")
  out = sh(run)
  assert_contains(out, "restored fixture counted")
  assert(not out:find("snapshot warm-", 1, true), "a restored fixture needs no boot snapshot: " .. out)
  os.execute("rm -rf " .. dir)
end)

test("a fixture script that returns no VM is an error", function()
  local dir, cache = scratch_project("return 42\n")
  local out = sh(string.format("cd %s && PROVIUM_CACHE=%s %s/build/provium run use.lua 2>&1",
    dir, cache, root))
  assert_contains(out, "must return a booted VM")
  os.execute("rm -rf " .. dir)
end)
