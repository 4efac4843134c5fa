-- uname(2): every field of struct utsname equals what the guest's uname(1)
-- prints; sethostname changes the nodename both see.
local NR, E = provium.nr, provium.errno
local vm = provium.create()
vm:boot()

-- struct new_utsname: six NUL-terminated fields of 65 bytes
local FIELDS = { "sysname", "nodename", "release", "version", "machine", "domainname" }
local function utsname()
  local ret, buf = vm:syscall_buf(NR.uname, 0, string.rep("\xff", 390), 0)
  assert_eq(0, ret, "uname")
  local u = {}
  for i, name in ipairs(FIELDS) do
    local field = buf:sub(65 * (i - 1) + 1, 65 * i)
    assert(field:find("\0", 1, true), name .. " is NUL-terminated")
    u[name] = field:match("^[^%z]*")
  end
  return u
end

local function sh(cmd)
  local r = vm:exec(cmd)
  assert(r.ok, cmd .. ": " .. r.stderr.value)
  return r.stdout:trim()
end

test("each field matches uname -s/-n/-r/-v/-m and the host's view of the release", function()
  local u = utsname()
  assert_eq("Linux", u.sysname)
  assert_eq(sh("uname -s"), u.sysname)
  assert_eq(sh("uname -n"), u.nodename)
  assert_eq(sh("uname -r"), u.release)
  assert_eq(sh("uname -v"), u.version)
  assert_eq(sh("uname -m"), u.machine)
  assert_eq("x86_64", u.machine)
  assert_eq(vm:info().release, u.release)
  assert_eq(sh("cat /proc/sys/kernel/domainname"), u.domainname)
  -- uname -a is the same fields joined by spaces
  assert_contains(sh("uname -a"), table.concat({ u.sysname, u.nodename, u.release, u.version,
    u.machine }, " "))
end)

test("sethostname and setdomainname show in uname(2), uname -n and /proc", function()
  assert_eq(0, (vm:syscall_buf(NR.sethostname, 0, "provium-suite", 0, 13)))
  assert_eq(0, (vm:syscall_buf(NR.setdomainname, 0, "example.test", 0, 12)))
  local u = utsname()
  assert_eq("provium-suite", u.nodename)
  assert_eq("example.test", u.domainname)
  assert_eq("provium-suite", sh("uname -n"))
  assert_eq("provium-suite", sh("cat /proc/sys/kernel/hostname"))
  assert_eq("example.test", sh("cat /proc/sys/kernel/domainname"))
end)

test("a hostname over 64 bytes is -EINVAL and changes nothing; a bad buffer -EFAULT", function()
  local long = string.rep("h", 65)
  assert_eq(-E.EINVAL, (vm:syscall_buf(NR.sethostname, 0, long, 0, #long)))
  assert_eq(-E.EINVAL, vm:syscall(NR.sethostname, 0, -1))
  assert_eq(-E.EFAULT, vm:syscall(NR.uname, 0))
  assert_eq("provium-suite", utsname().nodename)
end)

vm:shutdown()
