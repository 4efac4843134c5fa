-- Failure case: QEMU aborts (SIGABRT, what abort() raises) while the test runs.
local vm = provium.create()
vm:boot()
test("qemu aborts", function()
  os.execute("kill -ABRT " .. vm:info().qemu_pid)
  vm:syscall(provium.nr.getpid)
end)
