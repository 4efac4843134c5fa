-- Failure case: the runner itself is killed with SIGKILL while this file's
-- VM runs (tests/e2e/failures.lua does the killing).
local vm = provium.create()
vm:boot()
test("waits to be killed", function()
  vm:exec("touch /tmp/x; sleep 60")
end)
