-- The Debian package from start to end on this machine: make deb, dpkg -i,
-- provium init / run / test in a project outside the repository (fresh
-- cache: provium.ko built from the packaged sources), dpkg --purge, and
-- nothing of it left behind. Needs root and dpkg; a machine where a
-- provium package is installed already is left alone.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local host = require("host")
local sh = host.sh
local root = host.repo_root()

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- every path on the system that has provium in its name, and what dpkg knows
local function footprint()
  return sh("find /usr /etc /opt /var/lib/dpkg/info -xdev -name '*provium*' 2>/dev/null | sort; " ..
    "dpkg-query -W -f='${Package} ${Status}\\n' provium 2>/dev/null")
end

local why_not
if sh("id -u") ~= "0" then
  why_not = "installing a package needs root"
elseif sh("command -v dpkg-deb") == "" then
  why_not = "no dpkg-deb"
elseif sh("dpkg-query -W -f='${Status}' provium 2>/dev/null") ~= "" then
  why_not = "a provium package is installed on this machine already: not touching it"
end

local tmp = sh("mktemp -d")
local deb

test("make deb builds provium_<version>_amd64.deb with its Depends", function()
  if why_not then todo(why_not) end
  local version = sh("sed -n 's/^#define PROVIUM_VERSION \"\\(.*\\)\"/\\1/p' " ..
    q(root .. "/host/lprovium.h"))
  local out = sh("make -s -C " .. q(root) .. " deb 2>&1; echo rc=$?")
  assert_contains(out, "rc=0")
  deb = root .. "/build/provium_" .. version .. "_amd64.deb"
  local info = sh("dpkg-deb -f " .. q(deb) .. " Package Version Architecture Depends")
  assert_contains(info, "Package: provium")
  assert_contains(info, "Version: " .. version)
  assert_contains(info, "Architecture: amd64")
  local krel = sh(q(root .. "/tools/default-kernel.sh"))
  for _, dep in ipairs({ "liblua5.4-0", "libc6", "qemu-system-x86", "busybox-static",
    "xz-utils", "make", "gcc", "linux-image-amd64 | linux-image-" .. krel,
    "linux-headers-amd64 | linux-headers-" .. krel }) do
    assert_contains(info, dep)
  end
  local files = sh("dpkg-deb -c " .. q(deb))
  assert_contains(files, "./usr/bin/provium")
  assert_contains(files, "./usr/lib/provium/provium-agent")
  assert_contains(files, "./usr/share/provium/kmod/provium_main.c")
  assert_contains(files, "./usr/share/provium/kmod/Kbuild")
  assert_contains(files, "./usr/share/man/man1/provium.1.gz")
  assert(not files:find("install-manifest", 1, true), "the package carries make install's manifest")
end)

test("installed, it runs init, run and test from outside the repository; purged, nothing is left", function()
  if why_not then todo(why_not) end
  assert(deb, "no package built")
  local before = footprint()
  local out = sh("dpkg -i " .. q(deb) .. " 2>&1; echo rc=$?")
  local ok, err = pcall(function()
    assert_contains(out, "rc=0")
    assert_eq("/usr/bin/provium", sh("command -v provium"))
    assert(sh("MANWIDTH=80 man provium 2>&1"):find("run Lua tests", 1, true), "man provium")
    local proj = tmp .. "/project"
    assert(os.execute("mkdir -p " .. q(proj)))
    local env = string.format("env -i HOME=%s PATH=/usr/sbin:/usr/bin:/sbin:/bin " ..
      "PROVIUM_CACHE=%s TMPDIR=%s", q(tmp), q(tmp .. "/cache"), q(tmp))
    local function provium(args)
      return sh(string.format("cd %s && %s provium %s 2>&1; echo rc=$?", q(proj), env, args))
    end
    assert_contains(provium("doctor"), "(installed in /usr)")
    out = provium("init")
    assert_contains(out, "wrote tests/example.lua")
    local f = assert(io.open(proj .. "/hello.lua", "w"))
    f:write("local vm = provium.create():boot()\n" ..
      "print('guest ' .. vm:exec('uname -r').stdout:trim() .. ' via ' .. " ..
      "(vm:syscall(provium.nr.getpid) and vm:last_call().executor))\nvm:shutdown()\n")
    f:close()
    out = provium("run hello.lua")
    assert_contains(out, "via module") -- provium.ko built from /usr/share/provium/kmod
    assert_contains(out, "rc=0")
    out = provium("test tests/")
    assert_contains(out, "PASS tests/example.lua")
    assert_contains(out, "3 passed, 0 failed, 0 skipped")
    assert_contains(out, "rc=0")
  end)
  local purge = sh("dpkg --purge provium 2>&1; echo rc=$?")
  if not ok then error(err, 0) end
  assert_contains(purge, "rc=0")
  assert_eq(before, footprint())
  assert_eq("", sh("command -v provium"))
end)

os.execute("rm -rf " .. q(tmp))
