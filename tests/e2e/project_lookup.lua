-- A project is found from its test files: provium.toml is looked up from the
-- test file's own directory upward (then the working directory), so
-- `provium test some/dir` and `provium run some/script.lua` work from anywhere.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local host = require("host")
local sh = host.sh
local root = host.repo_root()

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local function write(path, text)
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
end

-- a project whose profile "here" exists only in its own provium.toml
local function project()
  local dir = sh("mktemp -d")
  assert(os.execute("mkdir -p " .. q(dir .. "/tests/deep/er")))
  write(dir .. "/provium.toml", '[profile.here]\nmemory = "320M"\n')
  write(dir .. "/tests/deep/er/mem.lua", [[
test("the project's own profile is found", function()
  local vm = provium.create("here")
  vm:boot()
  local kb = tonumber(vm:exec("sed -n 's/^MemTotal: *\\([0-9]*\\) kB/\\1/p' /proc/meminfo").stdout:trim())
  assert(kb > 200 * 1024 and kb <= 320 * 1024, "MemTotal " .. kb)
  vm:shutdown()
end)
]])
  return dir
end

test("provium test finds the project's provium.toml from / and from another project", function()
  local dir = project()
  local other = sh("mktemp -d")
  write(other .. "/provium.toml", "[profile.unrelated]\nmemory = \"256M\"\n")
  for _, cwd in ipairs({ "/", other }) do
    local out = sh(string.format("cd %s && %s/build/provium test %s 2>&1; echo rc=$?",
      q(cwd), root, q(dir .. "/tests")))
    assert_contains(out, "1 passed, 0 failed")
    assert_contains(out, "rc=0")
  end
  os.execute("rm -rf " .. q(dir) .. " " .. q(other))
end)

test("provium run finds the script's provium.toml; PROVIUM_CONFIG still wins", function()
  local dir = project()
  local out = sh(string.format("cd / && %s/build/provium run %s 2>&1; echo rc=$?",
    root, q(dir .. "/tests/deep/er/mem.lua")))
  assert_contains(out, "ok    the project's own profile is found")
  local empty = sh("mktemp")
  out = sh(string.format("cd / && PROVIUM_CONFIG=%s %s/build/provium run %s 2>&1",
    q(empty), root, q(dir .. "/tests/deep/er/mem.lua")))
  assert_contains(out, "no [profile.here]")
  os.execute("rm -rf " .. q(dir) .. " " .. q(empty))
end)
