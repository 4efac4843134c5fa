-- The suite of tests/suite (20 files, each booting its own VM) run once by
-- "provium test -p 2 --tap --junit FILE", and both reports parsed here:
-- the TAP stream against the kselftest TAP 13 grammar, the JUnit file with a
-- small XML parser, and the two checked against each other and against the
-- files on disk.

local function q(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

local function capture(cmd)
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  local _, how, code = p:close()
  return out, how == "exit" and code or 128 + code
end

local function slurp(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local function lines(s)
  local t = {}
  for l in s:gmatch("([^\n]*)\n") do t[#t + 1] = l end
  return t
end

local here = debug.getinfo(1, "S").source:sub(2):match("^(.*)/[^/]*$") or "."
local root = capture("cd " .. q(here .. "/../..") .. " && pwd"):gsub("\n$", "")
local SUITE = "tests/suite"

-- the files the run must report, as the runner names them (sorted)
local suite_files = {}
for l in capture("cd " .. q(root) .. " && ls " .. SUITE .. "/*.lua"):gmatch("[^\n]+") do
  suite_files[#suite_files + 1] = l
end
table.sort(suite_files)

local scratch = capture("mktemp -d"):gsub("\n$", "")
assert(scratch ~= "", "mktemp -d failed")

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
capture(string.format("mkdir -p %s && for f in %s/*; do case $f in */last-failed|*/\\*) ;; " ..
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
-- TAP 13, kselftest dialect: plan, per file a nested "    1..M" block of M
-- results, the file's own "ok N path", the Totals line last.

local function tap_unescape(s) return (s:gsub("\\([\\#])", "%1")) end

local function parse_tap(out)
  local ls = lines(out)
  assert(out:sub(-1) == "\n", "the stream ends with a newline")
  assert_eq("TAP version 13", ls[1], "line 1")
  local plan = tonumber((ls[2] or ""):match("^1%.%.(%d+)$"))
  assert(plan, "line 2 is not a plan: " .. tostring(ls[2]))
  local files, order, totals = {}, {}, nil
  local nested_plan, nested = nil, {}
  for n = 3, #ls do
    local l = ls[n]
    assert(not totals, "line " .. n .. " after the Totals line: " .. l)
    local body = l:match("^    (.*)$")
    if body then
      local m = body:match("^1%.%.(%d+)$")
      if m then
        assert_eq(nil, nested_plan, "a second nested plan before its file line (line " .. n .. ")")
        nested_plan = tonumber(m)
      else
        assert(nested_plan, "nested result before a nested plan (line " .. n .. "): " .. l)
        local notok, num, desc = body:match("^(n?o?t? ?)ok (%d+) (.+)$")
        assert(num, "bad nested line " .. n .. ": " .. l)
        assert(notok == "" or notok == "not ", "bad nested line " .. n .. ": " .. l)
        assert_eq(#nested + 1, tonumber(num), "nested test number on line " .. n)
        local name, directive = desc:match("^(.-) # (%u+)")
        nested[#nested + 1] = { ok = notok == "", name = tap_unescape(name or desc),
          directive = directive }
      end
    elseif l:match("^# Totals: ") then
      local p, f, xf, xp, s, e = l:match(
        "^# Totals: pass:(%d+) fail:(%d+) xfail:(%d+) xpass:(%d+) skip:(%d+) error:(%d+)$")
      assert(p, "bad Totals line: " .. l)
      totals = { pass = tonumber(p), fail = tonumber(f), xfail = tonumber(xf),
        xpass = tonumber(xp), skip = tonumber(s), error = tonumber(e) }
    elseif l:match("^#") then
      error("unexpected diagnostic on line " .. n .. " of a passing run: " .. l)
    else
      local notok, num, desc = l:match("^(n?o?t? ?)ok (%d+) (.+)$")
      assert(num and (notok == "" or notok == "not "), "bad line " .. n .. ": " .. l)
      assert_eq(#order + 1, tonumber(num), "file number on line " .. n)
      local path = tap_unescape(desc:match("^(.-) # %u+") or desc)
      assert(nested_plan, path .. " has no nested plan")
      assert_eq(nested_plan, #nested, "nested results of " .. path .. " against its plan")
      assert_eq(nil, files[path], path .. " reported twice")
      files[path] = { ok = notok == "", tests = nested, plan = nested_plan }
      order[#order + 1] = path
      nested_plan, nested = nil, {}
    end
  end
  assert_eq(nil, nested_plan, "a nested block without its file line at the end")
  assert_eq(plan, #order, "file lines against the plan")
  assert(totals, "no Totals line")
  return { plan = plan, files = files, order = order, totals = totals }
end

-- ------------------------------------------------------------------
-- XML 1.0, the subset a JUnit report uses: declaration, elements,
-- attributes (quoted, escaped), character data, entities. Errors are
-- "xml: what at byte N".

local function parse_xml(s)
  local pos = 1
  local ents = { amp = "&", lt = "<", gt = ">", quot = '"', apos = "'" }
  local function fail(what) error(string.format("xml: %s at byte %d", what, pos), 0) end
  local function chars(t, attr)
    if t:find("[%z\1-\8\11\12\14-\31]") then fail("a control character XML forbids") end
    if attr and t:find("<", 1, true) then fail("'<' in an attribute value") end
    if not attr and t:find("]]>", 1, true) then fail("']]>' in character data") end
    return (t:gsub("&([^;&<]*)(;?)", function(name, semi)
      if semi ~= ";" then fail("'&' that starts no entity") end
      if ents[name] then return ents[name] end
      local dec, hex = name:match("^#(%d+)$"), name:match("^#x(%x+)$")
      local cp = dec and tonumber(dec) or hex and tonumber(hex, 16)
      if not cp then fail("unknown entity &" .. name .. ";") end
      if not (cp == 9 or cp == 10 or cp == 13 or (cp >= 32 and cp <= 0xd7ff)
          or (cp >= 0xe000 and cp <= 0xfffd) or (cp >= 0x10000 and cp <= 0x10ffff)) then
        fail("character reference &" .. name .. "; to a character XML forbids")
      end
      return utf8.char(cp)
    end))
  end
  if not utf8.len(s) then fail("not UTF-8") end
  local decl = s:match("^<%?xml%s+version=\"1%.0\"%s+encoding=\"UTF%-8\"%s*%?>")
  if not decl then fail("no <?xml version=\"1.0\" encoding=\"UTF-8\"?> declaration") end
  pos = #decl + 1
  local stack, root_el = {}, nil
  while pos <= #s do
    local lt = s:find("<", pos, true) or #s + 1
    local text = s:sub(pos, lt - 1)
    if #stack == 0 then
      if text:find("%S") then fail("text outside the root element") end
    else
      stack[#stack].text = stack[#stack].text .. chars(text, false)
    end
    pos = lt
    if pos > #s then break end
    local close = s:match("^</([%a_:][%w_:%.%-]*)%s*>", pos)
    if close then
      local el = table.remove(stack)
      if not el then fail("</" .. close .. "> closes nothing") end
      if el.name ~= close then fail("</" .. close .. "> closes <" .. el.name .. ">") end
      pos = pos + #s:match("^</[^>]*>", pos)
    else
      local name = s:match("^<([%a_:][%w_:%.%-]*)", pos)
      if not name then fail("a '<' that starts no tag") end
      if #stack == 0 and root_el then fail("a second root element <" .. name .. ">") end
      local el = { name = name, attrs = {}, order = {}, children = {}, text = "" }
      pos = pos + 1 + #name
      while true do
        local sp = s:match("^[ \t\r\n]*", pos)
        pos = pos + #sp
        if s:sub(pos, pos + 1) == "/>" then pos = pos + 2; el.empty = true; break end
        if s:sub(pos, pos) == ">" then pos = pos + 1; break end
        if #sp == 0 then fail("no space before an attribute of <" .. name .. ">") end
        local an, quote = s:match("^([%a_:][%w_:%.%-]*)=([\"'])", pos)
        if not an then fail("an unquoted or malformed attribute in <" .. name .. ">") end
        local vstart = pos + #an + 2
        local vend = s:find(quote, vstart, true)
        if not vend then fail("an attribute value that never ends") end
        if el.attrs[an] then fail("attribute " .. an .. " twice in <" .. name .. ">") end
        el.attrs[an] = chars(s:sub(vstart, vend - 1), true)
        el.order[#el.order + 1] = an
        pos = vend + 1
      end
      local parent = stack[#stack]
      if parent then parent.children[#parent.children + 1] = el else root_el = el end
      if not el.empty then stack[#stack + 1] = el end
    end
  end
  if #stack > 0 then fail("<" .. stack[#stack].name .. "> is never closed") end
  if not root_el then fail("no root element") end
  return root_el
end

local function children(el, name)
  local t = {}
  for _, c in ipairs(el.children) do
    if c.name == name then t[#t + 1] = c end
  end
  return t
end

local function keys(t)
  local k = {}
  for name in pairs(t) do k[#k + 1] = name end
  table.sort(k)
  return table.concat(k, " ")
end

-- ------------------------------------------------------------------

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
  assert_eq(20, #suite_files, "files in " .. SUITE)
  assert_eq(#suite_files, tap.plan, "the plan counts files")
  assert_eq(table.concat(suite_files, " "), keys(tap.files), "every file of the suite ran once")
  local nested_ok = 0
  for _, path in ipairs(tap.order) do
    local f = tap.files[path]
    assert(f.ok, path .. " is not ok")
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
