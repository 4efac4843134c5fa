-- mkdirat/unlinkat: the mode after the umask as the guest sees it, and the
-- errnos of each misuse: EEXIST, ENOENT, ENOTDIR, EISDIR, ENOTEMPTY.
local NR, E = provium.nr, provium.errno
local AT_FDCWD, AT_REMOVEDIR = -100, 0x200
local vm = provium.create()
vm:boot()
local pid = vm:syscall(NR.getpid)

local function mkdirat(path, mode, dirfd)
  return (vm:syscall_buf(NR.mkdirat, 1, path .. "\0", dirfd or AT_FDCWD, 0, mode or 493))
end

local function unlinkat(path, flags, dirfd)
  return (vm:syscall_buf(NR.unlinkat, 1, path .. "\0", dirfd or AT_FDCWD, 0, flags or 0))
end

local function exists(path) return vm:exec("test -e " .. path).ok end

test("mkdirat creates the directory with mode & ~umask, unlinkat AT_REMOVEDIR removes it", function()
  local umask = tonumber(vm:read_file("/proc/" .. pid .. "/status"):match("\nUmask:%s+(%d+)"), 8)
  assert(umask, "no Umask in /proc/<pid>/status")
  assert_eq(0, mkdirat("/tmp/md", 511))
  local mode = vm:exec("stat -c %a /tmp/md").stdout:trim()
  assert_eq(string.format("%o", 511 & ~umask), mode, "mode 0777 with umask " .. umask)
  assert_eq("directory", vm:exec("stat -c %F /tmp/md").stdout:trim())
  assert_eq(0, unlinkat("/tmp/md", AT_REMOVEDIR))
  assert(not exists("/tmp/md"), "the directory is gone")
end)

test("mkdirat errnos: EEXIST, ENOENT, ENOTDIR; relative to a directory fd", function()
  assert_eq(0, mkdirat("/tmp/m2"))
  assert_eq(-E.EEXIST, mkdirat("/tmp/m2"))
  vm:write_file("/tmp/m2file", "x")
  assert_eq(-E.EEXIST, mkdirat("/tmp/m2file"), "over a file")
  assert_eq(-E.ENOENT, mkdirat("/tmp/no/such/parent"))
  assert_eq(-E.ENOTDIR, mkdirat("/tmp/m2file/sub"))
  local dfd = vm:syscall_buf(NR.openat, 1, "/tmp/m2\0", AT_FDCWD, 0, 0x10000, 0) -- O_DIRECTORY
  assert(dfd >= 0, "openat: " .. dfd)
  assert_eq(0, mkdirat("child", 448, dfd))
  assert(exists("/tmp/m2/child"), "created relative to the fd")
  local ffd = vm:syscall_buf(NR.openat, 1, "/tmp/m2file\0", AT_FDCWD, 0, 0, 0)
  assert_eq(-E.ENOTDIR, mkdirat("child", 448, ffd), "a file as dirfd")
  assert_eq(-E.EBADF, mkdirat("child", 448, 999))
  vm:syscall(NR.close, dfd)
  vm:syscall(NR.close, ffd)
end)

test("unlinkat errnos: EISDIR, ENOTDIR, ENOTEMPTY, ENOENT, EINVAL", function()
  assert(vm:exec("mkdir -p /tmp/u/full && echo x > /tmp/u/full/f && echo y > /tmp/u/file").ok)
  assert_eq(-E.EISDIR, unlinkat("/tmp/u/full"), "unlink of a directory")
  assert_eq(-E.ENOTDIR, unlinkat("/tmp/u/file", AT_REMOVEDIR), "rmdir of a file")
  assert_eq(-E.ENOTEMPTY, unlinkat("/tmp/u/full", AT_REMOVEDIR))
  assert_eq(-E.ENOENT, unlinkat("/tmp/u/missing"))
  assert_eq(-E.EINVAL, unlinkat("/tmp/u/file", 0x1), "unknown flag")
  assert_eq(-E.EINVAL, unlinkat("/tmp/u/full/.", AT_REMOVEDIR), "rmdir of '.'")
  assert_eq(0, unlinkat("/tmp/u/full/f"))
  assert_eq(0, unlinkat("/tmp/u/full", AT_REMOVEDIR))
  assert_eq(0, unlinkat("/tmp/u/file"))
  assert_eq("", vm:exec("ls -A /tmp/u").stdout.value, "everything removed")
end)

vm:shutdown()
