-- vm.exec("x"): "attempt to index a string value (local 'self')"
return { target = "bad self", args = { [1] = "exec", [2] = "x", ["n"] = 2 } }
