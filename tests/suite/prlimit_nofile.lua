-- prlimit64 RLIMIT_NOFILE in a forked worker: the limit read matches the
-- guest's /proc/<pid>/limits, and lowering it makes the next openat -EMFILE,
-- in the worker only.
local NR, E = provium.nr, provium.errno
local RLIMIT_NOFILE = 7
local vm = provium.create()
vm:boot()

local function getlimit(who, pid)
  local ret, old = who:syscall_buf(NR.prlimit64, 3, string.rep("\0", 16), pid or 0, RLIMIT_NOFILE, 0, 0)
  assert_eq(0, ret, "prlimit64 get")
  return provium.unpack("u64 u64", old)
end

local function setlimit(who, cur, max, pid)
  local ret, _, old = who:syscall_bufs(NR.prlimit64,
    { [2] = provium.pack("u64 u64", cur, max), [3] = string.rep("\0", 16) },
    pid or 0, RLIMIT_NOFILE, 0, 0)
  return ret, old
end

local function proc_limits(pid)
  local l = vm:read_file("/proc/" .. pid .. "/limits")
  local cur, max = l:match("\nMax open files%s+(%d+)%s+(%d+)%s+files")
  assert(cur, "no 'Max open files' in /proc/" .. pid .. "/limits:\n" .. l)
  return tonumber(cur), tonumber(max)
end

local function open_null(who)
  return (who:syscall_buf(NR.openat, 1, "/dev/null\0", -100, 0, 0, 0))
end

test("the limit prlimit64 reads is the one /proc/<pid>/limits shows", function()
  local pid = vm:syscall(NR.getpid)
  local cur, max = getlimit(vm)
  local pcur, pmax = proc_limits(pid)
  assert_eq(pcur, cur)
  assert_eq(pmax, max)
  assert(cur > 0 and cur <= max, "cur " .. cur .. " max " .. max)
end)

test("a worker lowers its soft limit to its next fd: openat is -EMFILE there, not in the agent", function()
  local w, wpid = vm:spawn()
  local cur, max = getlimit(w)
  local agent_cur = getlimit(vm)
  -- the lowest free fd of the worker becomes the limit: no fd is left
  local next_fd = open_null(w)
  assert(next_fd >= 0, "openat in the worker: " .. next_fd)
  assert_eq(0, w:syscall(NR.close, next_fd))
  local ret, old = setlimit(w, next_fd, max)
  assert_eq(0, ret, "prlimit64 set")
  assert_eq(provium.pack("u64 u64", cur, max), old, "the old limit is returned")
  assert_eq(next_fd, (proc_limits(wpid)), "the guest sees the new soft limit")
  assert_eq(next_fd, (getlimit(vm, wpid)), "the agent reads the worker's limit by pid")
  assert_eq(-E.EMFILE, open_null(w))
  assert_eq(-E.EMFILE, w:syscall(NR.dup, 0))
  assert_eq(-E.EBADF, w:syscall(NR.dup2, 0, next_fd), "dup2 to an fd over the limit")
  -- the agent is a separate process: its limit and its openat are unchanged
  assert_eq(agent_cur, (getlimit(vm)))
  local fd = open_null(vm)
  assert(fd >= 0, "openat in the agent: " .. fd)
  vm:syscall(NR.close, fd)
  -- raising it back lets the worker open again
  assert_eq(0, (setlimit(w, cur, max)))
  fd = open_null(w)
  assert_eq(next_fd, fd)
  w:syscall(NR.close, fd)
  w:kill()
end)

test("soft over hard is -EINVAL; a hard limit over fs.nr_open is -EPERM", function()
  local w = vm:spawn()
  local cur, max = getlimit(w)
  assert_eq(-E.EINVAL, (setlimit(w, max + 1, max)))
  local nr_open = tonumber(vm:read_file("/proc/sys/fs/nr_open"))
  assert(nr_open, "fs.nr_open")
  assert_eq(-E.EPERM, (setlimit(w, nr_open + 1, nr_open + 1)))
  assert_eq(provium.pack("u64 u64", cur, max), provium.pack("u64 u64", getlimit(w)),
    "failed sets change nothing")
  assert_eq(-E.EINVAL, (w:syscall_buf(NR.prlimit64, 3, string.rep("\0", 16), 0, 99, 0, 0)),
    "unknown resource")
  w:kill()
end)

vm:shutdown()
