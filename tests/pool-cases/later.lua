-- Runs after crash.lua: needs the VM that file held when it died.
local vm = provium.create("minimal")
vm:boot()
vm:shutdown()
