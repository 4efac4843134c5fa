-- The suite of tests/suite (20 files, each booting its own VM) run once by
-- "provium test -p 2 --tap --junit FILE", and both reports parsed here:
-- the TAP stream against the kselftest TAP 13 grammar, the JUnit file with a
-- small XML parser (both parsers in tests/lib/reports.lua), and the two
-- checked against each other and against the files on disk.

local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local reports = require("reports")
local q, capture, slurp, lines = reports.q, reports.capture, reports.slurp, reports.lines
local children, keys = reports.children, reports.sorted_keys

local root = capture("cd " .. q(here .. "/../..") .. " && pwd"):gsub("\n$", "")
local SUITE = "tests/suite"

-- the files the run must report, as the runner names them (sorted)
local suite_files = {}
for l in capture("cd " .. q(root) .. " && ls " .. SUITE .. "/*.lua"):gmatch("[^\n]+") do
  suite_files[#suite_files + 1] = l
end
table.sort(suite_files)

local scratch = reports.scratch_dir()

-- A private cache holding links to the real cache's kernel, initramfs, KVM
-- verdict and module (so nothing is rebuilt), but not its last-failed record,
-- which this run must not replace.
local real_cache = os.getenv("PROVIUM_CACHE")
if not real_cache or real_cache == "" then
  local xdg = os.getenv("XDG_CACHE_HOME")
  real_cache = ((xdg and xdg ~= "") and xdg or (os.getenv("HOME") or "/nonexistent") .. "/.cache")
    .. "/provium"
end
local cache = scratch .. "/cache"
capture(string.format("mkdir -p %s && for f in %s/*; do case $f in */last-failed*|*/\\*) ;; " ..
  "*) ln -s \"$f\" %s/ ;; esac; done", q(cache), q(real_cache), q(cache)))

-- the one run: TAP on stdout, JUnit to a file, the summary on stderr
local junit_path = scratch .. "/report.xml"
local tmpdir = scratch .. "/tmp"
capture("mkdir -p " .. q(tmpdir))
local tap_out, code = capture(string.format(
  "cd %s && exec env -u PROVIUM_EVENT_FD -u PROVIUM_LOG_DIR -u PROVIUM_KEEP_LOGS -u PROVIUM_KEEP_RUNDIR " ..
  "PROVIUM_CACHE=%s TMPDIR=%s build/provium test -p 2 --timeout 300 --tap --junit %s %s 2>%s",
  q(root), q(cache), q(tmpdir), q(junit_path), SUITE, q(scratch .. "/stderr")))
local stderr = slurp(scratch .. "/stderr") or ""
local junit_text = slurp(junit_path)
local leftovers = capture("ls -A " .. q(tmpdir))
capture("rm -rf " .. q(scratch))

local function number(s)
  return type(s) == "string" and s:match("^%d+%.%d%d%d$") and tonumber(s) or nil
end

-- ------------------------------------------------------------------
-- The TAP and XML parsers are tests/lib/reports.lua's: strict, so that a
-- report off the grammar fails here. A passing run has no diagnostics.

local parse_tap, parse_xml = reports.parse_tap, reports.parse_xml

test("the parsers reject what they must (sanity of the checkers themselves)", function()
  local bad = {
    { '<?xml version="1.0" encoding="UTF-8"?>\n<a><b></a></b>', "closes <b>" },
    { '<?xml version="1.0" encoding="UTF-8"?>\n<a x=1/>', "unquoted" },
    { '<?xml version="1.0" encoding="UTF-8"?>\n<a x="1 < 2"/>', "'<' in an attribute" },
    { '<?xml version="1.0" encoding="UTF-8"?>\n<a>R&D</a>', "starts no entity" },
    { '<?xml version="1.0" encoding="UTF-8"?>\n<a>&nbsp;</a>', "unknown entity" },
    { '<?xml version="1.0" encoding="UTF-8"?>\n<a/><b/>', "second root" },
    { '<?xml version="1.0" encoding="UTF-8"?>\n<a>', "never closed" },
    { '<?xml version="1.0" encoding="UTF-8"?>\n<a x="1" x="2"/>', "twice" },
    { '<?xml version="1.0" encoding="UTF-8"?>\n<a>\1</a>', "control character" },
    { '<a/>', "declaration" },
    { '<?xml version="1.0" encoding="UTF-8"?>\n<a>&#1;</a>', "character XML forbids" },
    { '<?xml version="1.0" encoding="UTF-8"?>\n<a>\xef\xbf\xbe</a>', "U+FFFE" },
    { '<?xml version="1.0" encoding="UTF-8"?>\n<a>]]></a>', "']]>'" },
    { '<?xml version="1.0" encoding="UTF-8"?>\n<a><!-- c --></a>', "starts no tag" },
  }
  for _, c in ipairs(bad) do
    local ok, err = pcall(parse_xml, c[1])
    assert(not ok, "accepted: " .. c[1])
    assert_contains(err, c[2])
  end
  local el = parse_xml('<?xml version="1.0" encoding="UTF-8"?>\n<a q="&quot;x&#10;&amp;"><b/>t&lt;</a>\n')
  assert_eq('"x\n&', el.attrs.q)
  assert_eq("t<", el.text)
  assert_eq(1, #children(el, "b"))
  local ok, err = pcall(parse_tap, "TAP version 13\n1..1\n    1..2\n    ok 1 a\nok 1 f\n")
  assert(not ok)
  assert_contains(err, "against its plan")
  ok, err = pcall(parse_tap, "TAP version 13\n1..2\n    1..1\n    ok 1 a\nok 2 f\n")
  assert(not ok)
  assert_contains(err, "file number")
  local head = "TAP version 13\n1..1\n"
  local totals = "# Totals: pass:0 fail:0 xfail:0 xpass:0 skip:0 error:0\n"
  local bad_tap = {
    { head .. "    ok 1 a\nok 1 f\n", "before a nested plan" },
    { head .. "    1..1\n    # why\n    ok 1 a\nok 1 f\n", "before any nested result" },
    { head .. "ok 1 f # XFAIL\n" .. totals, "unknown directive" },
    { head .. "ok 1 a # b\n", "neither escaped" },
    { head .. "ok 1 f\n" .. totals .. "ok 2 g\n", "after the Totals line" },
    { head .. "ok 1 f\n", "no Totals" },
  }
  for _, c in ipairs(bad_tap) do
    ok, err = pcall(parse_tap, c[1])
    assert(not ok, "accepted: " .. c[1])
    assert_contains(err, c[2])
  end
  local t = parse_tap("TAP version 13\n1..1\n    1..1\n    ok 1 a \\# b # TODO c \\\\ d\n" ..
    "ok 1 f\n# Totals: pass:1 fail:0 xfail:0 xpass:0 skip:0 error:0\n")
  assert_eq("a # b", t.files.f.tests[1].name)
  assert_eq("TODO", t.files.f.tests[1].directive)
  assert_eq("c \\ d", t.files.f.tests[1].reason)
end)

test("the run exits 0, prints a clean summary, and leaves no log directory behind", function()
  assert_eq(0, code, "exit code of provium test; stderr:\n" .. stderr .. "\nstdout:\n" .. tap_out)
  local last = lines(stderr)
  local p, f, s = (last[#last] or ""):match("^(%d+) passed, (%d+) failed, (%d+) skipped$")
  assert(p, "no summary line on stderr:\n" .. stderr)
  assert(tonumber(p) >= 2 * #suite_files, "at least 2 sub-tests per file, got " .. p)
  assert_eq("0", f, "failed")
  assert_eq("0", s, "skipped")
  assert_eq("", leftovers, "TMPDIR after a passing run")
end)

local tap
test("the TAP stream is kselftest TAP 13: plan, nested blocks, consecutive numbers, Totals", function()
  tap = parse_tap(tap_out)
  for _, d in ipairs(tap.diagnostics) do
    error("unexpected diagnostic on line " .. d.line .. " of a passing run: # " .. d.text)
  end
  assert_eq(20, #suite_files, "files in " .. SUITE)
  assert_eq(#suite_files, tap.plan, "the plan counts files")
  assert_eq(table.concat(suite_files, " "), keys(tap.files), "every file of the suite ran once")
  local nested_ok = 0
  for _, path in ipairs(tap.order) do
    local f = tap.files[path]
    assert(f.ok, path .. " is not ok")
    assert(f.plan, path .. " has no nested plan")
    assert(f.plan >= 2 and f.plan <= 4, path .. " has " .. f.plan .. " sub-tests, not 2-4")
    for i, t in ipairs(f.tests) do
      assert(t.ok, path .. ": not ok " .. i .. " " .. t.name)
      assert_eq(nil, t.directive, path .. ": " .. t.name .. " has a directive")
      nested_ok = nested_ok + 1
    end
  end
  assert_eq(nested_ok, tap.totals.pass, "Totals pass: against the nested ok lines")
  assert_eq(0, tap.totals.fail)
  assert_eq(0, tap.totals.xfail)
  assert_eq(0, tap.totals.xpass)
  assert_eq(0, tap.totals.skip)
  assert_eq(0, tap.totals.error)
  local p = stderr:match("(%d+) passed, 0 failed, 0 skipped\n?$")
  assert_eq(nested_ok, tonumber(p), "the summary on stderr")
end)

test("the JUnit XML is well-formed and describes the same run as the TAP stream", function()
  assert(junit_text, "the JUnit file was not written")
  local doc = parse_xml(junit_text)
  assert_eq("testsuites", doc.name, "root element")
  assert_eq("provium", doc.attrs.name)
  for _, a in ipairs({ "failures", "errors", "skipped" }) do
    assert_eq("0", doc.attrs[a], "<testsuites " .. a .. ">")
  end
  local run_time = number(doc.attrs.time)
  assert(run_time, "<testsuites time> is not a number: " .. tostring(doc.attrs.time))
  assert_eq(#doc.children, #children(doc, "testsuite"), "only <testsuite> in <testsuites>")
  local suites = children(doc, "testsuite")
  assert_eq(#suite_files, #suites, "one <testsuite> per file")

  local total, sum_time, by_name = 0, 0, {}
  for k, ts in ipairs(suites) do
    local name = ts.attrs.name
    assert_eq(suite_files[k], name, "testsuites in sorted file order")
    by_name[name] = true
    local cases = children(ts, "testcase")
    assert_eq(#ts.children, #cases, name .. ": only <testcase> children in a passing suite")
    assert_eq(tostring(#cases), ts.attrs.tests, name .. ": tests= against its testcases")
    assert_eq("0", ts.attrs.failures, name .. " failures")
    assert_eq("0", ts.attrs.errors, name .. " errors")
    assert_eq("0", ts.attrs.skipped, name .. " skipped")
    local t = number(ts.attrs.time)
    assert(t and t > 0, name .. ": time " .. tostring(ts.attrs.time))
    sum_time = sum_time + t
    local sub = tap.files[name]
    assert(sub, name .. " is in the JUnit file but not in the TAP stream")
    assert_eq(#sub.tests, #cases, name .. ": testcases against the TAP nested plan")
    for i, tc in ipairs(cases) do
      assert_eq(name, tc.attrs.classname, name .. " testcase " .. i .. " classname")
      assert_eq(sub.tests[i].name, tc.attrs.name, name .. " testcase " .. i .. " name (TAP vs JUnit)")
      local ct = number(tc.attrs.time)
      assert(ct and ct <= t, name .. ": testcase time " .. tostring(tc.attrs.time))
      assert_eq(true, tc.empty == true, name .. ": " .. tc.attrs.name .. " has no failure or skip")
    end
    total = total + #cases
  end
  assert_eq(table.concat(suite_files, " "), keys(by_name), "JUnit names the suite's files")
  assert_eq(tostring(total), doc.attrs.tests, "<testsuites tests> against all testcases")
  assert_eq(tap.totals.pass, total, "testcases against the TAP nested ok count")
  -- files run one at a time would sum to at most the run's time: more means
  -- their runs overlapped
  assert(sum_time > run_time, string.format(
    "files ran in parallel: their times sum to %.3f s, the run took %.3f s", sum_time, run_time))
end)
