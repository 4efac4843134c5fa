-- A profile's rootfs: a disk image as the root file system (root=/dev/vda),
-- its /sbin/init PID 1 with the agent serving beside it, the image never
-- written; rootfs with an initrd; the default init of a user initramfs.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local host = require("host")
local images = require("images")
local sh = host.sh
local dir = sh("mktemp -d")

local INIT = "#!/bin/sh\necho $$ > /run/init-pid\necho %s > /run/init-name\nexec sleep 1000000\n"

images.ext4_root(dir .. "/root.ext4", {
  ["/etc/os-release"] = "NAME=provium-test-root\n",
  ["/sbin/init"] = INIT:format("disk-init"),
})
-- a user initramfs with both a /sbin/init and an /init: /sbin/init runs
local f = assert(io.open(dir .. "/both.cpio", "wb"))
f:write(images.newc({
  { "sbin", 0x41ed, "" },
  { "sbin/init", 0x81ed, INIT:format("sbin-init") },
  { "init", 0x81ed, INIT:format("slash-init") },
  { "etc", 0x41ed, "" },
  { "etc/user-release", 0x81a4, "user-initramfs\n" },
}))
f:close()
images.write(dir .. "/blank.img", string.rep("\0", 1 << 20))

local toml = dir .. "/provium.toml"
images.write(toml, [[
[profile.disk]
rootfs = "root.ext4"
memory = "256M"

[profile.both]
rootfs = "root.ext4"
initrd = "both.cpio"
memory = "256M"

[profile.blank]
rootfs = "blank.img"
memory = "256M"

[profile.host]
rootfs = "host"
]])

local function init_ran(vm, name)
  vm:wait_until(function(v) return v:exec("test -s /run/init-name").ok end,
    { desc = "the init ran" })
  assert_eq(name .. "\n", vm:read_file("/run/init-name"))
  assert_eq("1", vm:read_file("/run/init-pid"):match("%d+"), "init is PID 1")
end

test("a rootfs profile: the disk is the root, its /sbin/init PID 1, the agent beside it", function()
  local before = sh("sha256sum " .. dir .. "/root.ext4")
  local data = dir .. "/data.img"
  images.write(data, string.rep("\0", 1 << 20))
  local vm = provium.create("disk", { config = toml })
  vm:boot({ disks = { data } })
  assert_eq("NAME=provium-test-root\n", vm:read_file("/etc/os-release"))
  assert_contains(vm:exec("cat /proc/cmdline").stdout.value, "root=/dev/vda")
  assert_contains(vm:exec("grep ' / ' /proc/mounts").stdout.value, "/dev/vda / ext4 rw")
  init_ran(vm, "disk-init")
  -- calls, and commands run with the disk's programs
  assert(vm:syscall(provium.nr.getpid) > 1)
  assert_eq("module", vm:last_call().executor)
  assert_eq("0", vm:exec("id -u").stdout.trim())
  assert_eq("/bin/busybox", vm:exec("readlink /bin/sh").stdout.trim())
  -- the boot disks follow the rootfs
  assert_eq("1048576", vm:exec("blockdev --getsize64 /dev/vdb").stdout.trim())
  -- the guest may write to its root; the image does not change
  assert(vm:exec("echo changed > /etc/os-release && sync").ok)
  assert_eq("changed\n", vm:read_file("/etc/os-release"))
  vm:shutdown()
  assert_eq(before, sh("sha256sum " .. dir .. "/root.ext4"), "the image was written")
end)

test("two VMs boot from the same rootfs image at once", function()
  local a = provium.create("disk", { config = toml })
  local b = provium.create("disk", { config = toml })
  a:boot()
  b:boot()
  a:write_file("/root/who", "a")
  b:write_file("/root/who", "b")
  assert_eq("a", a:read_file("/root/who"))
  assert_eq("b", b:read_file("/root/who"))
  a:shutdown()
  b:shutdown()
end)

test("rootfs with an initrd: the initramfs is the root, the disk /dev/vda, root= names it", function()
  local vm = provium.create("both", { config = toml })
  vm:boot()
  assert_eq("user-initramfs\n", vm:read_file("/etc/user-release"))
  local cmdline = vm:exec("cat /proc/cmdline").stdout.value
  assert_contains(cmdline, "root=/dev/vda")
  assert(not cmdline:find("provium_agent.root", 1, true), cmdline)
  assert(vm:exec("test -b /dev/vda").ok, "the disk is there")
  -- the default init of a profile that brings its own userland: /sbin/init
  init_ran(vm, "sbin-init")
  -- and the user's init can mount the disk: ext4 is loaded
  assert(vm:exec("mkdir -p /mnt/d && mount /dev/vda /mnt/d").ok)
  assert_eq("NAME=provium-test-root\n", vm:read_file("/mnt/d/etc/os-release"))
  vm:shutdown()
end)

test("a rootfs that cannot be mounted fails the boot at once, saying why", function()
  local vm = provium.create("blank", { config = toml })
  local ok, err = pcall(vm.boot, vm)
  assert(not ok)
  assert_contains(err, "cannot mount the root file system /dev/vda")
end)

test("rootfs errors: a missing image; \"host\" is no file beside provium.toml", function()
  -- the host's own root (tests/e2e/rootfs_host.lua), not a path to resolve
  local h = provium.create("host", { config = toml })
  assert_eq("host", h:info().rootfs)
  images.write(dir .. "/gone.toml", '[profile.gone]\nrootfs = "no-such.img"\n')
  local ok, err = pcall(provium.create, "gone", { config = dir .. "/gone.toml" })
  assert(not ok)
  assert_contains(err, "rootfs " .. dir .. "/no-such.img")
end)

os.execute("rm -rf " .. dir)
