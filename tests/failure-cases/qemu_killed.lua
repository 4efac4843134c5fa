-- Failure case: QEMU is killed from outside while the test runs.
local vm = provium.create()
vm:boot()
test("qemu killed", function()
  os.execute("kill -9 " .. vm:info().qemu_pid)
  vm:syscall(provium.nr.getpid)
end)
