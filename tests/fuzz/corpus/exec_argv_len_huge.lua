-- an argv table whose __len says math.maxinteger: the host asked Lua for
-- an array that size ("memory allocation error: block too big")
return { target = "exec", args = { ["n"] = 2, [1] = { ["$"] = "meta", ["how"] = "len_huge" }, [2] = {} } }
