-- What the end-to-end tests of "provium test" share to read its reports:
-- a strict parser of the kselftest-dialect TAP 13 stream, a strict parser of
-- the XML 1.0 a JUnit file uses, and the small shell and text helpers around
-- them. A library, not a test: tests/e2e/runner_cli.lua and
-- tests/e2e/suite_outputs.lua require it with
--   local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
--   package.path = here .. "/../lib/?.lua;" .. package.path
--   local reports = require("reports")
-- Parse errors are raised as plain strings ("tap: ..." and "xml: ..."), so a
-- test can pcall the parsers on bad input and check the message.
local M = {}

-- ------------------------------------------------------------------
-- shell and text

-- @s quoted for sh
function M.q(s) return "'" .. tostring(s):gsub("'", "'\\''") .. "'" end

-- stdout of the shell command @cmd and its exit status (128 + N for signal N)
function M.capture(cmd)
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  local _, how, code = p:close()
  return out, how == "exit" and code or 128 + code
end

-- a new directory under $TMPDIR; the caller removes it
function M.scratch_dir()
  local dir = M.capture("mktemp -d"):gsub("\n$", "")
  assert(dir ~= "", "mktemp -d failed")
  return dir
end

-- the contents of @path, or nil when it cannot be opened
function M.slurp(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

-- the newline-terminated lines of @s (an unterminated last line is not one)
function M.lines(s)
  local t = {}
  for l in s:gmatch("([^\n]*)\n") do t[#t + 1] = l end
  return t
end

function M.last_line(s)
  local t = M.lines(s)
  return t[#t]
end

-- the keys of @t, sorted and joined by spaces
function M.sorted_keys(t)
  local k = {}
  for name in pairs(t) do k[#k + 1] = name end
  table.sort(k)
  return table.concat(k, " ")
end

-- "P passed, F failed, S skipped", the last line of every run's report
function M.summary(line)
  local p, f, s = (line or ""):match("^(%d+) passed, (%d+) failed, (%d+) skipped$")
  assert(p, "no summary line, got " .. tostring(line))
  return { passed = tonumber(p), failed = tonumber(f), skipped = tonumber(s) }
end

-- ------------------------------------------------------------------
-- TAP 13, kselftest dialect, as "provium test --tap" writes it:
--
--   TAP version 13
--   1..N                               one line per file
--       1..M                           the file's sub-tests, if it has any
--       ok 1 name [# TODO|SKIP why]    or "not ok"
--       # diagnostic                   of the sub-test above
--   # diagnostic                       of the file below
--   ok 1 path [# SKIP why]             or "not ok"
--   # diagnostic                       after the last file (the logs line)
--   # Totals: pass:P fail:F xfail:0 xpass:0 skip:S error:0
--
-- Descriptions are one line with '#' and '\' escaped by a backslash, so the
-- first '#' that is not escaped starts the directive.
--
-- parse_tap(out) returns { plan, order (the paths, in order), totals,
-- files = { [path] = { ok, plan, directive, reason, diag, tests } },
-- diagnostics (every "#" line but Totals: { line = N, text = ... }) } where
-- tests[i] = { ok, name, directive, reason, diag }; any departure from the
-- grammar is an error.

local function tap_fail(n, what, line)
  error(string.format("tap: line %d: %s%s", n, what, line and (": " .. line) or ""), 0)
end

-- "desc # DIRECTIVE reason" -> desc, directive, reason, all unescaped
local function tap_description(s, n, line)
  local out, i = {}, 1
  while i <= #s do
    local c = s:sub(i, i)
    if c == "\\" then
      local e = s:sub(i + 1, i + 1)
      if e ~= "\\" and e ~= "#" then tap_fail(n, "a '\\' that escapes nothing", line) end
      out[#out + 1] = e
      i = i + 2
    elseif c == "#" then
      break
    else
      out[#out + 1] = c
      i = i + 1
    end
  end
  local desc = table.concat(out)
  if i > #s then
    if desc == "" then tap_fail(n, "no description", line) end
    return desc
  end
  local directive, reason = s:sub(i):match("^# (%u+) ?(.*)$")
  if desc:sub(-1) ~= " " or desc == " " or not directive then
    tap_fail(n, "a '#' that is neither escaped nor ' # TODO|SKIP'", line)
  end
  if directive ~= "TODO" and directive ~= "SKIP" then
    tap_fail(n, "unknown directive " .. directive, line)
  end
  return desc:sub(1, -2), directive, (reason:gsub("\\([\\#])", "%1"))
end

-- "ok N desc" or "not ok N desc", numbered @want
local function tap_result(body, want, what, n, line)
  local notok, num, rest = body:match("^(n?o?t? ?)ok (%d+) (.*)$")
  if not num or (notok ~= "" and notok ~= "not ") then
    tap_fail(n, "bad " .. what .. " line", line)
  end
  if num ~= tostring(want) then
    tap_fail(n, string.format("%s number on line %d: expected %d, got %s", what, n, want, num))
  end
  local desc, directive, reason = tap_description(rest, n, line)
  return { ok = notok == "", name = desc, directive = directive, reason = reason, diag = {} }
end

function M.parse_tap(out)
  local ls = M.lines(out)
  if out:sub(-1) ~= "\n" then
    tap_fail(#ls + 1, "the stream does not end with a newline")
  end
  if ls[1] ~= "TAP version 13" then tap_fail(1, "not the TAP 13 header", tostring(ls[1])) end
  local plan = tonumber((ls[2] or ""):match("^1%.%.(%d+)$"))
  if not plan then tap_fail(2, "not a plan", tostring(ls[2])) end
  local tap = { plan = plan, files = {}, order = {}, diagnostics = {} }
  -- the block of the file whose line has not come yet
  local nested_plan, tests, filediag = nil, {}, {}
  for n = 3, #ls do
    local l = ls[n]
    if tap.totals then tap_fail(n, "a line after the Totals line", l) end
    local body = l:match("^    (.*)$")
    if body then
      if #filediag > 0 then tap_fail(n, "a nested line after the file's diagnostics", l) end
      local m = body:match("^1%.%.(%d+)$")
      if m then
        if nested_plan then tap_fail(n, "a second nested plan before its file line", l) end
        nested_plan = tonumber(m)
      elseif not nested_plan then
        tap_fail(n, "a nested line before a nested plan", l)
      elseif body:match("^#") then
        if #tests == 0 then tap_fail(n, "a nested diagnostic before any nested result", l) end
        local text = body:gsub("^# ?", "")
        table.insert(tests[#tests].diag, text)
        tap.diagnostics[#tap.diagnostics + 1] = { line = n, text = text }
      else
        tests[#tests + 1] = tap_result(body, #tests + 1, "nested test", n, l)
      end
    elseif l:match("^# Totals: ") then
      local p, f, xf, xp, s, e = l:match(
        "^# Totals: pass:(%d+) fail:(%d+) xfail:(%d+) xpass:(%d+) skip:(%d+) error:(%d+)$")
      if not p then tap_fail(n, "bad Totals line", l) end
      tap.totals = { pass = tonumber(p), fail = tonumber(f), xfail = tonumber(xf),
        xpass = tonumber(xp), skip = tonumber(s), error = tonumber(e) }
    elseif l:match("^#") then
      local text = l:gsub("^# ?", "")
      filediag[#filediag + 1] = text
      tap.diagnostics[#tap.diagnostics + 1] = { line = n, text = text }
    else
      local f = tap_result(l, #tap.order + 1, "file", n, l)
      local path = f.name
      if nested_plan and nested_plan ~= #tests then
        tap_fail(n, string.format("nested results of %s against its plan: expected %d, got %d",
          path, nested_plan, #tests))
      end
      if tap.files[path] then tap_fail(n, path .. " reported twice") end
      f.name, f.plan, f.tests, f.diag = nil, nested_plan, tests, filediag
      tap.files[path] = f
      tap.order[#tap.order + 1] = path
      nested_plan, tests, filediag = nil, {}, {}
    end
  end
  if nested_plan then tap_fail(#ls, "a nested block without its file line at the end") end
  if plan ~= #tap.order then
    tap_fail(#ls, string.format("file lines against the plan: expected %d, got %d",
      plan, #tap.order))
  end
  if not tap.totals then tap_fail(#ls, "no Totals line") end
  return tap
end

-- ------------------------------------------------------------------
-- KTAP version 1 (Documentation/dev-tools/ktap.rst), as "provium kselftest
-- --tap" writes it: any depth of nesting, two spaces per level.
--
--   KTAP version 1          a block: version line, diagnostics, plan
--   # diagnostic
--   1..N
--     KTAP version 1        a subtest block, one level deeper, belongs to
--     1..M                  the result line that follows it
--     ok 1 inner
--   # diagnostic            of the result below
--   not ok 1 desc # DIRECTIVE reason
--   # diagnostic            after the last result: the block's own
--
-- Descriptions escape '#' and '\' with a backslash; the first '#' that is
-- not escaped follows a space (or the number) and starts a directive
-- (SKIP, TODO, XFAIL, TIMEOUT, ERROR; TIMEOUT and ERROR only on "not ok")
-- or plain diagnostic data. Plans match the results, numbers count from 1,
-- every line belongs to a block at its own indentation, and down to
-- opts.bubble_depth (default 2) a parent whose subtests failed is "not ok".
--
-- parse_ktap(out, opts) returns the top block; a block is { plan, diag
-- (lines before the plan), results, trailing (diagnostics after the last
-- result), totals (a trailing "# Totals: ..." line, parsed) } and a result
-- { ok, number, name, directive, reason, diag, sub }.

local KTAP_DIRECTIVES = { SKIP = true, TODO = true, XFAIL = true, TIMEOUT = true, ERROR = true }

local function ktap_fail(n, what, line)
  error(string.format("ktap: line %d: %s%s", n, what, line and (": " .. line) or ""), 0)
end

-- a failed result: not ok, and no SKIP/TODO/XFAIL
function M.ktap_failed(r)
  return not r.ok and r.directive ~= "SKIP" and r.directive ~= "TODO" and r.directive ~= "XFAIL"
end

-- "ok N[ desc][ # [DIRECTIVE] [reason]]" at the block's indentation (removed)
local function ktap_result(body, want, n, line)
  local notok, num, rest = body:match("^(n?o?t? ?)ok (%d+)(.*)$")
  if not num or (notok ~= "" and notok ~= "not ") then ktap_fail(n, "bad result line", line) end
  if tonumber(num) ~= want then
    ktap_fail(n, string.format("result number: expected %d, got %s", want, num), line)
  end
  if rest ~= "" and rest:sub(1, 1) ~= " " then ktap_fail(n, "no space after the number", line) end
  rest = rest:sub(2)
  local out, i = {}, 1
  while i <= #rest do
    local c = rest:sub(i, i)
    if c == "\\" then
      local e = rest:sub(i + 1, i + 1)
      if e ~= "\\" and e ~= "#" then ktap_fail(n, "a '\\' that escapes nothing", line) end
      out[#out + 1] = e
      i = i + 2
    elseif c == "#" then
      break
    else
      out[#out + 1] = c
      i = i + 1
    end
  end
  local desc = table.concat(out)
  local r = { ok = notok == "", number = want }
  if i > #rest then
    r.name = desc
  else
    if desc ~= "" and desc:sub(-1) ~= " " then
      ktap_fail(n, "a '#' that is neither escaped nor ' # '", line)
    end
    r.name = desc:gsub(" $", "")
    local after = rest:sub(i + 1)
    if after:sub(1, 1) ~= " " or after == " " then ktap_fail(n, "nothing after '# '", line) end
    after = after:sub(2)
    local word, tail = after:match("^(%u+)(.*)$")
    if word and KTAP_DIRECTIVES[word] and (tail == "" or tail:sub(1, 1) == " ") then
      r.directive, r.reason = word, tail:sub(2)
    else
      r.reason = after
    end
  end
  if (r.directive == "TIMEOUT" or r.directive == "ERROR") and r.ok then
    ktap_fail(n, r.directive .. " on an ok line", line)
  end
  return r
end

local function ktap_block(ls, n, depth, opts)
  local ind = string.rep("  ", depth)
  local function own(l) return l and l:sub(1, #ind) == ind and l:sub(#ind + 1) or nil end
  if ls[n] ~= ind .. "KTAP version 1" then
    ktap_fail(n, "expected '" .. ind .. "KTAP version 1'", tostring(ls[n]))
  end
  n = n + 1
  local b = { diag = {}, results = {}, trailing = {} }
  while own(ls[n]) and own(ls[n]):match("^#") do
    b.diag[#b.diag + 1] = own(ls[n]):gsub("^# ?", "")
    n = n + 1
  end
  b.plan = tonumber((own(ls[n]) or ""):match("^1%.%.(%d+)$"))
  if not b.plan then ktap_fail(n, "expected a plan at depth " .. depth, tostring(ls[n])) end
  n = n + 1
  local diag, sub = {}, nil
  while ls[n] do
    local l, body = ls[n], own(ls[n])
    if l == ind .. "  KTAP version 1" then
      if sub or #diag > 0 then ktap_fail(n, "a subtest block after diagnostics or another block") end
      sub, n = ktap_block(ls, n, depth + 1, opts)
    elseif body and body:match("^#") then
      diag[#diag + 1] = body:gsub("^# ?", "")
      n = n + 1
    elseif body and body:match("^n?o?t? ?ok ") then
      local r = ktap_result(body, #b.results + 1, n, l)
      r.diag, r.sub = diag, sub
      if sub and depth < (opts.bubble_depth or 2) and r.ok and r.directive ~= "SKIP" then
        for _, c in ipairs(sub.results) do
          if M.ktap_failed(c) then
            ktap_fail(n, "an ok result whose subtest " .. c.number .. " failed", l)
          end
        end
      end
      b.results[#b.results + 1] = r
      diag, sub = {}, nil
      n = n + 1
    elseif body and body:match("^%s") == nil and depth == 0 and body ~= "" then
      ktap_fail(n, "an unknown line", l)
    else
      break
    end
  end
  if sub then ktap_fail(n, "a subtest block without its result line") end
  b.trailing = diag
  if b.plan ~= #b.results then
    ktap_fail(n, string.format("results against the plan at depth %d: expected %d, got %d",
      depth, b.plan, #b.results))
  end
  local t = b.trailing[#b.trailing]
  if t and t:match("^Totals: ") then
    local p, f, xf, xp, s, e = t:match(
      "^Totals: pass:(%d+) fail:(%d+) xfail:(%d+) xpass:(%d+) skip:(%d+) error:(%d+)$")
    if not p then ktap_fail(n, "bad Totals line", t) end
    b.totals = { pass = tonumber(p), fail = tonumber(f), xfail = tonumber(xf),
      xpass = tonumber(xp), skip = tonumber(s), error = tonumber(e) }
  end
  return b, n
end

function M.parse_ktap(out, opts)
  local ls = M.lines(out)
  if out:sub(-1) ~= "\n" then ktap_fail(#ls + 1, "the stream does not end with a newline") end
  local b, n = ktap_block(ls, 1, 0, opts or {})
  if ls[n] then ktap_fail(n, "a line outside the document", ls[n]) end
  return b
end

-- ------------------------------------------------------------------
-- XML 1.0, the subset a JUnit report uses: the declaration
-- <?xml version="1.0" encoding="UTF-8"?>, then one root element with nested
-- elements, attributes (quoted, escaped, each once), character data and
-- entities (the five predefined and character references). No comments,
-- CDATA, processing instructions or DOCTYPE. UTF-8 only, no character XML
-- forbids, raw or by reference.
--
-- parse_xml(s) returns the root element, each element
-- { name, attrs = { [name] = value }, order (the attribute names in order),
-- children (the elements), text (the character data, concatenated),
-- empty (true for <a/>) }. Errors are "xml: what at byte N".

local NAME = "[%a_:][%w_:%.%-]*"
local XML_SPACE = "[ \t\r\n]*"
local ENTITIES = { amp = "&", lt = "<", gt = ">", quot = '"', apos = "'" }

local function xml_char(cp)
  return cp == 9 or cp == 10 or cp == 13 or (cp >= 32 and cp <= 0xd7ff)
    or (cp >= 0xe000 and cp <= 0xfffd) or (cp >= 0x10000 and cp <= 0x10ffff)
end

function M.parse_xml(s)
  local pos = 1
  local function fail(what) error(string.format("xml: %s at byte %d", what, pos), 0) end
  -- character data or an attribute value, raw -> its value
  local function chars(t, attr)
    if t:find("[%z\1-\8\11\12\14-\31]") then fail("a control character XML forbids") end
    if t:find("\xef\xbf[\xbe\xbf]") then fail("U+FFFE or U+FFFF, characters XML forbids") end
    if attr and t:find("<", 1, true) then fail("'<' in an attribute value") end
    if not attr and t:find("]]>", 1, true) then fail("']]>' in character data") end
    t = t:gsub("\r\n?", "\n")                   -- end-of-line handling
    if attr then t = t:gsub("[\t\n]", " ") end  -- attribute-value normalisation
    return (t:gsub("&([^;&<]*)(;?)", function(name, semi)
      if semi ~= ";" then fail("'&' that starts no entity") end
      if ENTITIES[name] then return ENTITIES[name] end
      local dec, hex = name:match("^#(%d+)$"), name:match("^#x(%x+)$")
      local cp = dec and tonumber(dec) or hex and tonumber(hex, 16)
      if not cp then fail("unknown entity &" .. name .. ";") end
      if not xml_char(cp) then
        fail("character reference &" .. name .. "; to a character XML forbids")
      end
      return utf8.char(cp)
    end))
  end
  if not utf8.len(s) then fail("not UTF-8") end
  local decl = s:match("^<%?xml[ \t\r\n]+version=\"1%.0\"[ \t\r\n]+encoding=\"UTF%-8\"" ..
    XML_SPACE .. "%?>")
  if not decl then fail("no <?xml version=\"1.0\" encoding=\"UTF-8\"?> declaration") end
  pos = #decl + 1
  local stack, root_el = {}, nil
  while pos <= #s do
    local lt = s:find("<", pos, true) or #s + 1
    local text = s:sub(pos, lt - 1)
    if #stack == 0 then
      if text:find("[^ \t\r\n]") then fail("text outside the root element") end
    else
      stack[#stack].text = stack[#stack].text .. chars(text, false)
    end
    pos = lt
    if pos > #s then break end
    local close = s:match("^</(" .. NAME .. ")" .. XML_SPACE .. ">", pos)
    if close then
      local el = table.remove(stack)
      if not el then fail("</" .. close .. "> closes nothing") end
      if el.name ~= close then fail("</" .. close .. "> closes <" .. el.name .. ">") end
      pos = pos + #s:match("^</[^>]*>", pos)
    else
      local name = s:match("^<(" .. NAME .. ")", pos)
      if not name then fail("a '<' that starts no tag") end
      if #stack == 0 and root_el then fail("a second root element <" .. name .. ">") end
      local el = { name = name, attrs = {}, order = {}, children = {}, text = "" }
      pos = pos + 1 + #name
      while true do
        local sp = s:match("^" .. XML_SPACE, pos)
        pos = pos + #sp
        if s:sub(pos, pos + 1) == "/>" then pos = pos + 2; el.empty = true; break end
        if s:sub(pos, pos) == ">" then pos = pos + 1; break end
        if #sp == 0 then fail("no space before an attribute of <" .. name .. ">") end
        local an, eq, quote = s:match(
          "^(" .. NAME .. ")(" .. XML_SPACE .. "=" .. XML_SPACE .. ")([\"'])", pos)
        if not an then fail("an unquoted or malformed attribute in <" .. name .. ">") end
        local vstart = pos + #an + #eq + 1
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

-- the child elements of @el named @name, in order
function M.children(el, name)
  local t = {}
  for _, c in ipairs(el.children) do
    if c.name == name then t[#t + 1] = c end
  end
  return t
end

return M
