-- make install / make uninstall as a user meets them: install into a staged
-- prefix (DESTDIR), run the installed provium from a project directory
-- outside the repository with a fresh cache (so provium.ko is built from
-- the installed sources), read the man page, and uninstall, which must
-- leave the staging tree exactly as it was.
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

local tmp = sh("mktemp -d")
local stage, prefix = tmp .. "/stage", "/opt/provium"
local installed = stage .. prefix
local bin = installed .. "/bin/provium"

-- every path below the staging root, with its type
local function tree()
  return sh("cd " .. q(stage) .. " && find . -printf '%y %p\\n' | sort")
end

-- a file and a directory that are not provium's: uninstall keeps both
assert(os.execute("mkdir -p " .. q(installed .. "/share/man/man1")))
write(installed .. "/share/man/man1/other.1", ".TH other 1\n")
local before = tree()

local function make(target)
  return sh(string.format("make -s -C %s %s DESTDIR=%s PREFIX=%s 2>&1; echo rc=$?", q(root),
    target, q(stage), prefix))
end

test("make install puts every part under PREFIX, twice is the same", function()
  assert_contains(make("install"), "rc=0")
  for _, f in ipairs({ "bin/provium", "lib/provium/provium-agent",
    "share/provium/lua/provium/init.lua", "share/provium/lua/provium/nr.lua",
    "share/provium/lua/provium/errno.lua", "share/provium/lua/meta/provium.lua",
    "share/provium/kmod/provium_main.c", "share/provium/kmod/Kbuild",
    "share/provium/kmod/provium_uapi.h",
    "share/provium/examples/hello.lua", "share/provium/examples/sample_driver/provium_sample.c",
    "share/doc/provium/cli.md", "share/man/man1/provium.1" }) do
    assert(io.open(installed .. "/" .. f), "not installed: " .. f)
  end
  local first = tree()
  assert_contains(make("install"), "rc=0")
  assert_eq(first, tree(), "a second install changed the tree")
end)

test("the man page renders", function()
  local page = sh("MANWIDTH=80 man -l " .. q(installed .. "/share/man/man1/provium.1") ..
    " 2>&1")
  assert_contains(page, "provium - run Lua tests against a real Linux kernel in QEMU")
  assert_contains(page, "SYNOPSIS")
  assert_contains(page, "--shard K/N") -- the options table came through tbl
end)

test("provium doctor says each part comes from the installation", function()
  local out = sh("cd / && " .. q(bin) .. " doctor 2>&1")
  for _, part in ipairs({ "Lua library", "guest agent", "syscall tables", "module sources",
    "editor stubs" }) do
    assert(out:find("OK       " .. part .. ": " .. installed, 1, true),
      part .. " not found in the installation:\n" .. out)
  end
  assert_contains(out, "(installed in " .. installed .. ")")
  assert(not out:find(root, 1, true), "doctor names the source tree:\n" .. out)
end)

test("the installed provium runs a script and a suite from outside the repository", function()
  local proj, cache = tmp .. "/project", tmp .. "/cache"
  assert(os.execute("mkdir -p " .. q(proj .. "/tests")))
  write(proj .. "/hello.lua", [[
local vm = provium.create()
vm:boot()
print("pid " .. vm:syscall(provium.nr.getpid))
print("module " .. tostring(vm:info().module))
vm:shutdown()
]])
  write(proj .. "/tests/basic.lua", [[
local vm = provium.create():boot()
test("a raw openat of a missing file", function()
  assert_eq(-provium.errno.ENOENT,
    vm:syscall_buf(provium.nr.openat, 1, "/no/such\0", -100, 0, 0))
end)
test("a command", function() assert_eq("hi", vm:exec("echo hi").stdout:trim()) end)
vm:shutdown()
]])
  -- env -i: nothing of this test's environment (PROVIUM_HOME, a PATH into the tree)
  local env = string.format("env -i HOME=%s PATH=/usr/sbin:/usr/bin:/sbin:/bin " ..
    "PROVIUM_CACHE=%s TMPDIR=%s", q(tmp), q(cache), q(tmp))
  local out = sh(string.format("cd %s && %s %s run hello.lua 2>&1; echo rc=$?", q(proj), env,
    q(bin)))
  assert_contains(out, "pid 1")
  assert_contains(out, "module true") -- built from the installed sources into the cache
  assert_contains(out, "rc=0")
  assert_contains(sh("ls " .. q(cache) .. "/module-*/provium.ko"), "provium.ko")
  out = sh(string.format("cd %s && %s %s test tests 2>&1; echo rc=$?", q(proj), env, q(bin)))
  assert_contains(out, "PASS tests/basic.lua")
  assert_contains(out, "2 passed, 0 failed, 0 skipped")
  assert_contains(out, "rc=0")
end)

test("make uninstall removes exactly what was installed", function()
  assert_contains(make("uninstall"), "rc=0")
  assert_eq(before, tree())
  local out = make("uninstall")
  assert_contains(out, "not installed")
  assert_contains(out, "rc=2")
end)

os.execute("rm -rf " .. q(tmp))
