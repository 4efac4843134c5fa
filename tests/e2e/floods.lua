-- A guest or a script that floods the host: splats, console, output, the
-- call log, the runner's own logs. Each is bounded with a counted marker,
-- the test that caused a flood fails with the first splat, and the host's
-- memory stays under its stated ceiling. The failure cases run under
-- "provium test --json" (as in failures.lua).
local json = require("provium.json")
local root = debug.getinfo(1, "S").source:match("^@(.*)/tests/e2e/[^/]*$") or "."
local provium_bin = root .. "/build/provium"

local function sh(cmd)
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  local ok, _, code = p:close()
  return out, ok and 0 or code
end

-- run one case with @env; returns the decoded report and its TMPDIR
local function run_case(name, env)
  local tmp = (sh("mktemp -d"):gsub("%s+$", ""))
  local out = sh(string.format("cd %q && TMPDIR=%q %s %q test --json tests/failure-cases/%s.lua 2>/dev/null",
    root, tmp, env, provium_bin, name))
  local ok, report = pcall(json.decode, out)
  assert(ok, "not JSON: " .. tostring(report) .. "\n" .. out:sub(1, 2000))
  return report, tmp
end

local function test_named(report, name)
  for _, t in ipairs(report.files[1].tests) do
    if t.name == name then return t end
  end
  error("no test '" .. name .. "' in the report: " .. tostring(report.files[1].error))
end

test("10,000 kernel warnings: the test fails with the first, the host stays bounded", function()
  local report, tmp = run_case("flood", "PROVIUM_CONSOLE_MAX=64K")
  local t = test_named(report, "warning flood")
  assert_eq("fail", t.status)
  -- the first splat, in full, first
  -- (its heading says where it came from: with provium.ko, the driver's
  -- first WARN as the module reported it; without it, the kernel log's)
  assert_eq("guest kernel warning", t.message:sub(1, #"guest kernel warning"))
  local driver = t.message:find("WARNING: CPU: 0 PID:", 1, true)
  assert(driver and driver < 600, "the first splat is not first: " .. t.message:sub(1, 300))
  -- then the driver's warnings, the next two in full too
  assert_contains(t.message, "WARNING: CPU: 0 PID:")
  assert_contains(t.message, "ksample_ioctl")
  local more = tonumber(t.message:match("%[provium: (%d+) more guest kernel splats during this test"))
  assert(more and more > 1000, "no count of the splats not shown: " .. t.message:sub(-300))
  for _, name in ipairs({ "the VM answers after the flood, and keeps the first and latest splats",
      "console flood: the log keeps its head and tail",
      "output and file floods are cut at their limits", "host memory stayed under 512 MiB" }) do
    local r = test_named(report, name)
    assert_eq("ok", r.status, name .. ": " .. tostring(r.message))
  end
  local peak = report.files[1].output:match("provium%-peak%-rss: (%d+) KiB")
  assert(peak, "no peak RSS in the output")
  print("host peak RSS during the floods: " .. peak .. " KiB")
  os.execute("rm -rf " .. tmp)
end)

test("a script flooding its output and report: bounded log, cut lines, the file fails", function()
  local report, tmp = run_case("report_flood", "PROVIUM_LOG_MAX=65536")
  local f = report.files[1]
  assert_eq("fail", f.status)
  assert_contains(f.error, "more report lines of this file dropped")
  local big = test_named(report, "a 1 MiB failure message")
  assert_eq("fail", big.status)
  assert(#big.message < 300 * 1024, "message of " .. #big.message .. " bytes")
  assert(big.message:find("%[provium: %d+ more bytes of this line dropped%]$"), big.message:sub(-200))
  -- the log: its first and latest bytes, the marker between them
  local log = assert(io.open(f.log, "rb")):read("a")
  assert(#log <= 65536 + 200, "log of " .. #log .. " bytes")
  assert(log:find("%[provium: %d+ more bytes dropped here"), "no marker in the log")
  assert_contains(log:sub(-200), "provium-output-last")
  os.execute("rm -rf " .. tmp)
end)

test("a call that floods the kernel log gets its first 16 KiB and a count", function()
  local vm = provium.create()
  vm:boot()
  local fd = vm:syscall_buf(provium.nr.openat, 1, "/proc/sysrq-trigger\0", -100, 0, 1, 0)
  assert(fd >= 0, "open sysrq-trigger: " .. fd)
  -- show every task's state and stack: far more than 16 KiB of log lines
  assert_eq(1, (vm:syscall_buf(provium.nr.write, 1, "t", fd, 0, 1)))
  local log = vm:last_call().log
  assert(#log <= 16384 + 64, "log of " .. #log .. " bytes")
  assert(log:find("%[provium: %d+ more lines dropped%]\n$"), log:sub(-200))
  vm:shutdown()
end)
