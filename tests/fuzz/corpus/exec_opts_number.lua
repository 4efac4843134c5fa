-- vm:exec("true", 5): "attempt to index a number value (local 'opts')"
return { target = "exec", args = { [1] = "true", [2] = 5, ["n"] = 2 } }
