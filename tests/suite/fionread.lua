-- The legacy ioctl FIONREAD (0x541B, no _IOC direction bits): the count of
-- unread bytes on a pipe, a socket and a regular file, through a 4-byte
-- buffer passed with syscall_buf.
local NR, E = provium.nr, provium.errno
local FIONREAD = 0x541B
local vm = provium.create()
vm:boot()

local function fionread(fd)
  local ret, out = vm:syscall_buf(NR.ioctl, 2, "\0\0\0\0", fd, FIONREAD, 0)
  if ret ~= 0 then return ret end
  return (provium.unpack("i32", out))
end

test("a pipe: FIONREAD counts what was written and not yet read", function()
  local ret, fds = vm:syscall_buf(NR.pipe2, 0, string.rep("\0", 8), 0, 0)
  assert_eq(0, ret)
  local rfd, wfd = provium.unpack("i32 i32", fds)
  assert_eq(0, fionread(rfd), "empty")
  local data = string.rep("p", 37)
  assert_eq(37, (vm:syscall_buf(NR.write, 1, data, wfd, 0, #data)))
  assert_eq(37, fionread(rfd))
  assert_eq(5, (vm:syscall_buf(NR.write, 1, "12345", wfd, 0, 5)))
  assert_eq(42, fionread(rfd), "two writes add up")
  assert_eq(10, (vm:syscall_buf(NR.read, 1, string.rep("\0", 10), rfd, 0, 10)))
  assert_eq(32, fionread(rfd), "after reading 10")
  assert_eq(32, fionread(wfd), "the write end sees the same pipe")
  vm:syscall(NR.close, rfd)
  vm:syscall(NR.close, wfd)
end)

test("a stream socket and a regular file (i_size - f_pos)", function()
  local ret, sv = vm:syscall_buf(NR.socketpair, 3, string.rep("\0", 8), 1, 1, 0)
  assert_eq(0, ret)
  local a, b = provium.unpack("i32 i32", sv)
  assert_eq(0, fionread(b))
  assert_eq(11, (vm:syscall_buf(NR.write, 1, "hello world", a, 0, 11)))
  assert_eq(11, fionread(b))
  assert_eq(0, fionread(a), "nothing queued the other way")
  vm:syscall(NR.close, a)
  vm:syscall(NR.close, b)
  vm:write_file("/tmp/fionread", string.rep("f", 100))
  local fd = vm:syscall_buf(NR.openat, 1, "/tmp/fionread\0", -100, 0, 0, 0)
  assert(fd >= 0)
  assert_eq(100, fionread(fd))
  assert_eq(30, (vm:syscall_buf(NR.read, 1, string.rep("\0", 30), fd, 0, 30)))
  assert_eq(70, fionread(fd))
  vm:syscall(NR.close, fd)
end)

test("no buffer is -EFAULT (vm:ioctl sends none for a command without direction bits); /dev/null -ENOTTY", function()
  local ret, fds = vm:syscall_buf(NR.pipe2, 0, string.rep("\0", 8), 0, 0)
  local rfd, wfd = provium.unpack("i32 i32", fds)
  assert_eq(-E.EFAULT, (vm:ioctl(rfd, FIONREAD)), "vm:ioctl passes 0 as the argument")
  assert_eq(-E.EFAULT, vm:syscall(NR.ioctl, rfd, FIONREAD, 0))
  local null = vm:syscall_buf(NR.openat, 1, "/dev/null\0", -100, 0, 0, 0)
  assert_eq(-E.ENOTTY, fionread(null))
  assert_eq(-E.EBADF, fionread(999))
  for _, f in ipairs({ rfd, wfd, null }) do vm:syscall(NR.close, f) end
end)

vm:shutdown()
