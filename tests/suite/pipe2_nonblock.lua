-- pipe2: O_NONBLOCK turns an empty read into -EAGAIN, the flag is visible
-- through fcntl and the guest's fdinfo, EOF once the write end is closed.
local NR, E = provium.nr, provium.errno
local O_NONBLOCK, O_CLOEXEC = 0x800, 0x80000
local F_GETFL, F_GETFD, F_GETPIPE_SZ = 3, 1, 1032
local vm = provium.create()
vm:boot()
local pid = vm:syscall(NR.getpid)

local function pipe(flags)
  local ret, fds = vm:syscall_buf(NR.pipe2, 0, string.rep("\0", 8), 0, flags)
  assert_eq(0, ret, "pipe2")
  return provium.unpack("i32 i32", fds)
end

local function read(fd, n)
  local r, buf = vm:syscall_buf(NR.read, 1, string.rep("\0", n), fd, 0, n)
  return r, r > 0 and buf:sub(1, r) or ""
end

test("an empty O_NONBLOCK pipe reads -EAGAIN; data then EOF after the writer closes", function()
  local rfd, wfd = pipe(O_NONBLOCK)
  assert_eq(-E.EAGAIN, (read(rfd, 16)))
  assert_eq(5, (vm:syscall_buf(NR.write, 1, "abcde", wfd, 0, 5)))
  local n, got = read(rfd, 16)
  assert_eq(5, n)
  assert_eq("abcde", got)
  assert_eq(-E.EAGAIN, (read(rfd, 16)), "drained again")
  assert_eq(0, vm:syscall(NR.close, wfd))
  assert_eq(0, (read(rfd, 16)), "EOF, not -EAGAIN, without writers")
  vm:syscall(NR.close, rfd)
end)

test("O_NONBLOCK shows in F_GETFL and fdinfo on both ends; O_CLOEXEC in F_GETFD", function()
  local rfd, wfd = pipe(O_NONBLOCK | O_CLOEXEC)
  assert_eq(O_NONBLOCK, vm:syscall(NR.fcntl, rfd, F_GETFL, 0) & O_NONBLOCK)
  assert_eq(O_NONBLOCK | 1, vm:syscall(NR.fcntl, wfd, F_GETFL, 0) & (O_NONBLOCK | 3),
    "write end: O_WRONLY|O_NONBLOCK")
  assert_eq(1, vm:syscall(NR.fcntl, rfd, F_GETFD, 0), "FD_CLOEXEC")
  for _, fd in ipairs({ rfd, wfd }) do
    local info = vm:read_file("/proc/" .. pid .. "/fdinfo/" .. fd)
    local flags = tonumber(info:match("flags:%s*(%d+)"), 8)
    assert(flags, "no flags in fdinfo:\n" .. info)
    assert_eq(O_NONBLOCK, flags & O_NONBLOCK, "fdinfo flags of fd " .. fd)
    assert_eq(O_CLOEXEC, flags & O_CLOEXEC, "fdinfo flags of fd " .. fd)
  end
  local plain_r, plain_w = pipe(0)
  assert_eq(0, vm:syscall(NR.fcntl, plain_r, F_GETFL, 0) & O_NONBLOCK)
  assert_eq(0, vm:syscall(NR.fcntl, plain_r, F_GETFD, 0))
  for _, fd in ipairs({ rfd, wfd, plain_r, plain_w }) do vm:syscall(NR.close, fd) end
end)

test("a full O_NONBLOCK pipe refuses more with -EAGAIN after exactly its capacity", function()
  local rfd, wfd = pipe(O_NONBLOCK)
  local size = vm:syscall(NR.fcntl, wfd, F_GETPIPE_SZ, 0)
  assert_eq(65536, size, "default pipe capacity: 16 pages")
  local chunk = string.rep("x", 65536)
  assert_eq(65536, (vm:syscall_buf(NR.write, 1, chunk, wfd, 0, #chunk)))
  assert_eq(-E.EAGAIN, (vm:syscall_buf(NR.write, 1, "y", wfd, 0, 1)))
  vm:syscall(NR.close, rfd)
  vm:syscall(NR.close, wfd)
end)

test("flags other than O_CLOEXEC|O_NONBLOCK|O_DIRECT are -EINVAL", function()
  assert_eq(-E.EINVAL, (vm:syscall_buf(NR.pipe2, 0, string.rep("\0", 8), 0, 1)))
  assert_eq(-E.EFAULT, vm:syscall(NR.pipe2, 0, 0), "NULL fds array")
end)

vm:shutdown()
