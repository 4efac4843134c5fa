-- getcwd/chdir in a forked worker: getcwd agrees with the guest's
-- /proc/<pid>/cwd, relative paths resolve from the new directory, the agent
-- keeps its own cwd, and the errnos of each misuse.
local NR, E = provium.nr, provium.errno
local vm = provium.create()
vm:boot()

-- getcwd returns the length including the NUL
local function getcwd(who, size)
  size = size or 256
  local n, buf = who:syscall_buf(NR.getcwd, 0, string.rep("\xff", size), 0, size)
  if n < 0 then return n end
  assert_eq("\0", buf:sub(n, n), "NUL at the returned length")
  return buf:sub(1, n - 1)
end

local function chdir(who, path) return (who:syscall_buf(NR.chdir, 0, path .. "\0", 0)) end

local function proc_cwd(pid)
  return vm:exec("readlink /proc/" .. pid .. "/cwd").stdout:trim()
end

test("getcwd matches /proc/<pid>/cwd; chdir moves the worker only", function()
  local w, wpid = vm:spawn()
  local agent_pid = vm:syscall(NR.getpid)
  local start = getcwd(w)
  assert_eq(proc_cwd(wpid), start)
  assert_eq(getcwd(vm), start, "a fork starts where the agent is")
  assert(vm:exec("mkdir -p /tmp/cwd-test/sub").ok)
  assert_eq(0, chdir(w, "/tmp/cwd-test"))
  assert_eq("/tmp/cwd-test", getcwd(w))
  assert_eq("/tmp/cwd-test", proc_cwd(wpid))
  assert_eq(0, chdir(w, "sub/../sub"), "a relative path")
  assert_eq("/tmp/cwd-test/sub", getcwd(w))
  assert_eq(0, chdir(w, ".."))
  assert_eq("/tmp/cwd-test", getcwd(w))
  assert_eq(start, getcwd(vm), "the agent did not move")
  assert_eq(start, proc_cwd(agent_pid))
  w:kill()
end)

test("relative openat resolves against the worker's new cwd", function()
  local w = vm:spawn()
  vm:write_file("/tmp/cwd-test/rel.txt", "relative")
  assert_eq(0, chdir(w, "/tmp/cwd-test"))
  local fd = w:syscall_buf(NR.openat, 1, "rel.txt\0", -100, 0, 0, 0)
  assert(fd >= 0, "openat rel.txt: " .. fd)
  local n, got = w:syscall_buf(NR.read, 1, string.rep("\0", 16), fd, 0, 16)
  assert_eq(8, n)
  assert_eq("relative", got:sub(1, n))
  w:syscall(NR.close, fd)
  -- the agent, elsewhere, does not find the same relative path
  assert(getcwd(vm) ~= "/tmp/cwd-test", "the agent is not in /tmp/cwd-test")
  assert_eq(-E.ENOENT, (vm:syscall_buf(NR.openat, 1, "rel.txt\0", -100, 0, 0, 0)))
  w:kill()
end)

test("errnos: chdir -ENOENT, -ENOTDIR; getcwd -ERANGE; getcwd of a removed dir -ENOENT", function()
  local w, wpid = vm:spawn()
  assert_eq(-E.ENOENT, chdir(w, "/tmp/no-such-dir"))
  vm:write_file("/tmp/cwd-file", "x")
  assert_eq(-E.ENOTDIR, chdir(w, "/tmp/cwd-file"))
  assert(vm:exec("mkdir -p /tmp/cwd-doomed").ok)
  assert_eq(0, chdir(w, "/tmp/cwd-doomed"))
  assert_eq(-E.ERANGE, getcwd(w, 5), "5 bytes for /tmp/cwd-doomed")
  assert_eq(-E.ERANGE, getcwd(w, #"/tmp/cwd-doomed"), "no room for the NUL")
  assert_eq("/tmp/cwd-doomed", getcwd(w, #"/tmp/cwd-doomed" + 1))
  assert(vm:exec("rmdir /tmp/cwd-doomed").ok)
  assert_eq(-E.ENOENT, getcwd(w), "the cwd was removed")
  assert_eq("/tmp/cwd-doomed (deleted)", proc_cwd(wpid))
  w:kill()
end)

vm:shutdown()
