-- timerfd_create/settime/gettime: values set are read back exactly (the
-- interval) or as a remaining time below what was set (the value), the
-- guest's fdinfo agrees, and an absolute time in the past expires at once.
-- Nothing waits for a timer to fire.
local NR, E = provium.nr, provium.errno
local CLOCK_REALTIME, CLOCK_MONOTONIC = 0, 1
local TFD_NONBLOCK, TFD_TIMER_ABSTIME = 0x800, 1
local vm = provium.create()
vm:boot()
local pid = vm:syscall(NR.getpid)

-- struct itimerspec: it_interval {sec, nsec}, it_value {sec, nsec}
local function spec(isec, insec, vsec, vnsec) return provium.pack("i64 i64 i64 i64", isec, insec, vsec, vnsec) end
local ZERO = spec(0, 0, 0, 0)

local function gettime(fd)
  local ret, buf = vm:syscall_buf(NR.timerfd_gettime, 1, ZERO, fd, 0)
  assert_eq(0, ret, "timerfd_gettime")
  return provium.unpack("i64 i64 i64 i64", buf)
end

local function settime(fd, flags, new)
  local ret, _, old = vm:syscall_bufs(NR.timerfd_settime, { [2] = new, [3] = ZERO }, fd, flags, 0, 0)
  return ret, old
end

test("a new timer is disarmed: gettime all zeros, read -EAGAIN", function()
  local fd = vm:syscall(NR.timerfd_create, CLOCK_MONOTONIC, TFD_NONBLOCK)
  assert(fd >= 0, "timerfd_create: " .. fd)
  assert_eq(ZERO, spec(gettime(fd)))
  assert_eq(-E.EAGAIN, (vm:syscall_buf(NR.read, 1, string.rep("\0", 8), fd, 0, 8)))
  vm:syscall(NR.close, fd)
end)

test("settime arms it: gettime returns the interval exactly and at most the value left", function()
  local fd = vm:syscall(NR.timerfd_create, CLOCK_MONOTONIC, TFD_NONBLOCK)
  local ret, old = settime(fd, 0, spec(2, 500000000, 100, 0))
  assert_eq(0, ret)
  assert_eq(ZERO, old, "the previous setting: disarmed")
  local isec, insec, vsec, vnsec = gettime(fd)
  assert_eq(2, isec)
  assert_eq(500000000, insec)
  assert(vsec >= 0 and vsec < 100 and vnsec >= 0 and vnsec < 1000000000,
    string.format("remaining %d.%09d s", vsec, vnsec))
  assert(vsec >= 50, "remaining " .. vsec .. " s: far less than set")
  assert_eq(-E.EAGAIN, (vm:syscall_buf(NR.read, 1, string.rep("\0", 8), fd, 0, 8)), "not expired")
  local info = vm:read_file("/proc/" .. pid .. "/fdinfo/" .. fd)
  assert(info:find("clockid: 1\n", 1, true), "clockid in fdinfo:\n" .. info)
  assert(info:find("ticks: 0\n", 1, true), "ticks in fdinfo:\n" .. info)
  assert(info:find("it_interval: (2, 500000000)", 1, true), "interval in fdinfo:\n" .. info)
  -- re-arming returns the old setting; all zeros disarms
  ret, old = settime(fd, 0, ZERO)
  assert_eq(0, ret)
  local oisec, oinsec, ovsec = provium.unpack("i64 i64 i64 i64", old)
  assert_eq(2, oisec)
  assert_eq(500000000, oinsec)
  assert(ovsec < 100, "old value " .. ovsec)
  assert_eq(ZERO, spec(gettime(fd)), "disarmed")
  vm:syscall(NR.close, fd)
end)

test("an absolute expiry in the past fires at once: read returns 1 expiration", function()
  -- the expired hrtimer fires from the next timer interrupt, not inside
  -- settime: a blocking read waits for exactly that event
  local fd = vm:syscall(NR.timerfd_create, CLOCK_MONOTONIC, 0)
  assert_eq(0, (settime(fd, TFD_TIMER_ABSTIME, spec(0, 0, 0, 1))))
  local n, buf = vm:syscall_buf(NR.read, 1, string.rep("\0", 8), fd, 0, 8)
  assert_eq(8, n)
  assert_eq(1, (provium.unpack("u64", buf)))
  -- now nonblocking: nothing more, it was a one-shot
  assert_eq(0, vm:syscall(NR.fcntl, fd, 4, TFD_NONBLOCK))
  assert_eq(-E.EAGAIN, (vm:syscall_buf(NR.read, 1, string.rep("\0", 8), fd, 0, 8)), "one-shot")
  assert_eq(ZERO, spec(gettime(fd)), "a one-shot timer that fired is disarmed")
  vm:syscall(NR.close, fd)
end)

test("errnos: unknown clock or flags, nanoseconds out of range -EINVAL; not a timerfd -EINVAL", function()
  assert_eq(-E.EINVAL, vm:syscall(NR.timerfd_create, 99, 0))
  assert_eq(-E.EINVAL, vm:syscall(NR.timerfd_create, CLOCK_REALTIME, 0x1))
  local fd = vm:syscall(NR.timerfd_create, CLOCK_REALTIME, 0)
  assert(fd >= 0)
  assert_eq(-E.EINVAL, (settime(fd, 0, spec(0, 1000000000, 1, 0))))
  assert_eq(-E.EINVAL, (settime(fd, 0, spec(0, 0, 1, -1))))
  assert_eq(-E.EINVAL, (settime(fd, 0x80, spec(0, 0, 1, 0))), "unknown settime flag")
  local ret, fds = vm:syscall_buf(NR.pipe2, 0, string.rep("\0", 8), 0, 0)
  local rfd, wfd = provium.unpack("i32 i32", fds)
  assert_eq(-E.EINVAL, (vm:syscall_buf(NR.timerfd_gettime, 1, ZERO, rfd, 0)))
  for _, f in ipairs({ fd, rfd, wfd }) do vm:syscall(NR.close, f) end
end)

vm:shutdown()
