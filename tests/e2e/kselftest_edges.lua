-- How "provium kselftest" and vm:kselftest report every way a kselftest can
-- end, on a small install generated here (under TMPDIR, which the guest
-- mounts fresh: the install is reached through an overlay of its own):
--   edge:  pass, fail (exit 1), skip (exit 4), xfail (kselftest.h's exit 2
--          after its totals), a timeout (settings timeout=10, factor 1),
--          a test with its own nested TAP results
--   splat: a test that makes the kernel WARN (the sample driver's ioctl,
--          from python3 on the host's root; the module for the kernel
--          under test comes as its KSELFTEST_WARN_SH_ARGS), then a clean one
--   crash: a test that panics the guest; the one after it never runs
-- The KTAP document and JUnit file go through the strict parsers.

local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local reports = require("reports")
local json = require("provium.json")
local q, capture, slurp = reports.q, reports.capture, reports.slurp

local root = capture("cd " .. q(here .. "/../..") .. " && pwd"):gsub("\n$", "")
local bin = root .. "/build/provium"
local scratch = reports.scratch_dir()

-- the sample driver built for the kernel these guests boot (--profile)
local ko, no_ko
do
  local vm = provium.create()
  -- kselftests run on the host's root: a kernel that cannot skips the file
  if not require("guest").boot_for_file(vm, { rootfs = "host" }, "provium kselftest") then return end
  local ok
  ok, ko, no_ko = pcall(require("sample").modules, vm, root)
  if not ok then ko, no_ko = nil, ko end -- a driver that does not build for this kernel
  if no_ko then no_ko = no_ko:match("^[^\n]*") end
  vm:kill()
end
local tree = scratch .. "/install"
-- the guest sees the install at its own path, but not the rest of the
-- host's /tmp (where a checkout or the cache may be): the driver goes in it
if ko then
  os.execute("mkdir -p " .. q(tree .. "/splat") .. " && cp " .. q(ko) .. " " .. q(tree .. "/splat/"))
  ko = tree .. "/splat/" .. ko:match("([^/]*)$")
end

local function put(path, text, mode)
  os.execute("mkdir -p " .. q(path:match("^(.*)/[^/]*$")))
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
  if mode then os.execute("chmod " .. mode .. " " .. q(path)) end
end

put(tree .. "/kselftest-list.txt", table.concat({
  "edge:pass.sh", "edge:fail.sh", "edge:skip.sh", "edge:xfail.sh", "edge:slow.sh", "edge:tap.sh",
  "splat:warn.sh", "splat:clean.sh", "crash:before.sh", "crash:panic.sh", "crash:after.sh", "",
}, "\n"))
put(tree .. "/edge/settings", "# slow.sh sleeps past this\ntimeout=10\n")
put(tree .. "/edge/pass.sh", "#!/bin/sh\necho all good\n", "+x")
put(tree .. "/edge/fail.sh", "#!/bin/sh\necho 'something broke'\nexit 1\n", "+x")
put(tree .. "/edge/skip.sh", "#!/bin/sh\necho 'no such feature'\nexit 4\n", "+x")
put(tree .. "/edge/xfail.sh", "#!/bin/bash\necho '# known to fail'\n" ..
  "echo '# Totals: pass:0 fail:0 xfail:1 xpass:0 skip:0 error:0'\nexit 2\n", "+x")
put(tree .. "/edge/slow.sh", "#!/bin/sh\necho started\nexec sleep 600\n", "+x")
-- not executable: run through its #! line, as the kselftest runner does
put(tree .. "/edge/tap.sh", "#!/bin/sh\nprintf 'TAP version 13\\n1..2\\nok 1 first\\n" ..
  "ok 2 second # SKIP not here\\n'\n")
put(tree .. "/splat/warn.sh", "#!/bin/sh\nif [ -n \"$1\" ]; then insmod \"$1\" || exit 1; fi\n" ..
  "[ -e /dev/provium_sample ] || { echo 'no sample driver'; exit 4; }\n" ..
  "exec python3 -c 'import fcntl, os; " ..
  "fcntl.ioctl(os.open(\"/dev/provium_sample\", os.O_RDWR), 0x4b04)'\n", "+x")
put(tree .. "/splat/clean.sh", "#!/bin/sh\ntrue\n", "+x")
put(tree .. "/crash/before.sh", "#!/bin/sh\ntrue\n", "+x")
put(tree .. "/crash/panic.sh", "#!/bin/sh\necho c > /proc/sysrq-trigger\nsleep 60\n", "+x")
put(tree .. "/crash/after.sh", "#!/bin/sh\ntrue\n", "+x")

