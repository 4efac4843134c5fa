-- mount(2) of a tmpfs with its strings passed by syscall_bufs: it shows in
-- /proc/mounts with the options given, statfs sees its size, umount2 -EBUSY
-- while a file is open, MNT_DETACH still works, and then it is gone.
local NR, E = provium.nr, provium.errno
local MS_NOSUID, MS_NODEV = 2, 4
local MNT_DETACH = 2
local TMPFS_MAGIC = 0x01021994
local vm = provium.create()
vm:boot()

local function mount(source, target, fstype, flags, data)
  local bufs = { [0] = source .. "\0", [1] = target .. "\0", [2] = fstype .. "\0" }
  if data then bufs[4] = data .. "\0" end
  return (vm:syscall_bufs(NR.mount, bufs, 0, 0, 0, flags or 0, 0))
end

local function umount2(target, flags)
  return (vm:syscall_buf(NR.umount2, 0, target .. "\0", 0, flags or 0))
end

local function mount_line(target)
  return vm:read_file("/proc/mounts"):match("\n?([^\n]* " .. target:gsub("%p", "%%%0") .. " [^\n]*)")
end

test("a tmpfs mounted by the syscall shows in /proc/mounts and statfs with its options", function()
  assert(vm:exec("mkdir -p /tmp/mnt").ok)
  assert_eq(nil, mount_line("/tmp/mnt"), "nothing mounted there yet")
  assert_eq(0, mount("provium-tmpfs", "/tmp/mnt", "tmpfs", MS_NOSUID | MS_NODEV, "size=1m,mode=0700"))
  local line = mount_line("/tmp/mnt")
  assert(line, "/tmp/mnt not in /proc/mounts")
  local src, fstype, opts = line:match("^(%S+) /tmp/mnt (%S+) (%S+) 0 0$")
  assert_eq("provium-tmpfs", src)
  assert_eq("tmpfs", fstype)
  for _, o in ipairs({ "rw", "nosuid", "nodev", "size=1024k", "mode=700" }) do
    assert(("," .. opts .. ","):find("," .. o .. ",", 1, true), o .. " not in " .. opts)
  end
  assert_eq("700", vm:exec("stat -c %a /tmp/mnt").stdout:trim(), "mode of the root")
  -- struct statfs: f_type @0, f_bsize @8, f_blocks @16 (120 bytes)
  local ret, _, st = vm:syscall_bufs(NR.statfs, { [0] = "/tmp/mnt\0", [1] = string.rep("\0", 120) })
  assert_eq(0, ret)
  local f_type, bsize, blocks = provium.unpack("i64 i64 u64", st:sub(1, 24))
  assert_eq(TMPFS_MAGIC, f_type)
  assert_eq(1024 * 1024, bsize * blocks, "size=1m")
  -- files written there live on the new filesystem
  vm:write_file("/tmp/mnt/inside", "on tmpfs")
  assert_eq("on tmpfs", vm:read_file("/tmp/mnt/inside"))
end)

test("umount2 is -EBUSY while a file is open; then it unmounts and the files are gone", function()
  assert(mount_line("/tmp/mnt"), "the tmpfs of the first test is mounted")
  vm:write_file("/tmp/mnt/inside", "on tmpfs")
  local fd = vm:syscall_buf(NR.openat, 1, "/tmp/mnt/inside\0", -100, 0, 0, 0)
  assert(fd >= 0, "openat: " .. fd)
  assert_eq(-E.EBUSY, umount2("/tmp/mnt"))
  assert(mount_line("/tmp/mnt"), "still mounted")
  assert_eq(0, vm:syscall(NR.close, fd))
  assert_eq(0, umount2("/tmp/mnt"))
  assert_eq(nil, mount_line("/tmp/mnt"), "gone from /proc/mounts")
  assert_eq(false, vm:exec("test -e /tmp/mnt/inside").ok, "its file went with it")
  assert_eq(-E.EINVAL, umount2("/tmp/mnt"), "not a mount point any more")
end)

test("MNT_DETACH unmounts at once even while busy; the open fd keeps working", function()
  assert_eq(0, mount("again", "/tmp/mnt", "tmpfs", 0, nil))
  vm:write_file("/tmp/mnt/kept", "still readable")
  local fd = vm:syscall_buf(NR.openat, 1, "/tmp/mnt/kept\0", -100, 0, 0, 0)
  assert(fd >= 0)
  assert_eq(0, umount2("/tmp/mnt", MNT_DETACH))
  assert_eq(nil, mount_line("/tmp/mnt"))
  local n, got = vm:syscall_buf(NR.read, 1, string.rep("\0", 32), fd, 0, 32)
  assert_eq(14, n)
  assert_eq("still readable", got:sub(1, n))
  vm:syscall(NR.close, fd)
end)

test("mount errnos: unknown filesystem -ENODEV, missing target -ENOENT", function()
  assert_eq(-E.ENODEV, mount("x", "/tmp/mnt", "no-such-fs", 0, nil))
  assert_eq(-E.ENOENT, mount("x", "/tmp/no/such/dir", "tmpfs", 0, nil))
  assert_eq(nil, mount_line("/tmp/mnt"))
end)

vm:shutdown()
