-- The original documentation's "Workers" page (writing-tests/workers), as
-- written. Adapted: the page boots the KACS fixture and installs KACS
-- security tokens; a stock kernel has no KACS, so the VM is booted from
-- the "minimal" profile and "Independent credentials" uses Linux
-- credentials (a raw setuid in the worker) in place of a KACS token.

local vm = provium.create("minimal")
vm:boot()

test("spawning a worker", function()
  local worker = vm:spawn()

  -- Both can execute commands independently
  local r1 = vm:exec("echo parent")
  local r2 = worker:exec("echo child")
  assert_contains(r1.stdout.value, "parent")
  assert_contains(r2.stdout.value, "child")

  worker:kill()
end)

test("fork vs thread mode", function()
  local forked = vm:spawn()
  local worker = vm:spawn({thread = true})
  local agent_pid = vm:syscall(39)
  -- a fork has its own PID; a thread shares the agent's process
  assert(forked:syscall(39) ~= agent_pid)
  assert_eq(agent_pid, worker:syscall(39))
  -- the thread shares the file descriptor table
  local fd = worker:syscall_buf(provium.nr.openat, 1, "/proc/version\0", -100, 0, 0, 0)
  assert(fd >= 0)
  local n = vm:syscall_buf(provium.nr.read, 1, string.rep("\0", 5), fd, 0, 5)
  assert_eq(5, n)
  worker:syscall(provium.nr.close, fd)
  forked:kill()
  worker:kill()
end)

test("independent credentials", function()
  local worker = vm:spawn()

  -- Install non-root credentials on the worker (the page: a KACS token)
  local user_uid = 1001
  assert_eq(0, worker:syscall(provium.nr.setuid, user_uid))

  -- Worker now has the user's credentials
  local wdata = worker:syscall(provium.nr.getuid)
  assert_eq(wdata, user_uid, "worker should have the user's uid")

  -- Parent still has root
  local pdata = vm:syscall(provium.nr.getuid)
  assert_eq(pdata, 0, "parent should still be root")

  worker:kill()
end)

test("killing workers", function()
  local worker = vm:spawn()
  -- ... use worker ...
  worker:kill()
  assert(not pcall(worker.exec, worker, "true"), "a killed worker takes no more requests")
end)

test("multiple workers", function()
  local w1 = vm:spawn()
  local w2 = vm:spawn()
  local w3 = vm:spawn()

  -- Each has a different PID
  local pid1 = w1:syscall(39) -- getpid
  local pid2 = w2:syscall(39)
  local pid3 = w3:syscall(39)
  assert(pid1 ~= pid2 and pid2 ~= pid3)

  w1:kill()
  w2:kill()
  w3:kill()
end)

vm:shutdown()