local tmp = scratch .. "/tmp"
os.execute("mkdir -p " .. q(tmp))
local junit = scratch .. "/edges.xml"
local errfile = scratch .. "/stderr"
local out, code = capture(string.format(
  "cd %s && TMPDIR=%s KSELFTEST_WARN_SH_ARGS=%s %s kselftest -p 2 --timeout-factor 1 --tap " ..
  "--junit %s %s 2>%s", q(root), q(tmp), q(ko or ""), q(bin), q(junit), q(tree), q(errfile)))
local err = slurp(errfile) or ""

local doc, cols = nil, {}
test("the KTAP document is strict KTAP, one block per collection", function()
  assert_eq(1, code, "exit status with failures\n" .. err)
  doc = reports.parse_ktap(out)
  assert_eq(3, doc.plan)
  for _, c in ipairs(doc.results) do
    local tests = {}
    for _, t in ipairs(c.sub.results) do tests[t.name:match("([^ ]+)$")] = t end
    cols[c.name:match("([^ ]+)$")] = { c = c, t = tests }
  end
  assert_eq("crash edge splat", reports.sorted_keys(cols))
  assert_contains(out, "# timeouts: settings x1 (")
end)

local function edge(name) return assert(cols.edge, "no edge collection").t[name] end

test("exit 0 passes, exit 1 fails with its exit code", function()
  assert(edge("pass.sh").ok and not edge("pass.sh").directive, "pass.sh")
  assert_eq(false, edge("fail.sh").ok)
  assert_eq("exit=1", edge("fail.sh").reason)
  assert_eq("something broke", edge("fail.sh").diag[1])
end)

test("exit 4 is a skip", function()
  assert(edge("skip.sh").ok, "skip.sh is ok")
  assert_eq("SKIP", edge("skip.sh").directive)
end)

test("kselftest.h's exit 2 is an expected failure", function()
  assert(edge("xfail.sh").ok, "xfail.sh is ok")
  assert_eq("XFAIL", edge("xfail.sh").directive)
end)

test("a test past its settings' timeout is # TIMEOUT", function()
  assert_eq(false, edge("slow.sh").ok)
  assert_eq("TIMEOUT", edge("slow.sh").directive)
  assert_eq("10 seconds", edge("slow.sh").reason)
end)

test("a test's own TAP results nest under it", function()
  local t = edge("tap.sh")
  assert(t.ok, "tap.sh passed")
  assert(t.sub, "no nested block")
  assert_eq(2, t.sub.plan)
  assert_eq("first", t.sub.results[1].name)
  assert_eq("SKIP", t.sub.results[2].directive)
  assert_eq("not here", t.sub.results[2].reason)
  assert_eq(false, cols.edge.c.ok, "edge failed as a whole")
end)

