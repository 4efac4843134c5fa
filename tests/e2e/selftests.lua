-- The kselftests of the module's uapi (selftests/provium_test.c, built by
-- "make selftests"), run inside the guest. Each TAP result becomes its own
-- test here, so every kselftest counts in the totals; a SKIP is a todo.

-- the repository: this file is <root>/tests/e2e/selftests.lua
local function repo_root()
  local src = debug.getinfo(1, "S").source
  local path = src:sub(1, 1) == "@" and src:sub(2) or (arg and arg[0]) or ""
  local dir = path:match("^(.*)/[^/]*$") or "."
  return dir .. "/../.."
end

local BINARY = "/build/provium_selftest"
local f, err = io.open(repo_root() .. BINARY, "rb")
if not f then
  error("cannot read the kselftest binary (run 'make selftests'): " .. err)
end
local data = f:read("a")
f:close()

local vm = provium.create()
-- two CPUs, so the size-changing thread really races the ioctl
vm:boot({ memory = "512M", cpus = 2 })

vm:write_file("/tmp/provium_selftest", data, 493)	-- 0755
-- stderr carries the harness's diagnostics: keep them in order with TAP
local r = vm:exec("/tmp/provium_selftest 2>&1", { timeout = 300 })
local out = r.stdout.value

-- TAP 13 as kselftest_harness.h prints it:
--   #  RUN           fixture.test ...
--   # file.c:123:test:Expected ...        (diagnostics of that test)
--   ok 3 fixture.test  |  not ok 3 fixture.test  |  ok 3 # SKIP reason
--   # Totals: pass:N fail:N xfail:N xpass:N skip:N error:N
local results, plan, totals = {}, nil, nil
local running, diag = nil, {}
for line in out:gmatch("[^\n]+") do
  local run = line:match("^#%s+RUN%s+(%S+) %.%.%.$")
  local notok, num, rest = false, nil, nil
  num, rest = line:match("^ok (%d+)%s*(.*)$")
  if not num then
    num, rest = line:match("^not ok (%d+)%s*(.*)$")
    notok = num ~= nil
  end
  if run then
    running, diag = run, {}
  elseif num then
    local skip = rest:match("#%s*SKIP%s*(.*)$")
    local name = rest:match("^(.-)%s*#") or rest
    if name == "" then name = running or ("test " .. num) end
    results[#results + 1] = { num = tonumber(num), name = name, ok = not notok,
      skip = skip, diag = table.concat(diag, "\n") }
    running, diag = nil, {}
  elseif line:match("^1%.%.%d+$") then
    plan = tonumber(line:match("^1%.%.(%d+)$"))
  elseif line:match("^# Totals:") then
    totals = line
  elseif line:match("^#") and running then
    diag[#diag + 1] = line
  end
end

test("the kselftest output is TAP", function()
  assert(out:match("^TAP version 13\n"), "no TAP header in:\n" .. out:sub(1, 2000))
  assert(plan, "no plan line in:\n" .. out:sub(1, 2000))
  assert(#results > 0, "no result lines")
  assert_eq(plan, #results, "results against the plan")
end)

for _, t in ipairs(results) do
  test("kselftest " .. t.name, function()
    if t.skip then todo(t.skip ~= "" and t.skip or "skipped") end
    assert(t.ok, string.format("not ok %d %s\n%s", t.num, t.name, t.diag))
  end)
end

test("the kselftest totals show no failure", function()
  assert(totals, "no Totals line in:\n" .. out:sub(-2000))
  local fail, xpass, errors = totals:match("fail:(%d+) xfail:%d+ xpass:(%d+) skip:%d+ error:(%d+)")
  assert(fail, "unexpected Totals line: " .. totals)
  assert_eq(0, tonumber(fail), totals)
  assert_eq(0, tonumber(xpass), totals)
  assert_eq(0, tonumber(errors), totals)
  assert(not r.timed_out, "the kselftests timed out")
  assert(r.ok, string.format("exit code %d, signal %s", r.exit_code, tostring(r.signal)))
end)

vm:shutdown()
