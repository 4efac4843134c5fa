-- a pointer spec in its own ptrs: add_specs recursed until "stack
-- overflow", building ever longer names (221 s under ASan)
return { target = "ioctl_buf", args = { [1] = { ["$"] = "fd_null" }, [2] = 3221769984,
  [3] = "struct", [4] = { [1] = { ["$"] = "cycle", ["lenkey"] = "buf_len" } }, ["n"] = 4 } }
