-- dup3: the same fd is -EINVAL, O_CLOEXEC lands on the new fd only (fcntl
-- F_GETFD and the guest's fdinfo), both fds share one file offset.
local NR, E = provium.nr, provium.errno
local O_CLOEXEC, F_GETFD, F_SETFD = 0x80000, 1, 2
local vm = provium.create()
vm:boot()
local pid = vm:syscall(NR.getpid)

vm:write_file("/tmp/dup3-data", "0123456789")
local fd = vm:syscall_buf(NR.openat, 1, "/tmp/dup3-data\0", -100, 0, 0, 0)
assert(fd >= 0, "openat: " .. fd)

local function fdinfo_flags(n)
  local info = vm:read_file("/proc/" .. pid .. "/fdinfo/" .. n)
  return tonumber(info:match("flags:%s*(%d+)"), 8), info
end

test("dup3 onto itself is -EINVAL (dup2 would return the fd); bad flags -EINVAL; bad oldfd -EBADF", function()
  assert_eq(-E.EINVAL, vm:syscall(NR.dup3, fd, fd, 0))
  assert_eq(-E.EINVAL, vm:syscall(NR.dup3, fd, fd, O_CLOEXEC))
  assert_eq(fd, vm:syscall(NR.dup2, fd, fd))
  assert_eq(-E.EINVAL, vm:syscall(NR.dup3, fd, 100, 0x1))
  assert_eq(-E.EBADF, vm:syscall(NR.dup3, 999, 100, 0))
  -- 100-102 are free in the agent (so the dup3s below replace nothing of its own)
  for n = 100, 102 do
    assert_eq(-E.EBADF, vm:syscall(NR.fcntl, n, F_GETFD, 0), "fd " .. n .. " is free")
  end
end)

test("O_CLOEXEC is set on the new fd only, as F_GETFD and fdinfo show", function()
  assert_eq(100, vm:syscall(NR.dup3, fd, 100, O_CLOEXEC))
  assert_eq(101, vm:syscall(NR.dup3, fd, 101, 0))
  assert_eq(1, vm:syscall(NR.fcntl, 100, F_GETFD, 0), "FD_CLOEXEC on 100")
  assert_eq(0, vm:syscall(NR.fcntl, 101, F_GETFD, 0))
  assert_eq(0, vm:syscall(NR.fcntl, fd, F_GETFD, 0), "the original is untouched")
  assert_eq(O_CLOEXEC, fdinfo_flags(100) & O_CLOEXEC)
  assert_eq(0, fdinfo_flags(101) & O_CLOEXEC)
  assert_eq(0, vm:syscall(NR.fcntl, 101, F_SETFD, 1))
  assert_eq(O_CLOEXEC, fdinfo_flags(101) & O_CLOEXEC, "F_SETFD shows in fdinfo")
  vm:syscall(NR.close, 100)
  vm:syscall(NR.close, 101)
end)

test("the duplicate shares the offset; dup3 over an open fd closes it first", function()
  assert_eq(102, vm:syscall(NR.dup3, fd, 102, 0))
  assert_eq(0, vm:syscall(NR.lseek, fd, 0, 0))
  local n, got = vm:syscall_buf(NR.read, 1, string.rep("\0", 4), 102, 0, 4)
  assert_eq(4, n)
  assert_eq("0123", got)
  assert_eq(4, vm:syscall(NR.lseek, fd, 0, 1), "the original's offset moved")
  local _, info = fdinfo_flags(fd)
  assert_contains(info, "pos:\t4")
  -- replace 102 by a dup of another file: 102 now reads /proc/version
  local other = vm:syscall_buf(NR.openat, 1, "/proc/version\0", -100, 0, 0, 0)
  assert_eq(102, vm:syscall(NR.dup3, other, 102, 0))
  n, got = vm:syscall_buf(NR.read, 1, string.rep("\0", 5), 102, 0, 5)
  assert_eq(5, n)
  assert_eq("Linux", got)
  local link = vm:exec("readlink /proc/" .. pid .. "/fd/102").stdout:trim()
  assert_eq("/proc/version", link)
  vm:syscall(NR.close, 102)
  vm:syscall(NR.close, other)
end)

vm:shutdown()
