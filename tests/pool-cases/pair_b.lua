local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$")
dofile(here .. "/lib/pair.lua")("pair_b.lua", "pair_a.lua")
