-- "provium kselftest" on real kselftests, built from Debian's
-- linux-source-6.1 with "provium kselftest --build" (into the cache, once;
-- "make check" builds them before the tests run): kcmp (a dynamically
-- linked C program), splice's default_file_splice_read.sh and sysctl (shell
-- scripts; sysctl skips: Debian has no test_sysctl module), which end the
-- same on the default kernel and on 6.12. The merged KTAP document and JUnit file go
-- through the strict parsers of tests/lib/reports.lua. Then bad input: a
-- directory that is no install, an unknown collection or test, a settings
-- file with garbage; each a clear error, exit 2, no guest started.

local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local reports = require("reports")
local json = require("provium.json")
local q, capture, slurp = reports.q, reports.capture, reports.slurp

local root = capture("cd " .. q(here .. "/../..") .. " && pwd"):gsub("\n$", "")
local bin = root .. "/build/provium"
local scratch = reports.scratch_dir()
local SOURCE = "/usr/src/linux-source-6.1.tar.xz"
local TARGETS = "kcmp splice user sysctl membarrier size"

-- provium kselftest <args>, TMPDIR in its own directory: code, stdout, stderr, tmp
-- kselftests run on the host's root: a kernel that cannot skips the file
do
  local vm = provium.create()
  if not require("guest").boot_for_file(vm, { rootfs = "host" }, "provium kselftest") then return end
  vm:kill()
end

local nrun = 0
local function kselftest(args)
  nrun = nrun + 1
  local tmp = scratch .. "/tmp" .. nrun
  os.execute("mkdir -p " .. q(tmp))
  local errfile = scratch .. "/stderr" .. nrun
  local out, code = capture(string.format("cd %s && TMPDIR=%s %s kselftest %s 2>%s",
    q(root), q(tmp), q(bin), args, q(errfile)))
  return { code = code, out = out, err = slurp(errfile) or "", tmp = tmp }
end

-- nothing of a run is left: no QEMU with its TMPDIR, no run directory
local function nothing_left(r)
  assert_eq("", (capture("pgrep -af '[q]emu-system.*" .. r.tmp .. "' || true")), "QEMU left running")
  assert_eq("", (capture("find " .. q(r.tmp) .. " -name 'provium-??????' -o -name '*.sock'")),
    "run directories left behind")
end

local build_err = scratch .. "/build.err"
local install, build_code = capture(string.format("%s kselftest --build %s %s 2>%s", q(bin),
  SOURCE, TARGETS, q(build_err)))
install = install:gsub("\n$", "")

test("--build installs the targets into the cache and prints where", function()
  assert_eq(0, build_code, slurp(build_err))
  assert_contains(install, "/kselftest-")
  local list = assert(slurp(install .. "/kselftest-list.txt"))
  for t in TARGETS:gmatch("%S+") do assert_contains(list, t .. ":") end
  assert(slurp(install .. "/run_kselftest.sh"), "no run_kselftest.sh")
  -- dynamically linked, as most kselftests are: the guest needs the host's libc
  assert_contains(capture("readelf -l " .. q(install .. "/kcmp/kcmp_test")),
    "Requesting program interpreter")
end)

