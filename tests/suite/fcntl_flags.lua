-- fcntl F_GETFL/F_SETFL: O_NONBLOCK and O_APPEND can be toggled (fdinfo
-- agrees), the access mode cannot, and O_NONBLOCK really changes a read.
local NR, E = provium.nr, provium.errno
local O_WRONLY, O_RDWR, O_ACCMODE = 1, 2, 3
local O_APPEND, O_NONBLOCK = 0x400, 0x800
local F_GETFL, F_SETFL = 3, 4
local vm = provium.create()
vm:boot()
local pid = vm:syscall(NR.getpid)

local function getfl(fd) return vm:syscall(NR.fcntl, fd, F_GETFL, 0) end
local function setfl(fd, flags) return vm:syscall(NR.fcntl, fd, F_SETFL, flags) end
local function fdinfo_flags(fd)
  local info = vm:read_file("/proc/" .. pid .. "/fdinfo/" .. fd)
  return tonumber(info:match("flags:%s*(%d+)"), 8)
end

test("F_SETFL toggles O_NONBLOCK and O_APPEND; F_GETFL and fdinfo agree each time", function()
  local fd = vm:syscall_buf(NR.openat, 1, "/dev/null\0", -100, 0, O_RDWR, 0)
  assert(fd >= 0, "openat: " .. fd)
  local fl = getfl(fd)
  assert_eq(O_RDWR, fl & O_ACCMODE)
  assert_eq(0, fl & (O_NONBLOCK | O_APPEND))
  assert_eq(fl, fdinfo_flags(fd), "F_GETFL vs fdinfo")
  assert_eq(0, setfl(fd, fl | O_NONBLOCK))
  assert_eq(fl | O_NONBLOCK, getfl(fd))
  assert_eq(fl | O_NONBLOCK, fdinfo_flags(fd))
  assert_eq(0, setfl(fd, fl | O_NONBLOCK | O_APPEND))
  assert_eq(fl | O_NONBLOCK | O_APPEND, getfl(fd))
  assert_eq(0, setfl(fd, fl))
  assert_eq(fl, getfl(fd), "both cleared")
  assert_eq(fl, fdinfo_flags(fd))
  vm:syscall(NR.close, fd)
end)

test("F_SETFL cannot change the access mode", function()
  local fd = vm:syscall_buf(NR.openat, 1, "/dev/null\0", -100, 0, O_RDWR, 0)
  assert_eq(0, setfl(fd, O_WRONLY | O_NONBLOCK))
  assert_eq(O_RDWR, getfl(fd) & O_ACCMODE, "still O_RDWR")
  assert_eq(O_NONBLOCK, getfl(fd) & O_NONBLOCK, "while O_NONBLOCK took")
  vm:syscall(NR.close, fd)
end)

test("O_NONBLOCK set later on a pipe makes an empty read -EAGAIN; O_APPEND appends", function()
  local ret, fds = vm:syscall_buf(NR.pipe2, 0, string.rep("\0", 8), 0, 0)
  assert_eq(0, ret)
  local rfd, wfd = provium.unpack("i32 i32", fds)
  assert_eq(0, getfl(rfd) & O_NONBLOCK)
  assert_eq(0, setfl(rfd, getfl(rfd) | O_NONBLOCK))
  assert_eq(-E.EAGAIN, (vm:syscall_buf(NR.read, 1, string.rep("\0", 4), rfd, 0, 4)))
  vm:syscall(NR.close, rfd)
  vm:syscall(NR.close, wfd)
  -- O_APPEND set with F_SETFL: a write after lseek(0) still lands at the end
  vm:write_file("/tmp/append", "head")
  local fd = vm:syscall_buf(NR.openat, 1, "/tmp/append\0", -100, 0, O_WRONLY, 0)
  assert_eq(0, setfl(fd, O_APPEND))
  assert_eq(0, vm:syscall(NR.lseek, fd, 0, 0))
  assert_eq(4, (vm:syscall_buf(NR.write, 1, "tail", fd, 0, 4)))
  vm:syscall(NR.close, fd)
  assert_eq("headtail", vm:read_file("/tmp/append"))
end)

test("an unknown command is -EINVAL, a closed fd -EBADF", function()
  assert_eq(-E.EINVAL, vm:syscall(NR.fcntl, 0, 9999, 0))
  assert_eq(-E.EBADF, vm:syscall(NR.fcntl, 999, F_GETFL, 0))
end)

vm:shutdown()
