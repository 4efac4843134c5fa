-- Failure case: used to check Ctrl-C; says when it is ready, then blocks.
local vm = provium.create()
vm:boot()
print("ready " .. vm:info().rundir)
io.stdout:flush()
local job = vm:background("sleep 100000")
vm:job_wait(job, 86400)
