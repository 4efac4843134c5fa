-- A VM larger than the whole pool is refused at once, not waited for.
local vm = provium.create("minimal")
local ok, err = pcall(vm.boot, vm, { memory = "1G" })
assert(not ok, "a 1G VM booted in a 512M pool")
assert_contains(err, "can never hold this VM")
assert_contains(err, "it wants 1024M memory, 1 CPU")