test("a kernel warning fails exactly the test that caused it", function()
  if not ko then skip(no_ko) end
  local warn, clean = cols.splat.t["warn.sh"], cols.splat.t["clean.sh"]
  assert_eq(false, warn.ok)
  assert_contains(warn.reason, "kernel warning: ")
  local diag = table.concat(warn.diag, "\n")
  assert_contains(diag, "guest kernel warning:")
  assert_contains(diag, "ksample_ioctl")
  assert(clean.ok and not clean.directive, "the test after it passed")
  assert_eq(0, #clean.diag)
end)

-- without a sample driver for this kernel warn.sh skips (exit 4)
local warned = ko and 1 or 0

test("a panic ends the collection: # ERROR for its test, the rest not run", function()
  local c = cols.crash
  assert(c.t["before.sh"].ok, "before.sh passed")
  assert_eq(false, c.t["panic.sh"].ok)
  assert_eq("ERROR", c.t["panic.sh"].directive)
  assert_eq("kernel panic", c.t["panic.sh"].reason)
  assert_eq("SKIP", c.t["after.sh"].directive)
  assert_eq("not run: the guest died (kernel panic)", c.t["after.sh"].reason)
  assert_eq(false, c.c.ok)
  assert_eq(string.format("4 passed, %d failed, %d skipped", 3 + warned, 4 - warned),
    reports.last_line(err))
  assert_eq(4, doc.totals.pass)
  assert_eq(1, doc.totals.xfail)
  assert_eq(2 + warned, doc.totals.fail)
  assert_eq(1, doc.totals.error)
  assert_eq(3 - warned, doc.totals.skip)
end)

test("JUnit: failures, the timeout, the error and the skips", function()
  local x = reports.parse_xml(assert(slurp(junit), "no JUnit file"))
  assert_eq("11", x.attrs.tests)
  assert_eq(tostring(2 + warned), x.attrs.failures)
  assert_eq("1", x.attrs.errors)
  assert_eq(tostring(4 - warned), x.attrs.skipped)
  local kinds = {}
  for _, s in ipairs(reports.children(x, "testsuite")) do
    for _, c in ipairs(reports.children(s, "testcase")) do
      local k = c.children[1] and c.children[1].name ~= "system-out" and c.children[1] or nil
      kinds[s.attrs.name .. ":" .. c.attrs.name] = k and (k.name .. " " .. k.attrs.message) or "pass"
    end
  end
  assert_eq("failure TIMEOUT 10 seconds", kinds["edge:slow.sh"])
  assert_eq("failure exit=1", kinds["edge:fail.sh"])
  assert_eq("skipped SKIP", kinds["edge:skip.sh"])
  assert_eq("skipped XFAIL", kinds["edge:xfail.sh"])
  assert_eq("error ERROR kernel panic", kinds["crash:panic.sh"])
  assert_eq("skipped not run: the guest died (kernel panic)", kinds["crash:after.sh"])
  if ko then
    assert(kinds["splat:warn.sh"]:match("^failure kernel warning: "), kinds["splat:warn.sh"])
  end
  assert_eq("pass", kinds["splat:clean.sh"])
end)

test("nothing is left running", function()
  assert_eq("", (capture("pgrep -af '[q]emu-system.*" .. tmp .. "' || true")), "QEMU left running")
  assert_eq("", (capture("find " .. q(tmp) .. " -name 'provium-??????' -o -name '*.sock'")),
    "run directories left behind")
end)

test("--fail-fast stops at the first failure; -f exits 0 anyway", function()
  local o, c = capture(string.format("cd %s && TMPDIR=%s %s kselftest -f --fail-fast --tap " ..
    "--timeout-factor 1 %s edge:pass.sh edge:fail.sh edge:skip.sh splat 2>/dev/null",
    q(root), q(tmp), q(bin), q(tree)))
  assert_eq(0, c, "-f: failures do not fail the run\n" .. o)
  local d = reports.parse_ktap(o)
  local edge, splat = d.results[1], d.results[2]
  assert_eq("selftests: edge", edge.name)
  assert(edge.sub.results[1].ok and not edge.sub.results[1].directive, "pass.sh ran")
  assert_eq(false, edge.sub.results[2].ok)
  assert_eq("SKIP", edge.sub.results[3].directive)
  assert_eq("not run: --fail-fast", edge.sub.results[3].reason)
  assert_eq("selftests: splat", splat.name)
  assert_eq("SKIP", splat.directive)
  assert_eq("not run: --fail-fast", splat.reason)
  assert_eq(nil, splat.sub, "a collection never started has no block")
end)

-- the same tests from a script: vm:kselftest, each result a sub-test
test("vm:kselftest: each result a sub-test of the file, the splat on its test", function()
  local script = scratch .. "/from_lua.lua"
  put(script, string.format([[
local ko = %q
local vm = provium.create()
vm:boot({ rootfs = "host" })
if ko ~= "" then vm:insmod(ko) end
local r = vm:kselftest(%q, { collections = { "edge:pass.sh", "edge:skip.sh", "edge:tap.sh",
  "splat" }, timeout_factor = 1 })
test("results returned", function()
  assert_eq(5, #r)
  assert_eq("edge:pass.sh", r[1].name)
  assert_eq("pass", r[1].status)
  assert_eq("skip", r[2].status)
  assert_eq(2, #r[3].subtests)
  if ko ~= "" then
    assert_eq("fail", r[4].status)
    assert(r[4].splats:find("ksample_ioctl", 1, true), r[4].splats)
  else
    assert_eq("skip", r[4].status)
  end
end)
vm:shutdown()
]], ko or "", tree))
  local o, c = capture(string.format("cd %s && TMPDIR=%s %s test --json %s 2>/dev/null",
    q(root), q(tmp), q(bin), q(script)))
  assert_eq(ko and 1 or 0, c, o)
  local d = json.decode(o)
  local st = {}
  for _, t in ipairs(d.files[1].tests) do st[t.name] = t end
  assert_eq("ok", st["edge:pass.sh"].status)
  assert_eq("skip", st["edge:skip.sh"].status)
  assert_eq("ok", st["edge:tap.sh: first"].status)
  assert_eq("skip", st["edge:tap.sh: second"].status)
  assert_eq("ok", st["edge:tap.sh"].status)
  assert_eq("ok", st["splat:clean.sh"].status)
  assert_eq("ok", st["results returned"].status, st["results returned"].message)
  if not ko then skip("the splat: " .. no_ko) end
  assert_eq("fail", st["splat:warn.sh"].status)
  assert_contains(st["splat:warn.sh"].message, "guest kernel warning:")
end)

os.execute("rm -rf " .. q(scratch))
