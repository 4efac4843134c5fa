-- vm:spawn waited only the call timeout (2 s here) for the fork of a worker,
-- with no grace as other requests have: on a loaded host the VM was declared hung
return { target = "spawn+worker", args = { ["n"] = 2, [1] = { ["thread"] = false }, [2] = "exec" } }
