-- prctl PR_SET_NAME/PR_GET_NAME in a forked worker: the name is the
-- thread's comm in the guest's /proc, truncated to 15 bytes, and a name
-- written to /proc/thread-self/comm comes back through PR_GET_NAME.
local NR, E = provium.nr, provium.errno
local PR_SET_NAME, PR_GET_NAME = 15, 16
local vm = provium.create()
vm:boot()

local function get_name(w)
  local ret, buf = w:syscall_buf(NR.prctl, 1, string.rep("\xff", 16), PR_GET_NAME, 0, 0, 0, 0)
  assert_eq(0, ret, "PR_GET_NAME")
  assert(buf:find("\0", 1, true), "the name is NUL-terminated")
  return buf:match("^[^%z]*")
end

local function set_name(w, name)
  return (w:syscall_buf(NR.prctl, 1, name .. "\0", PR_SET_NAME, 0, 0, 0, 0))
end

-- comm of the thread that runs the worker's calls
local function comm_path(w, wpid)
  return "/proc/" .. wpid .. "/task/" .. w:syscall(NR.gettid) .. "/comm"
end

test("PR_SET_NAME in a worker shows in its /proc comm; the agent keeps its own", function()
  local w, wpid = vm:spawn()
  local before = get_name(w)
  assert_eq(vm:read_file(comm_path(w, wpid)), before .. "\n", "PR_GET_NAME vs /proc")
  assert_eq(0, set_name(w, "suite-worker"))
  assert_eq("suite-worker", get_name(w))
  assert_eq("suite-worker\n", vm:read_file(comm_path(w, wpid)))
  local ps = vm:exec("cat /proc/" .. wpid .. "/task/*/comm")
  assert_contains(ps.stdout, "suite-worker")
  assert_eq("agent\n", vm:read_file("/proc/" .. vm:syscall(NR.getpid) .. "/comm"))
  w:kill()
end)

test("a long name is cut to 15 bytes (TASK_COMM_LEN - 1)", function()
  local w, wpid = vm:spawn()
  assert_eq(0, set_name(w, "abcdefghijklmnopqrstuvwxyz"))
  assert_eq("abcdefghijklmno", get_name(w))
  assert_eq("abcdefghijklmno\n", vm:read_file(comm_path(w, wpid)))
  w:kill()
end)

test("a name the worker writes to its /proc/thread-self/comm is what PR_GET_NAME returns", function()
  local w, wpid = vm:spawn()
  local fd = w:syscall_buf(NR.openat, 1, "/proc/thread-self/comm\0", -100, 0, 1, 0) -- O_WRONLY
  assert(fd >= 0, "openat: " .. fd)
  assert_eq(10, (w:syscall_buf(NR.write, 1, "from-write", fd, 0, 10)))
  w:syscall(NR.close, fd)
  assert_eq("from-write", get_name(w))
  -- only the thread group itself may rename it: the guest's shell may not
  assert_eq(false, vm:exec("printf x > " .. comm_path(w, wpid)).ok)
  assert_eq("from-write", get_name(w))
  assert_eq(-E.EINVAL, w:syscall(NR.prctl, 0x7fffffff, 0, 0, 0, 0), "unknown option")
  assert_eq(-E.EFAULT, w:syscall(NR.prctl, PR_SET_NAME, 0, 0, 0, 0), "NULL name")
  assert_eq("from-write", get_name(w), "failed calls change nothing")
  w:kill()
end)

vm:shutdown()
