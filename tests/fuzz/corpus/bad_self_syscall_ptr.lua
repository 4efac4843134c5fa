-- vm.syscall_ptr(42, ...): a method written in Lua called on something that
-- is not a VM failed on its next argument, or with "attempt to index"
return { target = "bad self", args = { [1] = "syscall_ptr", [2] = 42, ["n"] = 2 } }
