-- vm:wait_until with options that are not a table (a coroutine): was
-- "attempt to index a thread value (local 'opts')" inside vm.lua
return { target = "wait_until", args = { [1] = { ["$"] = "fn" }, [2] = { ["$"] = "co" }, ["n"] = 2 } }
