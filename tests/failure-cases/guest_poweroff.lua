-- Failure case: the guest powers itself off; QEMU exits with status 0.
local vm = provium.create()
vm:boot()
test("guest powers off", function()
  vm:background("sleep 0.2; poweroff -f")
  vm:exec("sleep 30")
end)
