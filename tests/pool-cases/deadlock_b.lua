local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$")
dofile(here .. "/lib/deadlock.lua")("deadlock_b.lua", "deadlock_a.lua")
