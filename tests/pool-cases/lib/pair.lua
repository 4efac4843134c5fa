-- One of two files that each boot one 256M VM while the pool holds one:
-- whichever gets it first holds it until the other is waiting for the pool,
-- and the other gets its own only after the first gave it back.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$")
package.path = here .. "/?.lua;" .. package.path
local log = require("pool_log")

return function(me, other)
  local vm = provium.create("minimal")
  vm:boot()
  local s = log.read()
  if s:find(other .. " gets VM", 1, true) then
    local gave = s:find(other .. " gives back VM", 1, true)
    local mine = s:find(me .. " gets VM", 1, true)
    assert(gave and mine and gave < mine,
      other .. " gave its VM back before " .. me .. " got one:\n" .. s)
  else
    log.wait_for(vm, other .. " asks for")
  end
  vm:shutdown()
end
