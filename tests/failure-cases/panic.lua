-- Failure case (run by tests/e2e/failures.lua, not part of the suite):
-- the guest kernel panics in the middle of a test.
local vm = provium.create()
vm:boot()
test("before the panic", function() assert(vm:syscall(provium.nr.getpid) > 0) end)
test("sysrq crash", function() vm:exec("echo c > /proc/sysrq-trigger") end)
test("after the panic", function() vm:syscall(provium.nr.getpid) end)
