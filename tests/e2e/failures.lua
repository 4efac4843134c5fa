-- Failure handling as the runner reports it: a guest panic, a hung call,
-- QEMU killed from outside, the agent crashing, a kernel warning. Each case
-- file in tests/failure-cases/ runs under "provium test --json" in its own
-- TMPDIR; the report must name the cause, carry the console tail and the
-- log path, and nothing may be left running or on disk.
local json = require("provium.json")
local root = debug.getinfo(1, "S").source:match("^@(.*)/tests/e2e/[^/]*$") or "."
local provium_bin = root .. "/build/provium"

local function sh(cmd)
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  local ok, _, code = p:close()
  return out, ok and 0 or code
end

local function fresh_tmpdir()
  return (sh("mktemp -d"):gsub("%s+$", ""))
end

-- run one case; returns the decoded report, the exit code and its TMPDIR
local function run_case(name)
  local tmp = fresh_tmpdir()
  local out, code = sh(string.format("cd %q && TMPDIR=%q %q test --json tests/failure-cases/%s.lua 2>/dev/null",
    root, tmp, provium_bin, name))
  local ok, report = pcall(json.decode, out)
  assert(ok, "not JSON: " .. tostring(report) .. "\n" .. out)
  return report, code, tmp
end

-- nothing of the VM is left: no QEMU using that TMPDIR, no run directory
local function assert_clean(tmp)
  -- "[q]emu" keeps the shell running pgrep from matching itself
  local procs = sh("pgrep -af '[q]emu-system.*" .. tmp .. "' || true")
  assert_eq("", procs, "QEMU processes left behind")
  local left = sh("find " .. tmp .. " -name 'provium-??????' -o -name '*.sock' 2>/dev/null")
  assert_eq("", left, "run directories or sockets left behind")
end

local function test_named(report, name)
  for _, f in ipairs(report.files) do
    for _, t in ipairs(f.tests) do
      if t.name == name then return t, f end
    end
  end
  error("no test '" .. name .. "' in the report: " .. tostring(report.files[1] and report.files[1].error))
end

local function log_exists(msg)
  local path = msg:match("console tail %(([^)]+)%)")
  assert(path, "no console log path in: " .. msg)
  local f = io.open(path)
  assert(f, "console log " .. path .. " does not exist")
  f:close()
end

test("a guest panic fails the test that caused it, with the panic and console", function()
  local report, code, tmp = run_case("panic")
  assert_eq(1, code)
  assert_eq("ok", test_named(report, "before the panic").status)
  local t = test_named(report, "sysrq crash")
  assert_eq("fail", t.status)
  assert_contains(t.message, "guest kernel panic")
  assert_contains(t.message, "sysrq triggered crash")
  assert_contains(t.message, "sysrq_handle_crash")
  log_exists(t.message)
  assert_contains(test_named(report, "after the panic").message, "not running")
  assert_clean(tmp)
  os.execute("rm -rf " .. tmp)
end)

test("a hung call fails after its timeout and the VM is taken down", function()
  local report, code, tmp = run_case("hang")
  assert_eq(1, code)
  local t = test_named(report, "stopped worker")
  assert_eq("fail", t.status)
  assert_contains(t.message, "no reply from the agent")
  assert_contains(t.message, "guest hung?")
  assert_clean(tmp)
  os.execute("rm -rf " .. tmp)
end)

test("QEMU killed from outside fails the test with that reason", function()
  local report, code, tmp = run_case("qemu_killed")
  assert_eq(1, code)
  local t = test_named(report, "qemu killed")
  assert_eq("fail", t.status)
  assert_contains(t.message, "QEMU was killed by signal 9")
  assert_clean(tmp)
  os.execute("rm -rf " .. tmp)
end)

test("QEMU aborting is reported as QEMU's own crash, not as a kill from outside", function()
  local report, code, tmp = run_case("qemu_aborts")
  assert_eq(1, code)
  local t = test_named(report, "qemu aborts")
  assert_eq("fail", t.status)
  assert_contains(t.message, "QEMU crashed by itself (signal 6")
  assert(not t.message:find("from outside", 1, true), t.message)
  assert_clean(tmp)
  os.execute("rm -rf " .. tmp)
end)

test("a guest that powers off is reported as QEMU exiting with status 0", function()
  local report, code, tmp = run_case("guest_poweroff")
  assert_eq(1, code)
  local t = test_named(report, "guest powers off")
  assert_eq("fail", t.status)
  assert_contains(t.message, "QEMU exited (status 0: the guest powered off or reset)")
  assert_clean(tmp)
  os.execute("rm -rf " .. tmp)
end)

