-- The smallest useful script: boot, run `uname -r`, shut down. Timed whole
-- (process start to exit) by bench/warm_start.sh, warm and cold.
local vm = provium.create()
vm:boot()
print(vm:exec("uname -r").stdout:trim())
vm:shutdown()
