-- The commands around a project, none of which boots a VM: provium init
-- (and its refusal to overwrite), provium test --list (after -f and
-- --shard), and provium junit-merge putting the JUnit files of shards back
-- together as the unsharded run's.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local host = require("host")
local sh = host.sh
local root = host.repo_root()
local bin = root .. "/build/provium"

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local function slurp(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

local scratch = sh("mktemp -d")
local env = string.format("env PROVIUM_CACHE=%s TMPDIR=%s", q(scratch .. "/cache"), q(scratch))

test("provium init writes a project that lists its example", function()
  local dir = scratch .. "/new"
  assert(os.execute("mkdir -p " .. q(dir)))
  local out = sh(string.format("cd %s && %s %s init 2>&1; echo rc=$?", q(dir), env, q(bin)))
  assert_contains(out, "wrote provium.toml")
  assert_contains(out, "wrote tests/example.lua")
  assert_contains(out, "rc=0")
  assert_contains(slurp(dir .. "/provium.toml"), "[profile.small]")
  local example = slurp(dir .. "/tests/example.lua")
  assert_contains(example, "provium.create()")
  assert(load(example, "example.lua"), "tests/example.lua does not compile")
  assert_eq("tests/example.lua",
    sh(string.format("cd %s && %s %s test --list tests", q(dir), env, q(bin))))
  -- the profile it declares is one provium reads
  out = sh(string.format("cd %s && %s %s run /dev/stdin 2>&1 <<'EOF'\n" ..
    "provium.create('small')\nprint('profile ok')\nEOF", q(dir), env, q(bin)))
  assert_contains(out, "profile ok")
end)

test("provium init refuses to overwrite, and then writes nothing", function()
  for _, existing in ipairs({ "provium.toml", "tests/example.lua" }) do
    local dir = scratch .. "/" .. existing:gsub("[/.]", "_")
    assert(os.execute("mkdir -p " .. q(dir .. "/tests")))
    local f = assert(io.open(dir .. "/" .. existing, "w"))
    f:write("mine\n")
    f:close()
    local out = sh(string.format("cd %s && %s init 2>&1; echo rc=$?", q(dir), q(bin)))
    assert_contains(out, existing .. " already exists: nothing written")
    assert_contains(out, "rc=2")
    assert_eq("mine\n", slurp(dir .. "/" .. existing))
    assert_eq("./" .. existing, sh("cd " .. q(dir) .. " && find . -type f"))
  end
end)

local CASES = "tests/runner-cases"

local function list(args)
  return sh(string.format("cd %s && %s %s test --list %s 2>&1; echo rc=$?", q(root), env,
    q(bin), args))
end

test("--list prints the selection after -f and --shard, runs nothing", function()
  local all = CASES .. "/error.lua\n" .. CASES .. "/fail.lua\n" .. CASES .. "/pass.lua\n" ..
    CASES .. "/slow.lua\n" .. CASES .. "/todo.lua\nrc=0"
  assert_eq(all, list(CASES))
  assert_eq(CASES .. "/fail.lua\n" .. CASES .. "/pass.lua\nrc=0", list("-f fail -f pass " .. CASES))
  -- file i (0-based, sorted, after -f) is in shard i mod N + 1
  assert_eq(CASES .. "/fail.lua\n" .. CASES .. "/todo.lua\nrc=0", list("--shard 2/3 " .. CASES))
  assert_eq(CASES .. "/slow.lua\nrc=0", list("-f pass -f slow -f todo --shard 2/2 " .. CASES))
  -- a run leaves a log directory and a failure record; a listing neither
  assert_eq("", sh("ls " .. q(scratch) .. " | grep provium-test-; ls " ..
    q(scratch .. "/cache") .. " 2>/dev/null | grep last-failed"))
end)

-- the <testsuite> names of a JUnit document, sorted, and its root's counts
local function junit(doc)
  local names = {}
  for name in doc:gmatch('<testsuite name="([^"]*)"') do names[#names + 1] = name end
  table.sort(names)
  local rootattrs = doc:match("<testsuites ([^>]*)>")
  local counts = {}
  for _, k in ipairs({ "tests", "failures", "errors", "skipped" }) do
    counts[#counts + 1] = k .. "=" .. rootattrs:match(k .. '="(%d+)"')
  end
  return table.concat(names, " "), table.concat(counts, " ")
end

test("junit-merge: the shards' JUnit files give the unsharded run's suites and counts", function()
  local cases = "-f error -f fail -f pass -f todo " .. CASES -- slow.lua: 4 s for nothing
  sh(string.format("cd %s && %s %s test --junit %s %s >/dev/null 2>&1", q(root), env, q(bin),
    q(scratch .. "/all.xml"), cases))
  local parts = {}
  for k = 1, 3 do
    parts[k] = q(scratch .. "/shard" .. k .. ".xml")
    sh(string.format("cd %s && %s %s test --shard %d/3 --junit %s %s >/dev/null 2>&1", q(root),
      env, q(bin), k, parts[k], cases))
  end
  local out = sh(string.format("%s junit-merge %s %s 2>&1; echo rc=$?", q(bin),
    q(scratch .. "/merged.xml"), table.concat(parts, " ")))
  assert_eq("rc=0", out)
  local merged = assert(slurp(scratch .. "/merged.xml"))
  local want_names, want_counts = junit(assert(slurp(scratch .. "/all.xml")))
  local names, counts = junit(merged)
  assert_eq(want_names, names)
  assert_eq(want_counts, counts)
  assert_eq(1, select(2, merged:gsub("<testsuites ", "")), "one root")
  assert_eq(1, select(2, merged:gsub("<%?xml ", "")), "one prolog")
  -- what is not JUnit is refused and nothing is written
  local bad = scratch .. "/bad.xml"
  local f = assert(io.open(bad, "w"))
  f:write("<html></html>\n")
  f:close()
  out = sh(string.format("%s junit-merge %s %s %s 2>&1; echo rc=$?", q(bin),
    q(scratch .. "/none.xml"), parts[1], q(bad)))
  assert_contains(out, "bad.xml: not JUnit XML")
  assert_contains(out, "rc=2")
  assert_eq(nil, slurp(scratch .. "/none.xml"))
end)

os.execute("rm -rf " .. q(scratch))
