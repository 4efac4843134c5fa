-- Two files each hold one VM and ask for a second while the pool holds two:
-- the pool refuses the later request (a deadlock) and the other file goes on.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$")
package.path = here .. "/?.lua;" .. package.path
local log = require("pool_log")

return function(me, other)
  local vm1 = provium.create("minimal")
  vm1:boot()
  log.wait_for(vm1, other .. " gets VM 1")
  local vm2 = provium.create("minimal")
  local ok, err = pcall(vm2.boot, vm2)
  if ok then
    vm2:shutdown()
  else
    assert_contains(err, "deadlock")
    print("refused: " .. err)
  end
  vm1:shutdown()
end
