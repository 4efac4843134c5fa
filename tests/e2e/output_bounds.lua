-- Command and job output is bounded, and says so: each stream keeps at most
-- 32 MiB (or opts.output_max bytes); the rest is dropped and counted, and
-- the result has truncated = true and a note in tostring(r).
local vm = provium.create()
vm:boot()

local MiB = 1024 * 1024

-- bytes the process @pid has written so far (/proc/PID/io)
local function written(pid)
  local io = vm:exec("cat /proc/" .. pid .. "/io 2>/dev/null").stdout.value
  return tonumber(io:match("wchar: (%d+)")) or 0
end

test("output within the limit is whole and not marked truncated", function()
  local r = vm:exec("head -c 100000 /dev/zero")
  assert_eq(100000, #r.stdout)
  assert_eq(false, r.truncated)
  assert_eq(0, r.stdout_dropped)
  assert_eq("exit 0, stdout 100000 bytes, stderr 0 bytes", tostring(r))
end)

test("output past 32 MiB is cut there: truncated, the rest counted", function()
  -- dd: busybox head writes in small pieces, slow under TCG
  local r = vm:exec("dd if=/dev/zero bs=1M count=32 2>/dev/null; head -c 100 /dev/zero; echo err >&2")
  assert(r.ok)
  assert_eq(32 * MiB, #r.stdout)
  assert_eq(true, r.truncated)
  assert_eq(100, r.stdout_dropped)
  assert_eq("err\n", r.stderr.value)
  assert_eq(0, r.stderr_dropped)
  assert_contains(tostring(r), "output truncated: 100 more bytes of stdout and 0 of stderr dropped")
end)

test("output_max sets the limit per call, for each stream", function()
  local r = vm:exec("echo 0123456789; echo abcdefghij >&2", { output_max = 4 })
  assert_eq("0123", r.stdout.value)
  assert_eq("abcd", r.stderr.value)
  assert_eq(7, r.stdout_dropped)
  assert_eq(7, r.stderr_dropped)
  assert(r.truncated)
  r = vm:exec("echo hi", { output_max = 0 })
  assert_eq("", r.stdout.value)
  assert_eq(3, r.stdout_dropped)
  r = vm:exec("echo hi", { output_max = 3 })
  assert_eq(false, r.truncated)
end)

test("a background job writing forever is cut at its limit, with the flag", function()
  local job = vm:background({ "yes" }, { output_max = 65536 })
  vm:wait_until(function() return written(job.pid) > MiB end,
    { timeout = 60, interval = 0.1, desc = "yes writing past 1 MiB" })
  vm:job_kill(job)
  local r = vm:job_wait(job)
  assert_eq(9, r.signal)
  assert_eq(65536, #r.stdout)
  assert(r.truncated, "not marked truncated")
  assert(r.stdout_dropped > MiB - 65536, "dropped " .. r.stdout_dropped)
  assert_eq("y\ny\n", r.stdout.value:sub(1, 4))
  assert_contains(tostring(r), "output truncated")
end)

test("a job's output_max applies to its result", function()
  local job = vm:background("echo 0123456789", { output_max = 2 })
  local r = vm:job_wait(job)
  assert_eq("01", r.stdout.value)
  assert_eq(9, r.stdout_dropped)
  assert(r.truncated)
end)

test("a bad output_max or options value is an error naming it", function()
  for _, v in ipairs({ -1, 32 * MiB + 1, 1.5, "x" }) do
    local ok, err = pcall(vm.exec, vm, "true", { output_max = v })
    assert(not ok)
    assert_contains(err, "vm:exec: opts.output_max must be an integer from 0 to " .. 32 * MiB)
    ok, err = pcall(vm.background, vm, "true", { output_max = v })
    assert(not ok)
    assert_contains(err, "vm:background: opts.output_max must be an integer")
  end
  local ok, err = pcall(vm.exec, vm, "true", 5)
  assert(not ok)
  assert_contains(err, "options table expected, got number")
  -- more argv entries than the agent runs is an error, not a silent cut
  local argv = { "echo" }
  for i = 2, 300 do argv[i] = "x" end
  ok, err = pcall(vm.exec, vm, argv)
  assert(not ok)
  assert_contains(err, "vm:exec: command of 300 arguments, the limit is 256")
  argv[257] = nil
  for i = 258, 300 do argv[i] = nil end
  assert(vm:exec(argv).ok)
end)
