-- the same cycle through syscall_ptr's specs
return { target = "syscall_ptr", args = { [1] = 63, [2] = { [0] = "buffer" },
  [3] = { [1] = { ["$"] = "cycle", ["lenkey"] = "data_len" } }, ["n"] = 3 } }
