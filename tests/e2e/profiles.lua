-- provium.toml profiles: a kernel without the module (user-space executor),
-- the module built for a kbuild tree, a user initramfs chained to, memory
-- and cpus, and configuration errors.
local NR = provium.nr
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local host = require("host")
local sh = host.sh
local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir -p " .. dir))

-- the default kernel of this host, found the way the default profile does
local kver = sh("ls /boot/vmlinuz-* | sed 's|/boot/vmlinuz-||' | sort -V | tail -n 1")

-- a newc archive with a user /init that leaves a mark and stays PID 1
local function newc(entries)
  local out, ino = {}, 1
  local function pad(s) return s .. string.rep("\0", (4 - #s % 4) % 4) end
  local function entry(name, mode, data)
    local hdr = string.format("070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
      ino, mode, 0, 0, 1, 0, #data, 0, 0, 0, 0, #name + 1, 0)
    ino = ino + 1
    out[#out + 1] = pad(hdr .. name .. "\0") .. pad(data)
  end
  for _, e in ipairs(entries) do entry(e[1], e[2], e[3]) end
  entry("TRAILER!!!", 0, "")
  local s = table.concat(out)
  return s .. string.rep("\0", (512 - #s % 512) % 512)
end

local initrd = dir .. "/user.cpio"
local f = assert(io.open(initrd, "wb"))
f:write(newc({
  { "etc", 0x41ed, "" },
  { "etc/user-release", 0x81a4, "user-initramfs\n" },
  { "init", 0x81ed, "#!/bin/sh\necho $$ > /run/user-init-pid\nexec sleep 1000000\n" },
}))
f:close()

local toml = dir .. "/provium.toml"
f = assert(io.open(toml, "w"))
f:write(string.format([[
# written by tests/e2e/profiles.lua
[profile.nomod]
kernel = "/boot/vmlinuz-%s"
memory = "256M"

[profile.built]
kernel = "/boot/vmlinuz-%s"
kbuild = '/lib/modules/%s/build'
cpus = 2

[profile.noinit]
append = "rdinit=/no/such/init"

[profile.userinit]
initrd = "user.cpio"     # relative to this file
append = "provium_test_marker=1"
]], kver, kver, kver))
f:close()

test("a kernel without kbuild runs without the module: user-space executor", function()
  local vm = provium.create("nomod", { config = toml })
  vm:boot()
  local info = vm:info()
  assert_eq(false, info.module)
  assert(vm:syscall(NR.getpid) > 0)
  assert_eq("user", vm:last_call().executor)
  assert_eq(-2, (vm:syscall_buf(NR.openat, 1, "/missing\0", -100, 0, 0, 0)))
  local mem = tonumber(vm:exec("awk '/MemTotal/ {print $2}' /proc/meminfo").stdout:trim())
  assert(mem < 256 * 1024 and mem > 128 * 1024, "MemTotal " .. mem .. " kB for memory = 256M")
  local ok, err = pcall(vm.set_executor, vm, "module")
  assert(not ok)
  assert_contains(err, "not loaded")
  vm:shutdown()
end)

test("kbuild builds provium.ko for the profile's kernel, and it is used", function()
  local vm = provium.create("built", { config = toml })
  vm:boot()
  assert_eq(true, vm:info().module)
  assert_eq(kver, vm:info().release)
  vm:syscall(NR.getpid)
  assert_eq("module", vm:last_call().executor)
  assert_eq("2", vm:exec("nproc").stdout:trim())
  vm:shutdown()
end)

test("a user initramfs is kept and its /init stays PID 1, the agent serves beside it", function()
  local vm = provium.create("userinit", { config = toml })
  vm:boot()
  assert_eq("user-initramfs\n", vm:read_file("/etc/user-release"))
  vm:wait_until(function(v) return v:exec("test -s /run/user-init-pid").ok end,
    { desc = "the user init ran" })
  assert_eq("1", vm:read_file("/run/user-init-pid"):match("%d+"))
  assert_eq("sleep", vm:read_file("/proc/1/comm"):match("%S+"))
  assert(vm:syscall(NR.getpid) > 1, "the agent is not PID 1 any more")
  assert_contains(vm:read_file("/proc/cmdline"), "provium_test_marker=1")
  vm:shutdown()
end)

test("a guest that cannot start fails boot at once with the reason and console", function()
  local vm = provium.create("noinit", { config = toml })
  local ok, err = pcall(vm.boot, vm)
  assert(not ok, "booted without an init")
  assert_contains(err, "guest did not become ready")
  assert_contains(err, "guest kernel panic")
  assert_contains(err, "--- console tail")
  assert_contains(err, "Unable to mount root fs")
  assert_eq(false, vm:info().running)
end)

test("configuration errors are clear", function()
  local bad = dir .. "/bad.toml"
  local cases = {
    { "[profile.x]\nkernel = /unquoted\n", "strings must be quoted" },
    { "[profile.x]\nkernal = \"/boot/x\"\n", "unknown key 'kernal'" },
    { "[profile.x]\nmemory = \"lots\"\n", "bad memory" },
    { "[profile.x]\nkernel = \"/no/such/kernel\"\n", "/no/such/kernel" },
    { "[profile.y]\n", "no [profile.x]" },
  }
  for _, c in ipairs(cases) do
    local g = assert(io.open(bad, "w"))
    g:write(c[1])
    g:close()
    local ok, err = pcall(provium.create, "x", { config = bad })
    assert(not ok, "accepted: " .. c[1])
    assert_contains(err, c[2])
  end
  local ok, err = pcall(provium.create, "x", { config = dir .. "/absent.toml" })
  assert(not ok)
  assert_contains(err, "absent.toml")
end)

test("a value too long for its field is an error, not silently the default kernel", function()
  local long = dir .. "/long.toml"
  local g = assert(io.open(long, "w"))
  g:write("[profile.x]\nkernel = \"/" .. string.rep("k", 600) .. "\"\n")
  g:close()
  local ok, err = pcall(provium.create, "x", { config = long })
  assert(not ok, "a 601-byte kernel path was accepted")
  assert_contains(err, "kernel is too long")
end)

os.execute("rm -rf " .. dir)
