-- kill: signal 0 probes a pid (0 if it exists, -ESRCH once it is gone),
-- a real signal ends a guest process with that signal, bad signals -EINVAL,
-- an unprivileged sender -EPERM.
local NR, E = provium.nr, provium.errno
local SIGTERM = 15
local vm = provium.create()
vm:boot()

test("signal 0: the agent and pid 1 exist; a pid at pid_max does not (-ESRCH)", function()
  assert_eq(0, vm:syscall(NR.kill, vm:syscall(NR.getpid), 0))
  assert_eq(0, vm:syscall(NR.kill, 1, 0))
  local pid_max = tonumber(vm:read_file("/proc/sys/kernel/pid_max"))
  assert(pid_max and pid_max > 1, "pid_max")
  assert_eq(-E.ESRCH, vm:syscall(NR.kill, pid_max, 0))
  assert_eq(-E.ESRCH, vm:syscall(NR.kill, -pid_max, 0), "no such process group")
end)

test("SIGTERM ends a guest process with that signal; afterwards signal 0 is -ESRCH", function()
  local job = vm:background("exec sleep 1000")
  assert_eq(0, vm:syscall(NR.kill, job.pid, 0), "the job runs")
  -- background() returns once the job is forked; it becomes sleep at its exec
  vm:wait_until(function() return vm:read_file("/proc/" .. job.pid .. "/comm") == "sleep\n" end,
    { desc = "job " .. job.pid .. " runs sleep" })
  assert_eq(0, vm:syscall(NR.kill, job.pid, SIGTERM))
  local r = vm:job_wait(job, 60)
  assert_eq(SIGTERM, r.signal)
  assert_eq(-E.ESRCH, vm:syscall(NR.kill, job.pid, 0), "reaped: the pid is gone")
end)

test("an out-of-range signal is -EINVAL", function()
  local pid = vm:syscall(NR.getpid)
  assert_eq(-E.EINVAL, vm:syscall(NR.kill, pid, 65))
  assert_eq(-E.EINVAL, vm:syscall(NR.kill, pid, -1))
end)

test("a worker that dropped to uid 1000 gets -EPERM for pid 1 but may probe itself", function()
  local w, wpid = vm:spawn()
  assert_eq(0, w:syscall(NR.setuid, 1000))
  assert_eq(1000, w:syscall(NR.getuid))
  assert_eq(-E.EPERM, w:syscall(NR.kill, 1, 0))
  assert_eq(0, w:syscall(NR.kill, wpid, 0))
  local status = vm:read_file("/proc/" .. wpid .. "/status")
  assert_eq("1000", status:match("\nUid:%s+(%d+)"), "the guest sees the new uid")
  w:kill()
end)

vm:shutdown()
