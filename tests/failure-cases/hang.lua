-- Failure case: a call that never returns (its worker is stopped).
local vm = provium.create()
vm:boot()
local w, pid = vm:spawn()
test("stopped worker", function()
  vm:exec("kill -STOP " .. pid)
  w:set_timeout(0.5)
  w:syscall(provium.nr.getpid)
end)