test("real collections: the merged KTAP document and JUnit, parsed strictly", function()
  local junit = scratch .. "/real.xml"
  local r = kselftest("-p 2 --tap --junit " .. q(junit) .. " " .. q(install) ..
    " kcmp splice:default_file_splice_read.sh sysctl")
  assert_eq(0, r.code, r.err .. r.out)
  nothing_left(r)
  local doc = reports.parse_ktap(r.out)
  assert_eq(3, doc.plan)
  local by = {}
  for _, c in ipairs(doc.results) do by[c.name] = c end
  assert_eq("selftests: kcmp selftests: splice selftests: sysctl", reports.sorted_keys(by))
  local kcmp = by["selftests: kcmp"]
  assert(kcmp.ok and kcmp.sub and kcmp.sub.plan == 1, "kcmp's block")
  assert_eq("selftests: kcmp: kcmp_test", kcmp.sub.results[1].name)
  assert(kcmp.sub.results[1].ok and not kcmp.sub.results[1].directive, "kcmp_test passed")
  local splice = by["selftests: splice"].sub
  assert_eq(1, splice.plan, "one test of splice selected")
  assert_eq("selftests: splice: default_file_splice_read.sh", splice.results[1].name)
  assert(splice.results[1].ok and not splice.results[1].directive, "the shell test passed")
  local sysctl = by["selftests: sysctl"]
  assert_eq("SKIP", sysctl.sub.results[1].directive, "sysctl.sh without test_sysctl skips")
  assert_eq("SKIP", sysctl.directive, "a collection whose tests all skipped")
  assert_eq(2, doc.totals.pass)
  assert_eq(1, doc.totals.skip)
  assert_eq(0, doc.totals.fail + doc.totals.error + doc.totals.xpass)
  assert_eq("2 passed, 0 failed, 1 skipped", reports.last_line(r.err))

  local x = reports.parse_xml(assert(slurp(junit), "no JUnit file"))
  assert_eq("testsuites", x.name)
  assert_eq("3", x.attrs.tests)
  assert_eq("0", x.attrs.failures)
  assert_eq("1", x.attrs.skipped)
  local suites = reports.children(x, "testsuite")
  assert_eq(3, #suites)
  for _, s in ipairs(suites) do
    local cases = reports.children(s, "testcase")
    assert_eq(1, #cases, s.attrs.name)
    assert_eq(s.attrs.name, cases[1].attrs.classname)
    local skipped = reports.children(cases[1], "skipped")
    assert_eq(s.attrs.name == "sysctl" and 1 or 0, #skipped, s.attrs.name)
  end
end)

test("--json: every test with its status, exit code, limit and output", function()
  local r = kselftest("--json " .. q(install) .. " kcmp")
  assert_eq(0, r.code, r.err)
  local d = json.decode(r.out)
  assert_eq(install, d.install)
  assert_eq(1, #d.collections)
  local t = d.collections[1].tests[1]
  assert_eq("kcmp_test", t.name)
  assert_eq("pass", t.status)
  assert_eq(0, t.exit_code)
  assert_eq(45 * d.timeout_factor, t.timeout)
  assert_contains(t.output, "PASS")
  assert_eq(1, d.passed)
end)

test("a directory that is not a kselftest install", function()
  local empty = scratch .. "/empty"
  os.execute("mkdir -p " .. q(empty))
  local r = kselftest(q(empty))
  assert_eq(2, r.code)
  assert_contains(r.err, empty .. " is not a kselftest install: it has no kselftest-list.txt")
  assert_eq("", r.out)
  nothing_left(r)
  r = kselftest(q(scratch .. "/no-such-dir"))
  assert_eq(2, r.code)
  assert_contains(r.err, "no-such-dir: No such file or directory")
end)

test("an unknown collection or test names what there is", function()
  local r = kselftest(q(install) .. " kcmp nosuch")
  assert_eq(2, r.code)
  assert_contains(r.err, "no collection 'nosuch' in " .. install .. " (it has: ")
  assert_contains(r.err, "kcmp")
  nothing_left(r)
  r = kselftest(q(install) .. " kcmp:nosuch")
  assert_eq(2, r.code)
  assert_contains(r.err, "no test 'nosuch' in collection 'kcmp' (it has: kcmp_test)")
  nothing_left(r)
end)

test("a settings file with garbage", function()
  local tree = scratch .. "/garbage"
  os.execute(string.format("mkdir -p %s/c && printf 'c:t.sh\\n' > %s/kselftest-list.txt && " ..
    "printf '#!/bin/sh\\n' > %s/c/t.sh && chmod +x %s/c/t.sh && " ..
    "printf 'timeout=45\\nrun me slowly please\\n' > %s/c/settings",
    q(tree), q(tree), q(tree), q(tree), q(tree)))
  local r = kselftest(q(tree))
  assert_eq(2, r.code)
  assert_contains(r.err, tree .. "/c/settings:2: 'run me slowly please' is not key=value")
  nothing_left(r)
  os.execute("printf 'timeout=soon\\n' > " .. q(tree .. "/c/settings"))
  r = kselftest(q(tree))
  assert_eq(2, r.code)
  assert_contains(r.err, "settings:1: timeout=soon: want whole seconds (0 = no limit)")
  nothing_left(r)
end)

os.execute("rm -rf " .. q(scratch))