test("a failing test's console survives the run and its tail is what the test printed", function()
  local report, code, tmp = run_case("console_kept")
  assert_eq(1, code)
  local t = test_named(report, "fails after a console message")
  assert_eq("fail", t.status)
  local path = t.message:match("console tail %(([^)]+)%)")
  assert(path, t.message)
  assert_contains(t.message:match("console tail.*$"), "provium-console-marker during the test")
  -- not the boot's harmless last line
  assert(not t.message:find("No config space access function", 1, true), t.message)
  -- the path printed exists after the run, with everything up to the shutdown
  local f = assert(io.open(path), "console log " .. path .. " does not exist after the run")
  local text = f:read("a")
  f:close()
  assert_contains(text, "provium-console-marker during the test")
  local quiet = test_named(report, "fails quietly")
  assert_contains(quiet.message, "nothing printed during this test (whole log: ")
  assert_clean(tmp)
  os.execute("rm -rf " .. tmp)
end)

test("kill -9 of the runner leaves no test child and no QEMU behind", function()
  local tmp = fresh_tmpdir()
  local pid = sh(string.format("cd %q && TMPDIR=%q %q test tests/failure-cases/runner_killed.lua " ..
    ">/dev/null 2>&1 & echo $!", root, tmp, provium_bin)):gsub("%s+$", "")
  -- wait (bounded) for the file's QEMU to be up
  local function qemus() return (sh("pgrep -f '[q]emu-system.*" .. tmp .. "' || true")) end
  local deadline = os.time() + 60
  while qemus() == "" and os.time() < deadline do sh("sleep 0.2") end
  assert(qemus() ~= "", "the case's QEMU never started")
  sh("kill -9 " .. pid)
  deadline = os.time() + 20
  while qemus() ~= "" and os.time() < deadline do sh("sleep 0.2") end
  assert_eq("", qemus(), "QEMU left behind after the runner was killed")
  assert_eq("", (sh("pgrep -f '[p]rovium test tests/failure-cases/runner_killed' || true")),
    "test child left behind")
  os.execute("rm -rf " .. tmp)
end)

test("an agent crash is reported as such (PID 1 dying panics the guest)", function()
  local report, code, tmp = run_case("agent_crash")
  assert_eq(1, code)
  local t = test_named(report, "agent crash")
  assert_eq("fail", t.status)
  assert_contains(t.message, "Attempted to kill init")
  assert_contains(t.message, "agent[")
  assert_clean(tmp)
  os.execute("rm -rf " .. tmp)
end)

test("a kernel WARN fails exactly the test that triggered it, naming the call", function()
  -- the WARN comes from the sample driver: a kernel without modules has none
  local probe = provium.create()
  if probe:info().module_path == "" then skip(probe:info().module_error) end
  local report, code, tmp = run_case("warn")
  assert_eq(1, code)
  assert_eq("ok", test_named(report, "clean ioctl").status)
  local t = test_named(report, "warning ioctl")
  assert_eq("fail", t.status)
  assert_contains(t.message, "guest kernel warning")
  -- provium.ko names the call it came from
  assert_contains(t.message, "in the call ioctl (nr 16) of pid ")
  assert_contains(t.message, "reported by provium.ko")
  assert_contains(t.message, "provium_sample.c")
  assert_contains(t.message, "ksample_ioctl")
  assert_eq("ok", test_named(report, "clean again").status)
  assert_clean(tmp)
  os.execute("rm -rf " .. tmp)
end)

test("Ctrl-C stops a run cleanly: QEMU gone, run directory removed", function()
  local tmp = fresh_tmpdir()
  -- start "provium run" in the background; its first line says the VM is up
  local fifo = tmp .. "/out"
  assert(os.execute("mkfifo " .. fifo))
  local pidfile = tmp .. "/pid"
  os.execute(string.format("cd %q && (TMPDIR=%q %q run tests/failure-cases/interrupt.lua > %q 2>&1 & echo $! > %q)",
    root, tmp, provium_bin, fifo, pidfile))
  local out = assert(io.open(fifo))
  local line = out:read("l")
  assert(line and line:find("^ready "), "unexpected first line: " .. tostring(line))
  local rundir = line:match("^ready (.*)$")
  local pid = assert(io.open(pidfile)):read("l")
  assert(io.open(rundir), "run directory exists while running")
  assert(sh("pgrep -f '[q]emu-system.*" .. rundir .. "'") ~= "", "QEMU runs")
  os.execute("kill -INT " .. pid)
  local rest = out:read("a") -- EOF: the process has exited
  out:close()
  assert_contains(rest, "interrupted")
  assert_eq(nil, io.open(rundir), "run directory removed")
  assert_clean(tmp)
  os.execute("rm -rf " .. tmp)
end)
