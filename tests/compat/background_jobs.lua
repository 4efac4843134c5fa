-- The original documentation's "Background Jobs" page
-- (writing-tests/background-jobs), as written. Adapted: the page's
-- "long-running-command", "setup-something" and "/usr/bin/mydaemon" are
-- small shell scripts written into the guest first, and the daemon's
-- health check reads a file instead of curl (a stock guest has no network
-- and no curl). Every wait ends on something the guest does, never on a
-- sleep's length.

local vm = provium.create("minimal")
vm:boot()

-- the guest programs the page takes for granted
vm:exec("mkfifo /tmp/go")
vm:write_file("/usr/bin/long-running-command", "#!/bin/sh\nread x < /tmp/go\necho finished\n", 493)
vm:write_file("/usr/bin/setup-something", "#!/bin/sh\necho go > /tmp/go\n", 493)
vm:write_file("/usr/bin/mydaemon",
  "#!/bin/sh\nmkdir -p /var/run\necho $$ > /var/run/mydaemon.pid\nexec sleep 100000\n", 493)

test("starting a background job", function()
  local job = vm:background("sleep 10 && echo done > /tmp/marker")
  assert_eq("number", type(job.id))
  assert_eq("number", type(job.pid))
  assert(vm:exec("kill -0 " .. job.pid).ok, "the job runs while the script goes on")
  vm:job_kill(job)
end)

test("waiting for a job", function()
  local job = vm:background("echo out; echo err >&2; exit 3")
  local result = vm:job_wait(job, 15)
  assert_eq(false, result.running)
  assert_eq(3, result.exit_code)
  assert_eq("out\n", result.stdout.value)
  assert_eq("err\n", result.stderr.value)
end)

test("timeout = 0 (or omitted) polls: the job's current state at once", function()
  local job = vm:background("read x < /tmp/go; echo late")
  local r = vm:job_wait(job, 0)
  assert_eq(true, r.running)
  assert_eq(-1, r.exit_code)
  r = vm:job_wait(job)
  assert_eq(true, r.running)
  assert_eq(-1, r.exit_code)
  -- a positive timeout that expires: still running
  r = vm:job_wait(job, 0.2)
  assert_eq(true, r.running)
  vm:write_file("/tmp/go", "\n")
  r = vm:job_wait(job, 30)
  assert_eq(false, r.running)
  assert_eq("late\n", r.stdout.value)
  -- a finished job can be asked again: the same result
  local again = vm:job_wait(job)
  assert_eq(false, again.running)
  assert_eq(0, again.exit_code)
  assert_eq("late\n", again.stdout.value)
end)

test("polling pattern", function()
  local job = vm:background("long-running-command")

  -- Do other work...
  vm:exec("setup-something")

  -- Now wait for the job
  local result = vm:job_wait(job, 30)
  assert(not result.running, "job did not finish in time")
  assert_eq(result.exit_code, 0, "job failed")
end)

test("killing a job", function()
  local job = vm:background("sleep 1000")
  local result = vm:job_kill(job)
  assert_eq(false, result.running)
  assert_eq(137, result.exit_code) -- killed by SIGKILL: 128 + 9
  assert(not vm:exec("kill -0 " .. job.pid .. " 2>/dev/null").ok, "the job is gone")
end)

test("combining with wait_until", function()
  -- Start a daemon
  local job = vm:background("/usr/bin/mydaemon")

  -- Wait for it to be ready
  vm:wait_until(function()
      local r = vm:exec("test -f /var/run/mydaemon.pid")
      return r.ok
  end, {timeout = 5, desc = "daemon ready"})

  -- Test the daemon's behavior (the page asks its HTTP port; this one has a pid file)
  local r = vm:exec("kill -0 $(cat /var/run/mydaemon.pid)")
  assert(r.ok)

  -- Clean up
  vm:job_kill(job)
end)

test("wait_until", function()
  vm:exec("touch /tmp/ready")
  vm:wait_until(function()
      local r = vm:exec("test -f /tmp/ready")
      return r.ok
  end, {timeout = 10, interval = 0.5, desc = "ready file"})

  -- If the timeout expires, wait_until raises an error with the description
  local ok, err = pcall(vm.wait_until, vm, function()
      return vm:exec("test -f /tmp/never").ok
  end, {timeout = 1, interval = 0.5, desc = "never file"})
  assert(not ok)
  assert_contains(err, "never file")
end)

vm:shutdown()
