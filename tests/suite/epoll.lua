-- epoll_create1/epoll_ctl/epoll_wait on a pipe: readiness follows the data,
-- the registered cookie comes back, the guest's fdinfo lists the watch.
local NR, E = provium.nr, provium.errno
local EPOLL_CLOEXEC = 0x80000
local ADD, DEL, MOD = 1, 2, 3
local EPOLLIN, EPOLLOUT = 0x1, 0x4
local vm = provium.create()
vm:boot()
local pid = vm:syscall(NR.getpid)

local ret, fds = vm:syscall_buf(NR.pipe2, 0, string.rep("\0", 8), 0, 0)
assert(ret == 0, "pipe2: " .. ret)
local rfd, wfd = provium.unpack("i32 i32", fds)

-- struct epoll_event is packed on x86_64: u32 events, u64 data (12 bytes)
local function event(events, data) return provium.pack("u32 u64", events, data) end

local function ctl(epfd, op, fd, events, data)
  return (vm:syscall_buf(NR.epoll_ctl, 3, event(events or 0, data or 0), epfd, op, fd, 0))
end

-- epoll_wait with timeout 0: never blocks; -> count, {events, data}...
local function wait(epfd, max)
  local n, buf = vm:syscall_buf(NR.epoll_wait, 1, string.rep("\0", 12 * max), epfd, 0, max, 0)
  local evs = {}
  for i = 1, math.max(n, 0) do
    local ev, data = provium.unpack("u32 u64", buf:sub(12 * i - 11, 12 * i))
    evs[i] = { events = ev, data = data }
  end
  return n, evs
end

test("a pipe becomes readable with data, with the registered cookie, and not after draining", function()
  local epfd = vm:syscall(NR.epoll_create1, EPOLL_CLOEXEC)
  assert(epfd >= 0, "epoll_create1: " .. epfd)
  assert_eq(0, ctl(epfd, ADD, rfd, EPOLLIN, 0x1122334455667788))
  assert_eq(0, (wait(epfd, 4)), "nothing ready on an empty pipe")
  assert_eq(3, (vm:syscall_buf(NR.write, 1, "abc", wfd, 0, 3)))
  local n, evs = wait(epfd, 4)
  assert_eq(1, n)
  assert_eq(EPOLLIN, evs[1].events)
  assert_eq(0x1122334455667788, evs[1].data)
  -- level-triggered: still ready until read
  assert_eq(1, (wait(epfd, 4)))
  assert_eq(3, (vm:syscall_buf(NR.read, 1, string.rep("\0", 8), rfd, 0, 8)))
  assert_eq(0, (wait(epfd, 4)))
  vm:syscall(NR.close, epfd)
end)

test("two fds: the write end is ready for EPOLLOUT at once; EPOLL_CTL_MOD changes the mask", function()
  local epfd = vm:syscall(NR.epoll_create1, 0)
  assert(epfd >= 0)
  assert_eq(0, ctl(epfd, ADD, rfd, EPOLLIN, 1))
  assert_eq(0, ctl(epfd, ADD, wfd, EPOLLOUT, 2))
  local n, evs = wait(epfd, 4)
  assert_eq(1, n, "only the write end")
  assert_eq(EPOLLOUT, evs[1].events)
  assert_eq(2, evs[1].data)
  assert_eq(0, ctl(epfd, MOD, wfd, EPOLLIN, 3))
  assert_eq(0, (wait(epfd, 4)), "a write end never becomes readable")
  -- the guest's view: fdinfo lists both watches with their masks
  local info = vm:read_file("/proc/" .. pid .. "/fdinfo/" .. epfd)
  assert(info:find("tfd:%s+" .. rfd .. " events:%s+19 data:%s+1 "),
    "watch of fd " .. rfd .. " in fdinfo:\n" .. info)
  assert(info:find("tfd:%s+" .. wfd .. " events:%s+19 data:%s+3 "),
    "watch of fd " .. wfd .. " in fdinfo:\n" .. info)
  vm:syscall(NR.close, epfd)
end)

test("epoll_ctl errnos: EEXIST, ENOENT, EINVAL on itself, EBADF, EPERM on a regular file", function()
  local epfd = vm:syscall(NR.epoll_create1, 0)
  assert_eq(0, ctl(epfd, ADD, rfd, EPOLLIN))
  assert_eq(-E.EEXIST, ctl(epfd, ADD, rfd, EPOLLIN))
  assert_eq(0, ctl(epfd, DEL, rfd))
  assert_eq(-E.ENOENT, ctl(epfd, DEL, rfd))
  assert_eq(-E.ENOENT, ctl(epfd, MOD, rfd, EPOLLIN))
  assert_eq(-E.EINVAL, ctl(epfd, ADD, epfd, EPOLLIN))
  assert_eq(-E.EBADF, ctl(epfd, ADD, 999, EPOLLIN))
  vm:write_file("/tmp/regular", "x")
  local fd = vm:syscall_buf(NR.openat, 1, "/tmp/regular\0", -100, 0, 0, 0)
  assert(fd >= 0)
  assert_eq(-E.EPERM, ctl(epfd, ADD, fd, EPOLLIN))
  assert_eq(-E.EINVAL, vm:syscall(NR.epoll_create1, 1), "unknown epoll_create1 flag")
  vm:syscall(NR.close, fd)
  vm:syscall(NR.close, epfd)
end)

vm:shutdown()
