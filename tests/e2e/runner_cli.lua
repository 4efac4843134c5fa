-- "provium test" and "provium doctor" from the outside: run the CLI on the
-- small case files of tests/runner-cases (pure Lua, no VM) and check the
-- reports by parsing them: TAP structure, JUnit XML, JSON, exit codes,
-- filters, shards, --fail-fast, --rerun-failed and --timeout.

local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local reports = require("reports")
local q, capture, lines, last_line = reports.q, reports.capture, reports.lines, reports.last_line
local summary, sorted_keys, children = reports.summary, reports.sorted_keys, reports.children

local root = capture("cd " .. q(here .. "/../..") .. " && pwd"):gsub("\n$", "")
local bin = root .. "/build/provium"
local CASES = "tests/runner-cases"
local scratch = reports.scratch_dir()

-- every run gets its own cache, so the last-failed record is ours
local ncache = 0
local function new_cache()
  ncache = ncache + 1
  return scratch .. "/cache" .. ncache
end
local default_cache = new_cache()

-- provium test <args> from the repository root: code, stdout, stderr
local function run(args, cache)
  local errfile = scratch .. "/stderr"
  local out, code = capture(string.format(
    "cd %s && exec env -u PROVIUM_EVENT_FD -u PROVIUM_KEEP_LOGS PROVIUM_CACHE=%s TMPDIR=%s " ..
    "%s test %s 2>%s",
    q(root), q(cache or default_cache), q(scratch), q(bin), args, q(errfile)))
  local err = assert(reports.slurp(errfile), "no stderr file " .. errfile)
  return { code = code, out = out, err = err }
end

