-- The guest agent under pressure: workers that die in the middle of
-- pipelined calls or stop reading, kernel log records of the largest size,
-- calls that block in their throw-away child, processes workers leave
-- behind, and tests that block, ignore or send the signals around it.
-- Every call here that would hang without the behaviour it checks has a
-- timeout of 600 s: a regression shows as a stuck file, never as a pass.
local NR = provium.nr
local E = provium.errno
local root = debug.getinfo(1, "S").source:match("^@(.*)/tests/e2e/[^/]*$") or "."
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local vm = provium.create()
vm:boot()
local AGENT = vm:syscall(NR.getpid)

local SIGUSR1, SIGUSR2, SIGALRM, SIGCHLD = 10, 12, 14, 17
local SIG_BLOCK, SIG_SETMASK = 0, 2
local SIG_DFL, SIG_IGN = 0, 1

local function sigset(...)
  local m = 0
  for _, s in ipairs({ ... }) do m = m | (1 << (s - 1)) end
  return string.pack("<I8", m)
end

local function has_signal(set, sig)
  return (string.unpack("<I8", set) >> (sig - 1)) & 1 == 1
end

-- processes in state Z (defunct) anywhere in the guest
local function zombies()
  return vm:exec("ps -o pid,ppid,stat,comm | awk '$3 ~ /^Z/'").stdout.value
end

-- a pipe in @target's fd table: read end, write end
local function pipe(target)
  local _, fds = target:syscall_buf(NR.pipe2, 0, string.rep("\0", 8), 0, 0)
  return string.unpack("<i4i4", fds)
end

test("a worker that dies during pipelined calls fails all of them at once, saying how", function()
  local w, pid = vm:spawn()
  -- the host waits this long for a reply the agent does not send
  w:set_timeout(600)
  -- the first call kills the worker: every other one is outstanding or on its way
  local batch = { { NR.kill, pid, 9 } }
  for i = 2, 300 do batch[i] = { NR.getpid } end
  local ok, err = pcall(w.syscalls, w, batch)
  assert(not ok, "the batch succeeded")
  assert_contains(err, "(pid " .. pid .. ") died: killed by signal 9")
  -- the VM goes on, and the worker keeps saying what became of it
  assert_eq(AGENT, vm:syscall(NR.getpid))
  assert_eq("ok\n", vm:exec("echo ok").stdout.value)
  ok, err = pcall(w.syscall, w, NR.getpid)
  assert(not ok)
  assert_contains(err, "killed by signal 9")
end)

test("a worker killed from the guest while blocked in a pipelined batch fails it at once", function()
  local w, pid = vm:spawn()
  local rfd = pipe(w)
  local buf = w:syscall(NR.mmap, 0, 4096, 3, 0x22, -1, 0)
  -- the job kills the worker once it sits in the batch's first call, a read
  -- of an empty pipe that nothing will ever write to
  local job = vm:background(string.format(
    "until grep -q pipe_read /proc/%d/wchan; do :; done; kill -TERM %d", pid, pid))
  w:set_timeout(600)
  local batch = { { NR.read, rfd, buf, 1 } }
  for i = 2, 200 do batch[i] = { NR.getpid } end
  local ok, err = pcall(w.syscalls, w, batch)
  assert(not ok, "the batch succeeded")
  assert_contains(err, "(pid " .. pid .. ") died: killed by signal 15")
  assert_eq(0, vm:job_wait(job, 60).exit_code)
  assert_eq(AGENT, vm:syscall(NR.getpid))
end)

