-- What reaches QEMU: an argument vector that grows (16 disks), paths with
-- spaces and commas (cache, run directory, disks, fixture states), and
-- timeouts that are never endless.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local host = require("host")
local sh = host.sh
local root = host.repo_root()

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

test("16 disks boot and appear as /dev/vda../dev/vdp", function()
  local dir = sh("mktemp -d")
  local disks = {}
  for i = 1, 16 do
    local p = dir .. "/disk" .. i .. ".img"
    assert(os.execute("truncate -s 1M " .. q(p)))
    disks[i] = p
  end
  local vm = provium.create()
  vm:boot({ disks = disks })
  local out = vm:exec("ls /sys/block").stdout.value
  for _, c in ipairs({ "vda", "vdh", "vdp" }) do assert_contains(out, c) end
  assert_eq(16, select(2, out:gsub("vd%a+", "")))
  vm:shutdown()
  os.execute("rm -rf " .. q(dir))
end)

test("a cache, a run directory, disks and fixtures under paths with spaces and commas", function()
  local base = sh("mktemp -d")
  local dir = base .. "/my proj,v1"
  local cache = base .. "/cache dir,x"
  local tmp = base .. "/tmp,y z"
  local real = sh("echo ${PROVIUM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/provium}")
  assert(os.execute("mkdir -p " .. q(dir .. "/fixtures") .. " " .. q(cache) .. " " .. q(tmp)))
  -- share the extracted kernel, the unpacked ones (--profile) and the
  -- accelerator verdict, nothing else
  os.execute("for f in " .. real .. "/vmlinux-* " .. real .. "/accel-* " .. real ..
    "/kernels; do ln -s \"$f\" " .. q(cache) .. "/; done")
  host.scratch_profile(dir)
  assert(os.execute("truncate -s 1M " .. q(dir .. "/data,1 2.img")))
  local f = assert(io.open(dir .. "/fixtures/odd.lua", "w"))
  f:write('local vm = provium.create()\nvm:boot()\nvm:write_file("/root/mark", "odd")\nreturn vm\n')
  f:close()
  f = assert(io.open(dir .. "/use.lua", "w"))
  f:write([[
local vm = provium.create()
vm:boot({ disks = { "data,1 2.img" } })
print(vm:exec("cat /sys/block/vda/size").stdout:trim())
vm:shutdown()
local fx = provium.fixture("odd")
print(fx:read_file("/root/mark"))
fx:kill()
]])
  f:close()
  local out = sh(string.format("cd %s && TMPDIR=%s PROVIUM_CACHE=%s %s/build/provium run use.lua 2>&1",
    q(dir), q(tmp), q(cache), root))
  assert_eq("2048\nodd", out)
  assert_eq("", sh("ls " .. q(tmp)), "run directories removed")
  os.execute("rm -rf " .. q(base))
end)
test("a timeout of 0 or less is an error, never an endless wait", function()
  local vm = provium.create()
  vm:boot()
  for _, t in ipairs({ 0, -1 }) do
    local ok, err = pcall(vm.set_timeout, vm, t)
    assert(not ok)
    assert_contains(err, "timeout")
    ok, err = pcall(vm.exec, vm, "true", { timeout = t })
    assert(not ok, "exec timeout " .. t)
    assert_contains(err, "timeout")
  end
  vm:shutdown()
  local v2 = provium.create()
  local ok, err = pcall(v2.boot, v2, { timeout = 0 })
  assert(not ok)
  assert_contains(err, "timeout")
end)
