-- Errno precision: an interrupted call shows the kernel-internal restart
-- code as kernel_ret, while ret is what user space would see (-EINTR), and
-- the call is not run twice. The interruption is the call's own timeout.
local NR, E = provium.nr, provium.errno
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local guest = require("guest")
local vm = provium.create()
vm:boot()

local ret, fds = vm:syscall_buf(NR.pipe2, 0, string.rep("\0", 8), 0, 0)
assert(ret == 0, "pipe2: " .. ret)
local rfd, wfd = provium.unpack("i32 i32", fds)

test("read on an empty pipe: kernel_ret -ERESTARTSYS (-512), ret -EINTR", function()
  guest.need_module(vm)  -- the kernel-internal codes are what the module sees
  local old = vm:set_timeout(0.2)
  local r = vm:syscall_buf(NR.read, 1, string.rep("\0", 8), rfd, 0, 8)
  vm:set_timeout(old)
  local lc = vm:last_call()
  assert_eq(-E.EINTR, r)
  assert_eq(-512, lc.kernel_ret)
  assert_eq("module", lc.executor)
  assert_eq(true, lc.timed_out)
end)

test("pause: kernel_ret -ERESTARTNOHAND (-514)", function()
  guest.need_module(vm)  -- the kernel-internal codes are what the module sees
  local old = vm:set_timeout(0.2)
  local r = vm:syscall(NR.pause)
  vm:set_timeout(old)
  assert_eq(-E.EINTR, r)
  assert_eq(-514, vm:last_call().kernel_ret)
end)

test("nanosleep: kernel_ret -ERESTART_RESTARTBLOCK (-516)", function()
  guest.need_module(vm)  -- the kernel-internal codes are what the module sees
  local old = vm:set_timeout(0.2)
  local r = vm:syscall_buf(NR.nanosleep, 0, provium.pack("i64 i64", 30, 0), 0, 0)
  vm:set_timeout(old)
  assert_eq(-E.EINTR, r)
  assert_eq(-516, vm:last_call().kernel_ret)
end)

test("the interrupted call ran once: the pipe still holds what follows", function()
  -- had the module's ioctl leaked -ERESTARTSYS, the read would have been
  -- restarted and consumed these bytes
  assert_eq(3, (vm:syscall_buf(NR.write, 1, "xyz", wfd, 0, 3)))
  local n, got = vm:syscall_buf(NR.read, 1, string.rep("\0", 8), rfd, 0, 8)
  assert_eq(3, n)
  assert_eq("xyz", got:sub(1, 3))
  assert_eq(false, vm:last_call().timed_out)
end)

test("the user-space executor sees only -EINTR: restart codes never reach user space", function()
  vm:set_executor("user")
  local old = vm:set_timeout(0.2)
  local r = vm:syscall_buf(NR.read, 1, string.rep("\0", 8), rfd, 0, 8)
  vm:set_timeout(old)
  vm:set_executor("auto")
  assert_eq(-E.EINTR, r)
  assert_eq(-E.EINTR, vm:last_call().kernel_ret)
  assert_eq("user", vm:last_call().executor)
end)

test("a stuck call fails that call, not the VM", function()
  local old = vm:set_timeout(0.1)
  vm:syscall(NR.pause)
  vm:set_timeout(old)
  assert(vm:last_call().timed_out)
  assert(vm:syscall(NR.getpid) > 0)
end)

vm:shutdown()
