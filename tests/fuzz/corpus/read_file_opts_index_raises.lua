-- read_file options whose __index raises: the error is the metamethod's
return { target = "read_file", args = { [1] = "/proc/self/status", [2] = { ["$"] = "meta", ["how"] = "index" }, ["n"] = 2 } }
