-- hello.lua: boot the default kernel, make a raw system call through the
-- helper module, run a command, shut down.
local vm = provium.create()
vm:boot({ memory = "512M", cpus = 1 })

local pid = vm:syscall(provium.nr.getpid)
print("getpid() in the guest: " .. pid)
assert(pid > 0, "getpid failed: " .. pid)

local r = vm:exec("uname -r")
assert(r.ok, "uname failed: " .. r.stderr.value)
print("guest kernel: " .. r.stdout:trim())

local info = vm:info()
print(string.format("booted in %.2f s with %s, syscalls via %s", info.boot_time, info.accel,
  vm:last_call().executor))

vm:shutdown()