test("a worker that does not read never blocks the agent: its requests wait in a queue", function()
  -- small socket buffers for the next worker: most of a 128-call batch cannot
  -- be handed to it while it is busy
  local old = vm:read_file("/proc/sys/net/core/wmem_default")
  assert(vm:exec("echo 8192 > /proc/sys/net/core/wmem_default").ok)
  local w, pid = vm:spawn()
  assert(vm:exec("echo " .. old:gsub("%s+$", "") .. " > /proc/sys/net/core/wmem_default").ok)
  local rfd, wfd = pipe(w)
  local buf = w:syscall(NR.mmap, 0, 4096, 3, 0x22, -1, 0)
  -- The worker blocks in the batch's first call until this job writes to its
  -- pipe, which the job does only after 1 MiB of output that the agent must
  -- read meanwhile: an agent stuck sending to the worker would never read it.
  local job = vm:background(string.format(
    "until grep -q pipe_read /proc/%d/wchan; do :; done; head -c 1048576 /dev/zero; " ..
    "echo > /proc/%d/fd/%d", pid, pid, wfd))
  w:set_timeout(600)
  local batch = { { NR.read, rfd, buf, 1 } }
  for i = 2, 128 do batch[i] = { NR.getpid } end
  local r = w:syscalls(batch)
  assert_eq(1, r[1])
  for i = 2, 128 do assert_eq(pid, r[i]) end
  local done = vm:job_wait(job, 60)
  assert_eq(0, done.exit_code)
  assert_eq(1048576, #done.stdout.value)
  assert_eq(AGENT, vm:syscall(NR.getpid))
  assert_eq("ok\n", vm:exec("echo ok").stdout.value)
  w:kill()
end)

-- The longest record this kernel writes: 6.1 takes at most 992 bytes from
-- /dev/kmsg (LOG_LINE_MAX) and keeps 991 of them, so 990 and the newline
-- that ends the record; a reader gets each control byte as "\xNN", about
-- 4 KiB in all (a reader's buffer must hold CONSOLE_EXT_LOG_MAX, 8 KiB).
-- The splat is made here, outside test(), which would fail on it.
local long_log, kmsg
-- as 'make sample' built it, or built for this kernel (--profile)
local sample_ko, no_sample = require("sample").modules(vm, root)
if sample_ko then
  vm:insmod(sample_ko)
  kmsg = vm:syscall_buf(NR.openat, 1, "/dev/kmsg\0", -100, 0, 1, 0)
  local prefix = "provium-long-record "
  local line = prefix .. string.rep("\1\2\3", 400):sub(1, 990 - #prefix) .. "\n"
  assert_eq(#line, (vm:syscall_buf(NR.write, 1, line, kmsg, 0, #line)))
  long_log = vm:last_call().log
  local fd = vm:syscall_buf(NR.openat, 1, "/dev/provium_sample\0", -100, 0, 2, 0)
  vm:ioctl(fd, provium.IO("K", 4))		-- WARN()
  vm:syscall(NR.close, fd)
  vm:ping()					-- the splat arrives before this reply
end

test("a kernel log record of the largest size neither stalls splats nor call logs", function()
  if not sample_ko then skip(no_sample) end
  assert_contains(long_log, "provium-long-record \\x01\\x02\\x03")
  local found
  for _, ev in ipairs(vm:events()) do
    if ev.kind == "warning" and ev.text:find("ksample_ioctl", 1, true) then found = ev end
  end
  assert(found, "the WARN after the long record was not reported")
  local marker = "provium-after-the-long-record\n"
  vm:syscall_buf(NR.write, 1, marker, kmsg, 0, #marker)
  assert_contains(vm:last_call().log, "provium-after-the-long-record")
end)

test("a call that blocks in its throw-away child ends at its timeout, killed with what it started", function()
  assert(vm:mount_vfs())
  local cg = "/sys/fs/cgroup/provium-frozen"
  assert(vm:exec("mkdir " .. cg .. " && echo 1 > " .. cg .. "/cgroup.freeze").ok)
  local cgfd = vm:syscall_buf(NR.openat, 1, cg .. "\0", -100, 0, 0x10000, 0)  -- O_DIRECTORY
  assert(cgfd >= 0)
  -- clone3 runs in a throw-away child; with CLONE_VFORK into a frozen
  -- cgroup its own child never runs, so clone3 never returns
  local CLONE_VFORK, CLONE_INTO_CGROUP = 0x4000, 0x200000000
  local args = string.pack("<I8I8I8I8I8I8I8I8I8I8I8",
    CLONE_VFORK | CLONE_INTO_CGROUP, 0, 0, 0, SIGCHLD, 0, 0, 0, 0, 0, cgfd)
  local w = vm:spawn()
  for _, target in ipairs({ vm, w }) do
    local old = target:set_timeout(1)
    local ok, err = pcall(target.syscall_buf, target, NR.clone3, 0, args, 0, #args)
    target:set_timeout(old)
    assert(not ok, "clone3 returned")
    assert_contains(err, "throw-away child")
    assert_contains(err, "timeout of 1000 ms: killed it")
    assert_eq(AGENT, vm:syscall(NR.getpid))
    -- the frozen child went too (SIGKILL reaches frozen tasks), and was reaped
    vm:wait_until(function() return vm:read_file(cg .. "/cgroup.procs") == "" end,
      { desc = "the cgroup is empty" })
    vm:wait_until(function() return zombies() == "" end, { desc = "no zombies" })
  end
  w:kill()
  vm:syscall(NR.close, cgfd)
  assert(vm:exec("rmdir " .. cg).ok)
end)

test("what a worker leaves running is reaped when it ends: no zombies in workers", function()
  for _, thread in ipairs({ false, true }) do
    local w = vm:spawn({ thread = thread })
    -- a successful execve: the throw-away child becomes /bin/true
    assert_eq(0, (w:syscall_ptr(NR.execve, { [0] = "/bin/true\0", [1] = string.rep("\0", 16) },
      { { buf_idx = 1, ptr_offset = 0, data = "true\0" } }, 0, 0, 0)))
    assert_eq("w\n", w:exec("echo w").stdout.value)
    assert_eq(0, w:job_wait(w:background("true"), 60).exit_code)
    -- once /bin/true is a zombie (or gone) the worker's next turn reaps it
    vm:wait_until(function()
      return vm:exec("ps -o stat,comm | awk '$2 == \"true\" && $1 !~ /^Z/'").stdout.value == ""
    end, { desc = "the exec'd program ended" })
    w:syscall(NR.getpid)
    assert_eq("", zombies(), (thread and "thread" or "process") .. " worker")
    w:kill()
  end
end)

-- a read of an empty pipe, which only the call's timeout ends
local function timeout_still_works(target, what)
  local rfd, wfd = pipe(target)
  local old = target:set_timeout(0.5)
  local ret = target:syscall_buf(NR.read, 1, "\0", rfd, 0, 1)
  target:set_timeout(old)
  assert_eq(-E.EINTR, ret, what)
  assert_eq(true, target:last_call().timed_out, what)
  target:syscall(NR.close, rfd)
  target:syscall(NR.close, wfd)
end

local function sigaction(target, sig, handler)
  local act = string.pack("<I8I8I8I8", handler, 0, 0, 0)
  assert_eq(0, (target:syscall_buf(NR.rt_sigaction, 1, act, sig, 0, 0, 8)))
end

test("SIGALRM, SIGUSR1 and SIGUSR2 sent to the agent are not its business", function()
  -- PID 1 ignores signals it has no handler for; the agent installs none
  for _, sig in ipairs({ SIGALRM, SIGUSR1, SIGUSR2 }) do
    assert_eq(0, vm:syscall(NR.kill, AGENT, sig))
    assert_eq(false, vm:last_call().timed_out, "signal " .. sig .. " taken for a timeout")
  end
  assert_eq(AGENT, vm:syscall(NR.getpid))
  timeout_still_works(vm, "after the signals")
end)

test("tests that ignore, block and catch signals in the agent and its workers do not break it", function()
  local process = vm:spawn()
  local thread = vm:spawn({ thread = true })
  for _, target in ipairs({ vm, process, thread }) do
    local pid, tid = target:syscall(NR.getpid), target:syscall(NR.gettid)
    -- ignored, then sent to itself: nothing happens
    for _, sig in ipairs({ SIGALRM, SIGUSR1, SIGUSR2 }) do
      sigaction(target, sig, SIG_IGN)
      assert_eq(0, target:syscall(NR.tgkill, pid, tid, sig))
      assert_eq(false, target:last_call().timed_out)
    end
    timeout_still_works(target, "with the signals ignored")
    -- every signal blocked
    local _, _, old = target:syscall_bufs(NR.rt_sigprocmask,
      { [1] = string.pack("<i8", -1), [2] = string.rep("\0", 8) }, SIG_BLOCK, 0, 0, 8)
    timeout_still_works(target, "with every signal blocked")
    local _, now = target:syscall_buf(NR.rt_sigprocmask, 2, string.rep("\0", 8), SIG_BLOCK, 0, 0, 8)
    assert(has_signal(now, SIGUSR1) and has_signal(now, SIGALRM), "the test's mask was kept")
    -- caught through a signalfd while blocked
    for _, sig in ipairs({ SIGALRM, SIGUSR1, SIGUSR2 }) do
      sigaction(target, sig, SIG_DFL)
      local sfd = target:syscall_buf(NR.signalfd4, 1, sigset(sig), -1, 0, 8, 0)
      assert(sfd >= 0)
      assert_eq(0, target:syscall(NR.tgkill, pid, tid, sig))
      local n, info = target:syscall_buf(NR.read, 1, string.rep("\0", 128), sfd, 0, 128)
      assert_eq(128, n)
      assert_eq(sig, (string.unpack("<I4", info)))
      target:syscall(NR.close, sfd)
    end
    assert_eq(0, (target:syscall_buf(NR.rt_sigprocmask, 1, old, SIG_SETMASK, 0, 0, 8)))
    timeout_still_works(target, "with the mask back")
    assert_eq(pid, target:syscall(NR.getpid))
  end
  -- the agent still reaps, runs commands and stops workers
  assert_eq("ok\n", vm:exec("echo ok").stdout.value)
  thread:kill()
  process:kill()
  assert_eq("", zombies())
end)

vm:shutdown()