-- JSON: the project's decoder if there is one, else a small strict one
local json_decode
do
  local ok, json = pcall(require, "provium.json")
  if ok and type(json) == "table" and json.decode then
    json_decode = json.decode
  else
    local function decode(s)
      local i = 1
      local value
      local function ws() i = s:find("[^ \t\r\n]", i) or #s + 1 end
      local function fail(what) error(("json: %s at byte %d"):format(what, i), 0) end
      local function str()
        local out = {}
        i = i + 1
        while true do
          local c = s:sub(i, i)
          if c == "" then fail("unterminated string") end
          if c == '"' then i = i + 1; return table.concat(out) end
          if c:byte() < 32 then fail("raw control character in string") end
          if c == "\\" then
            local e = s:sub(i + 1, i + 1)
            local map = { ['"'] = '"', ["\\"] = "\\", ["/"] = "/", b = "\b", f = "\f",
              n = "\n", r = "\r", t = "\t" }
            if map[e] then out[#out + 1] = map[e]; i = i + 2
            elseif e == "u" then
              local h = s:sub(i + 2, i + 5)
              if not h:match("^%x%x%x%x$") then fail("bad \\u escape") end
              out[#out + 1] = utf8.char(tonumber(h, 16)); i = i + 6
            else fail("bad escape") end
          else
            out[#out + 1] = c; i = i + 1
          end
        end
      end
      function value()
        ws()
        local c = s:sub(i, i)
        if c == "{" then
          local o = {}
          i = i + 1; ws()
          if s:sub(i, i) == "}" then i = i + 1; return o end
          while true do
            ws()
            if s:sub(i, i) ~= '"' then fail("expected a key") end
            local k = str()
            ws()
            if s:sub(i, i) ~= ":" then fail("expected ':'") end
            i = i + 1
            o[k] = value()
            ws()
            local d = s:sub(i, i)
            i = i + 1
            if d == "}" then return o end
            if d ~= "," then fail("expected ',' or '}'") end
          end
        elseif c == "[" then
          local a = {}
          i = i + 1; ws()
          if s:sub(i, i) == "]" then i = i + 1; return a end
          while true do
            a[#a + 1] = value()
            ws()
            local d = s:sub(i, i)
            i = i + 1
            if d == "]" then return a end
            if d ~= "," then fail("expected ',' or ']'") end
          end
        elseif c == '"' then return str()
        elseif s:sub(i, i + 3) == "true" then i = i + 4; return true
        elseif s:sub(i, i + 4) == "false" then i = i + 5; return false
        elseif s:sub(i, i + 3) == "null" then i = i + 4; return nil
        else
          local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", i)
          if not num or num == "" then fail("unexpected character") end
          i = i + #num
          return tonumber(num)
        end
      end
      local v = value()
      ws()
      if i <= #s then fail("trailing text") end
      return v
    end
    json_decode = decode
  end
end

local function is_null(v)
  return v == nil or (type(v) == "table" and tostring(v) == "null" and next(v) == nil)
end

local function count(list, pred)
  local n = 0
  for _, v in ipairs(list) do if pred(v) then n = n + 1 end end
  return n
end

test("bad usage, missing paths and missing records exit 2", function()
  local cases = {
    { "--bogus " .. CASES, "unknown option" },
    { CASES .. "/no-such-file.lua", "No such file" },
    { "--tap --json " .. CASES, "choose one" },
    { "-p 0 " .. CASES, "-p" },
    { "--shard 3/2 " .. CASES, "--shard" },
    { "--timeout", "needs a value" },
    { "", "no paths" },
    { q(scratch), "no test files found" },
    { "--junit " .. q(scratch .. "/no/such/dir/report.xml") .. " " .. CASES, "--junit" },
    { "--rerun-failed", "no failed tests recorded" },
  }
  for _, c in ipairs(cases) do
    local r = run(c[1], new_cache())
    assert_eq(2, r.code, "exit code of provium test " .. c[1])
    assert_contains(r.err, c[2], "stderr of provium test " .. c[1])
    assert_eq("", r.out, "stdout of provium test " .. c[1])
  end
end)

test("human output: per-file status and the summary line last", function()
  local r = run(CASES .. "/pass.lua " .. CASES .. "/todo.lua")
  assert_eq(0, r.code, "exit code; stderr: " .. r.err)
  local s = summary(last_line(r.out))
  assert_eq(3, s.passed)
  assert_eq(0, s.failed)
  assert_eq(1, s.skipped)
  assert_contains(r.out, "PASS " .. CASES .. "/pass.lua")
  assert_contains(r.out, "todo  not written yet: waiting for the frobnicator")

  r = run("-p 2 " .. CASES .. "/fail.lua " .. CASES .. "/pass.lua")
  assert_eq(1, r.code)
  s = summary(last_line(r.out))
  assert_eq(3, s.passed)
  assert_eq(1, s.failed)
  assert_contains(r.out, "FAIL " .. CASES .. "/fail.lua")
  assert_contains(r.out, "second line after a tab")
  assert_contains(r.out, "\nlogs: ")
end)

test("--tap: kselftest-style TAP 13 with nested sub-tests and Totals", function()
  local r = run("--tap --timeout 1 -p 2 " .. CASES)
  assert_eq(1, r.code, "exit code; stderr: " .. r.err)
  local tap = reports.parse_tap(r.out)
  local files, totals = tap.files, tap.totals
  assert_eq("tests/runner-cases/error.lua tests/runner-cases/fail.lua " ..
    "tests/runner-cases/pass.lua tests/runner-cases/slow.lua tests/runner-cases/todo.lua",
    sorted_keys(files))

  local pass = files[CASES .. "/pass.lua"]
  assert(pass.ok, "pass.lua is ok")
  assert_eq(2, #pass.tests)
  assert_eq(2, count(pass.tests, function(t) return t.ok and not t.directive end))

  local fail = files[CASES .. "/fail.lua"]
  assert(not fail.ok, "fail.lua is not ok")
  assert_eq(2, #fail.tests)
  assert(fail.tests[1].ok and not fail.tests[2].ok, "first ok, second not ok")
  assert_eq('fails with <markup> & "quotes"', fail.tests[2].name)
  local diag = table.concat(fail.tests[2].diag, "\n")
  assert_contains(diag, 'first line <b>bold</b> & "quoted"')
  assert_contains(diag, "second line after a tab")
  assert_contains(diag, "and a # hash")

  local todo = files[CASES .. "/todo.lua"]
  assert(todo.ok, "todo.lua is ok")
  assert_eq(1, count(todo.tests, function(t) return t.directive == "TODO" end))
  assert_eq("waiting for the frobnicator", todo.tests[2].reason)
  assert(todo.tests[2].ok, "a TODO sub-test is reported as ok # TODO")

  local err = files[CASES .. "/error.lua"]
  assert(not err.ok, "error.lua is not ok")
  assert_eq(1, #err.tests)
  assert(err.tests[1].ok, "the test before the error passed")
  assert_contains(table.concat(err.diag, "\n"), "boom outside any test")

  local slow = files[CASES .. "/slow.lua"]
  assert(not slow.ok, "slow.lua is not ok")
  assert_contains(table.concat(slow.diag, "\n"), "timed out after 1 s")

  assert_eq(5, totals.pass)
  assert_eq(3, totals.fail)
  assert_eq(1, totals.skip)
  local s = summary(last_line(r.err))
  assert_eq(5, s.passed, "summary on stderr")
  assert_eq(3, s.failed)
  assert_eq(1, s.skipped)
end)

test("--json and --junit describe the same run", function()
  local xml = scratch .. "/report.xml"
  local r = run("--json --junit " .. q(xml) .. " --timeout 1 -p 2 " .. CASES)
  assert_eq(1, r.code, "exit code; stderr: " .. r.err)
  local doc = json_decode(r.out)
  assert_eq(5, #doc.files)
  assert_eq(5, doc.passed)
  assert_eq(3, doc.failed)
  assert_eq(1, doc.skipped)
  local by = {}
  local ok, fail, skip = 0, 0, 0
  for _, f in ipairs(doc.files) do
    by[f.path] = f
    assert(type(f.duration) == "number", "duration of " .. f.path)
    for _, t in ipairs(f.tests) do
      if t.status == "ok" then ok = ok + 1
      elseif t.status == "fail" then fail = fail + 1
      else skip = skip + 1 end
      assert(type(t.name) == "string" and type(t.message) == "string", "test fields")
    end
    if f.status == "fail" and not is_null(f.error) then fail = fail + 1 end
  end
  assert_eq(5, ok)
  assert_eq(3, fail)
  assert_eq(1, skip)
  assert_eq("pass", by[CASES .. "/pass.lua"].status)
  assert_eq("pass", by[CASES .. "/todo.lua"].status)
  assert_eq("todo", by[CASES .. "/todo.lua"].tests[2].status)
  assert_eq("waiting for the frobnicator", by[CASES .. "/todo.lua"].tests[2].message)
  local f = by[CASES .. "/fail.lua"]
  assert_eq("fail", f.status)
  assert(is_null(f.error), "fail.lua has no file-level error")
  assert_eq('fails with <markup> & "quotes"', f.tests[2].name)
  assert_contains(f.tests[2].message, 'first line <b>bold</b> & "quoted"\n')
  assert_contains(f.tests[2].message, "\27[31mred", "control characters survive as \\u001b")
  assert_contains(by[CASES .. "/error.lua"].error, "boom outside any test")
  assert_contains(by[CASES .. "/slow.lua"].error, "timed out after 1 s")
  assert_eq(0, #by[CASES .. "/slow.lua"].tests)
  assert_eq(3, summary(last_line(r.err)).failed, "summary on stderr")

  local text = assert(reports.slurp(xml), "the JUnit file was not written")
  local suites = reports.parse_xml(text)
  assert_eq("testsuites", suites.name)
  local nsuite, ncase, nfail, nskip = 0, 0, 0, 0
  local seen = {}
  for _, suite in ipairs(children(suites, "testsuite")) do
    nsuite = nsuite + 1
    seen[suite.attrs.name] = suite
    local cases = children(suite, "testcase")
    local sf, ss = 0, 0
    for _, c in ipairs(cases) do
      assert_eq(suite.attrs.name, c.attrs.classname, "classname is the path")
      assert(tonumber(c.attrs.time), "testcase time")
      sf = sf + #children(c, "failure")
      ss = ss + #children(c, "skipped")
    end
    assert_eq(#cases, tonumber(suite.attrs.tests), "tests= of " .. suite.attrs.name)
    assert_eq(sf, tonumber(suite.attrs.failures), "failures= of " .. suite.attrs.name)
    assert_eq(ss, tonumber(suite.attrs.skipped), "skipped= of " .. suite.attrs.name)
    assert(tonumber(suite.attrs.time), "testsuite time")
    ncase, nfail, nskip = ncase + #cases, nfail + sf, nskip + ss
  end
  assert_eq(5, nsuite)
  assert_eq(9, ncase)
  assert_eq(3, nfail)
  assert_eq(1, nskip)
  local failing = children(seen[CASES .. "/fail.lua"], "testcase")[2]
  assert_eq('fails with <markup> & "quotes"', failing.attrs.name)
  local failure = children(failing, "failure")[1]
  assert_eq('first line <b>bold</b> & "quoted"', failure.attrs.message)
  assert_contains(failure.text, "second line after a tab")
  assert(not failure.text:find("\27", 1, true), "ESC dropped from XML")
  local errcase = children(seen[CASES .. "/error.lua"], "testcase")[2]
  assert_eq("(file)", errcase.attrs.name)
  assert_eq("error outside a test", children(errcase, "failure")[1].attrs.message)
  local slowcase = children(seen[CASES .. "/slow.lua"], "testcase")[1]
  assert_eq("(file)", slowcase.attrs.name)
  assert_contains(children(slowcase, "failure")[1].attrs.message, "timed out")

  local _, lint = capture("command -v xmllint >/dev/null 2>&1")
  if lint == 0 then
    local out, code = capture("xmllint --noout " .. q(xml) .. " 2>&1")
    assert_eq(0, code, "xmllint: " .. out)
  end
end)

test("-f keeps matching files only", function()
  local r = run("--json -f pass -f 'tests/*/todo.lua' " .. CASES)
  assert_eq(0, r.code, "exit code; stderr: " .. r.err)
  local doc = json_decode(r.out)
  local paths = {}
  for _, f in ipairs(doc.files) do paths[f.path] = true end
  assert_eq(CASES .. "/pass.lua " .. CASES .. "/todo.lua", sorted_keys(paths))
  r = run("-f no-such-name " .. CASES)
  assert_eq(2, r.code, "no file left is a usage error")
  -- without a '/', the file name is matched, as in the original: not the directories
  r = run("-f runner " .. CASES)
  assert_eq(2, r.code, "'runner' is in every path but in no file name")
  r = run("--json -f runner-cases/ " .. CASES)
  assert_eq(5, #json_decode(r.out).files, "with a '/', the path")
end)

test("--shard 1/2 and 2/2 partition the files, deterministically", function()
  local function shard(spec)
    local r = run("--json --timeout 1 -p 2 --shard " .. spec .. " " .. CASES)
    local doc = json_decode(r.out)
    local set = {}
    for _, f in ipairs(doc.files) do set[f.path] = true end
    return set
  end
  local a, b = shard("1/2"), shard("2/2")
  local all = {}
  for p in pairs(a) do
    assert(not b[p], p .. " is in both shards")
    all[p] = true
  end
  for p in pairs(b) do all[p] = true end
  assert_eq("tests/runner-cases/error.lua tests/runner-cases/fail.lua " ..
    "tests/runner-cases/pass.lua tests/runner-cases/slow.lua tests/runner-cases/todo.lua",
    sorted_keys(all), "the union of the shards")
  assert(next(a) and next(b), "neither shard is empty")
  assert_eq(sorted_keys(a), sorted_keys(shard("1/2")), "same shard twice")
end)

test("--fail-fast with -p 1 stops after the first failing file", function()
  local r = run("--json --fail-fast -p 1 " .. CASES)
  assert_eq(1, r.code, "exit code; stderr: " .. r.err)
  local doc = json_decode(r.out)
  assert_eq(5, #doc.files)
  -- sorted order: error.lua runs first and fails, the other four never start
  assert_eq("fail", doc.files[1].status)
  assert_eq(CASES .. "/error.lua", doc.files[1].path)
  for n = 2, 5 do
    assert_eq("skip", doc.files[n].status, doc.files[n].path)
    assert_eq(0, #doc.files[n].tests)
  end
  assert_eq(1, doc.passed)
  assert_eq(1, doc.failed)
  assert_eq(4, doc.skipped)
  local s = summary(last_line(r.err))
  assert_eq(4, s.skipped)

  r = run("--tap --fail-fast -p 1 " .. CASES)
  local tap = reports.parse_tap(r.out)
  assert_eq("SKIP", tap.files[CASES .. "/pass.lua"].directive)
  assert_eq(4, tap.totals.skip)
end)

test("--rerun-failed reruns exactly the failed files; Ctrl-C keeps the record", function()
  local cache = new_cache()
  local r = run("--timeout 1 -p 2 " .. CASES, cache)
  assert_eq(1, r.code)
  local function rerun_set()
    local rr = run("--json --rerun-failed --timeout 1 -p 2", cache)
    assert_eq(1, rr.code, "rerun exit code; stderr: " .. rr.err)
    local set = {}
    for _, f in ipairs(json_decode(rr.out).files) do set[f.path] = f.status end
    return sorted_keys(set)
  end
  local failed = CASES .. "/error.lua " .. CASES .. "/fail.lua " .. CASES .. "/slow.lua"
  assert_eq(failed, rerun_set())
  assert_eq(failed, rerun_set(), "a rerun that fails the same keeps the same record")

  -- interrupted: the record stays as it was
  local out = capture(string.format(
    "cd %s && (env -u PROVIUM_EVENT_FD PROVIUM_CACHE=%s TMPDIR=%s %s test -p 2 %s/pass.lua " ..
    "%s/slow.lua >/dev/null 2>&1 & pid=$!; sleep 1; kill -TERM $pid; wait $pid; echo $?)",
    q(root), q(cache), q(scratch), q(bin), CASES, CASES))
  assert_eq("130", out:gsub("%s+$", ""), "exit status of an interrupted run")
  assert_eq(failed, rerun_set(), "after an interrupted run")

  -- a complete passing run leaves nothing to rerun
  assert_eq(0, run(CASES .. "/pass.lua", cache).code)
  r = run("--rerun-failed", cache)
  assert_eq(0, r.code, "nothing recorded as failed")
  assert_contains(r.err, "no failed tests recorded")
end)

test("--rerun-failed remembers per project, even with one cache", function()
  local cache = new_cache()
  local base = capture("mktemp -d"):gsub("\n$", "")
  -- project a has a provium.toml; project b has none (its tests' root counts)
  for _, p in ipairs({ "a/tests", "b/tests" }) do
    assert(os.execute("mkdir -p " .. q(base .. "/" .. p)))
  end
  local function write(path, text)
    local f = assert(io.open(base .. "/" .. path, "w"))
    f:write(text)
    f:close()
  end
  write("a/provium.toml", "")
  write("a/tests/fails_a.lua", 'test("x", function() error("a fails") end)\n')
  write("a/tests/passes_a.lua", 'test("y", function() end)\n')
  write("b/tests/fails_b.lua", 'test("x", function() error("b fails") end)\n')
  local function prov(dir, args)
    return capture(string.format("cd %s && env -u PROVIUM_EVENT_FD PROVIUM_CACHE=%s TMPDIR=%s %s test %s 2>&1",
      q(base .. "/" .. dir), q(cache), q(scratch), q(bin), args))
  end
  prov("a", "tests")
  prov("b", "tests")
  -- a's record survived b's run; from a's directory and from anywhere
  local out = prov("a", "--rerun-failed")
  assert_contains(out, "fails_a.lua")
  assert(not out:find("fails_b", 1, true) and not out:find("passes_a", 1, true), out)
  out = prov(".", "--rerun-failed " .. q(base .. "/a/tests"))
  assert_contains(out, "fails_a.lua")
  assert(not out:find("fails_b", 1, true), out)
  out = prov("b", "--rerun-failed tests")
  assert_contains(out, "fails_b.lua")
  assert(not out:find("fails_a", 1, true), out)
  os.execute("rm -rf " .. q(base))
end)

test("the run prints its resource pool; -p is never lowered: the pool gates VMs", function()
  local r = run("-p 200 --mem 64G --cpus 8 tests/runner-cases/pass.lua")
  assert_eq(0, r.code)
  assert_eq("resource pool: 65536M memory, 8 CPUs", lines(r.out)[1])
  assert(not r.err:find("lowered", 1, true), r.err)
  assert_eq(2, summary(last_line(r.out)).passed)
  -- TAP and JSON keep stdout to themselves: the line goes to stderr
  r = run("--tap --mem 1G tests/runner-cases/pass.lua")
  assert_eq("TAP version 13", lines(r.out)[1])
  assert_contains(r.err, "resource pool: 1024M memory, CPUs not limited")
  r = run("-p auto tests/runner-cases/pass.lua")
  assert_eq(0, r.code)
  assert_contains(lines(r.out)[1], "resource pool: ")
end)

test("a process a test leaves running does not hold the runner", function()
  local pidfile = scratch .. "/daemon.pid"
  local out, code = capture(string.format(
    "cd %s && env -u PROVIUM_EVENT_FD DAEMON_PID_FILE=%s PROVIUM_CACHE=%s TMPDIR=%s " ..
    "timeout 60 %s test tests/runner-daemon 2>&1", q(root), q(pidfile), q(default_cache),
    q(scratch), q(bin)))
  local pid = assert(io.open(pidfile)):read("l")
  os.execute("kill " .. pid .. " 2>/dev/null")
  assert(code ~= 124, "the runner waited for the test's leftover process")
  assert_eq(0, code)
  assert_eq(1, summary(last_line(out)).passed)
end)

test("provium doctor prints one verdict per check", function()
  local out, code = capture("env -u PROVIUM_EVENT_FD PROVIUM_CACHE=" .. q(new_cache()) .. " " ..
    q(bin) .. " doctor")
  local needed_missing = false
  local checks = 0
  for _, l in ipairs(lines(out)) do
    if l:match("^OK ") then
      checks = checks + 1
    elseif l:match("^MISSING ") then
      checks = checks + 1
      if not l:find("(not needed to boot)", 1, true) then needed_missing = true end
    elseif not l:match("^%s+fix: ") and not l:match("^everything needed")
      and not l:match("^provium cannot boot") then
      error("unexpected doctor line: " .. l)
    end
  end
  assert(checks >= 10, "at least ten checks, got " .. checks)
  assert_eq(needed_missing and 2 or 0, code, "doctor exit code")
  for _, what in ipairs({ "qemu-system-x86_64", "/dev/kvm", "default kernel",
      "kernel headers", "busybox", "guest agent", "helper module", "libnl",
      "kselftest headers" }) do
    assert_contains(out, what)
  end
end)

os.execute("rm -rf " .. q(scratch))
