-- The foundation end to end: boot the default kernel, raw syscalls through
-- the helper module checked against the guest's own view, commands, misuse.
local NR = provium.nr
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local guest = require("guest")
local vm = provium.create()
vm:boot({ memory = "512M", cpus = 1 })

test("the helper module is loaded and dispatches in kernel context", function()
  guest.need_module(vm)
  vm:syscall(NR.getpid)
  assert_eq("module", vm:last_call().executor)
end)

test("getpid is the agent's pid, as the guest's shell sees it", function()
  local pid = vm:syscall(NR.getpid)
  assert(pid > 0, "getpid failed: " .. pid)
  local r = vm:exec("echo $PPID")
  assert(r.ok, r.stderr.value)
  assert_eq(tonumber(r.stdout:trim()), pid, "pid from /bin/sh's parent")
  local comm = vm:read_file("/proc/" .. pid .. "/comm")
  assert_eq("agent\n", comm)
end)

test("getuid and getppid agree with /proc/self/status of the agent", function()
  local status = vm:read_file("/proc/" .. vm:syscall(NR.getpid) .. "/status")
  local uid = tonumber(status:match("\nUid:%s+(%d+)"))
  local ppid = tonumber(status:match("\nPPid:%s+(%d+)"))
  assert_eq(uid, vm:syscall(NR.getuid))
  assert_eq(ppid, vm:syscall(NR.getppid))
end)

test("uname -r matches the kernel the host booted", function()
  local r = vm:exec("uname -r")
  assert(r.ok)
  assert_eq(vm:info().release, r.stdout:trim())
  assert(r.stdout:starts_with(vm:info().release))
end)

test("openat of a missing path returns -ENOENT as the kernel did", function()
  local ret = vm:syscall_buf(NR.openat, 1, "/no/such/file\0", -100, 0, 0)
  assert_eq(-2, ret)
  assert_eq(-provium.errno.ENOENT, ret)
end)

test("a bad syscall number returns -ENOSYS", function()
  assert_eq(-provium.errno.ENOSYS, vm:syscall(100000))
  assert_eq(-38, vm:syscall(-1))
end)

test("exec returns exit codes, stdout, stderr and stdin", function()
  local r = vm:exec("echo out; echo err >&2; exit 3")
  assert_eq(false, r.ok)
  assert_eq(3, r.exit_code)
  assert_eq("out\n", r.stdout.value)
  assert_eq("err\n", r.stderr.value)
  local c = vm:exec({ "/bin/cat" }, { stdin = "fed\0bytes" })
  assert_eq("fed\0bytes", c.stdout.value)
  assert(vm:exec("true").ok)
  -- an argv table is looked up in PATH, like a shell would
  assert_eq("argv\n", vm:exec({ "echo", "argv" }).stdout.value)
  local missing = vm:exec({ "no-such-command" })
  assert_eq(127, missing.exit_code)
  assert_contains(missing.stderr.value, "no-such-command")
end)

test("misuse from Lua is an error naming the argument, before the guest", function()
  local ok, err = pcall(function() return vm:syscall("x") end)
  assert(not ok)
  assert_contains(err, "bad argument #1 to 'syscall' (integer expected)")
  ok, err = pcall(function() return vm:syscall(39, "1") end)
  assert(not ok)
  assert_contains(err, "bad argument #2 to 'syscall'")
  ok, err = pcall(vm.syscall, vm, 39, 1, 2, 3, 4, 5, 6, 7)
  assert(not ok)
  assert_contains(err, "at most 6")
  ok, err = pcall(vm.syscall_buf, vm, 0, 6, "x")
  assert(not ok)
  assert_contains(err, "outside 0-5")
  ok, err = pcall(vm.syscall_buf, vm, 0, 0, 42)
  assert(not ok)
  assert_contains(err, "must be a string")
  ok, err = pcall(vm.boot, vm)
  assert(not ok)
  assert_contains(err, "already booted")
  -- and the VM still works afterwards
  assert(vm:syscall(NR.getpid) > 0)
end)

test("options are checked: paths are strings, timeouts at most a day", function()
  -- a number was turned into a string on the Lua stack only, then used once freed
  local ok, err = pcall(provium.create, "default", { config = 42 })
  assert(not ok)
  assert_contains(err, "config must be a path")
  local fresh = provium.create()
  ok, err = pcall(fresh.boot, fresh, { disks = { { file = 42 } } })
  assert(not ok)
  assert_contains(err, "disks[1] must be a path")
  -- the original's form {path, format, readonly}: a bad format is a clear error
  local img = os.tmpname()
  local f = assert(io.open(img, "wb"))
  f:write(string.rep("\0", 4096))
  f:close()
  for _, case in ipairs({
    { { path = img, format = "vmdk" }, "disks[1]: format 'vmdk': want \"raw\" or \"qcow2\"" },
    { { path = img, format = "qcow2" }, "is not a qcow2 image" },
    { { path = img, format = 2 }, "disks[1].format must be" },
    { { path = img, file = img }, "has both path and file" },
    { { path = img, fromat = "raw" }, "unknown field fromat" },
  }) do
    ok, err = pcall(fresh.boot, fresh, { disks = { case[1] } })
    assert(not ok)
    assert_contains(err, case[2])
  end
  os.remove(img)
  -- seconds beyond an int of milliseconds were an undefined conversion
  ok, err = pcall(vm.exec, vm, "true", { timeout = 1e12 })
  assert(not ok)
  assert_contains(err, "outside (0, 86400]")
  assert(vm:exec("true", { timeout = 86400 }).ok)
end)

vm:shutdown()

test("a VM that was shut down refuses further calls", function()
  local ok, err = pcall(vm.syscall, vm, NR.getpid)
  assert(not ok)
  assert_contains(err, "not running")
end)
