-- vm:json({}): the error named vm:exec, not json
return { target = "json/dmesg/mount_vfs", args = { [1] = "json", [2] = {}, ["n"] = 2 } }
