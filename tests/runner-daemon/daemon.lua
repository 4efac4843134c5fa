-- Runner case (tests/e2e/runner_cli.lua): a test that leaves a process
-- running must not keep the runner waiting for it.
os.execute("sleep 1000 > /dev/null 2>&1 & echo $! > " .. os.getenv("DAEMON_PID_FILE"))
test("left a daemon behind", function() assert(true) end)
