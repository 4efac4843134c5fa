-- A call dispatched by provium.ko that is itself an ioctl on /dev/provium
-- must not nest or deadlock: the module refuses it with EDEADLK before it
-- takes anything, and the agent goes on serving calls.
local NR, E = provium.nr, provium.errno
local vm = provium.create()
vm:boot()
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
if not require("guest").module_for_file(vm, "re-entry into provium.ko") then return end

local PROVIUM_IOC_CALL = provium.IOWR("P", 1, 112)
local PROVIUM_IOC_INFO = provium.IOR("P", 2, 16)

-- a getpid description, the header alone (struct provium_call)
local HEADER = "u32 u16 u16 u32 u32 u64 u64 u64 u64 u64 u64 u64 i64 i64 u64 u32 u32 u32 u32"
local function getpid_desc()
  return provium.pack(HEADER, 112, 2, 0, 0, 0, NR.getpid, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0xdead, 0xdead, 0, 0)
end

-- the descriptor the agent itself holds on /dev/provium
local function agent_provium_fd(pid)
  local r = vm:exec("ls -l /proc/" .. pid .. "/fd")
  assert(r.ok, r.stderr.value)
  for line in r.stdout.value:gmatch("[^\n]+") do
    local fd = line:match("%s(%d+) %-> /dev/provium$")
    if fd then return tonumber(fd) end
  end
  error("the agent has no /dev/provium open:\n" .. r.stdout.value)
end

local pid = vm:syscall(NR.getpid)

test("an ioctl on the agent's own /dev/provium descriptor is EDEADLK", function()
  local fd = agent_provium_fd(pid)
  local ret, out = vm:ioctl(fd, PROVIUM_IOC_CALL, getpid_desc())
  assert_eq("module", vm:last_call().executor)
  assert_eq(-E.EDEADLK, ret)
  -- refused before anything: the inner description was not touched
  local status, executor = provium.unpack("u32 u32", out:sub(97, 104))
  assert_eq(0xdead, status)
  assert_eq(0xdead, executor)
  assert_eq(-E.EDEADLK, (vm:ioctl(fd, PROVIUM_IOC_INFO)))
  -- and the agent serves calls through the module as before
  assert_eq(pid, vm:syscall(NR.getpid))
  assert_eq("module", vm:last_call().executor)
end)

test("an ioctl on a /dev/provium descriptor the test opened is EDEADLK too", function()
  local O_RDWR = 2
  local fd = vm:syscall_buf(NR.openat, 1, "/dev/provium\0", -100, 0, O_RDWR, 0)
  assert(fd >= 0, "open /dev/provium: " .. fd)
  assert_eq(-E.EDEADLK, (vm:ioctl(fd, PROVIUM_IOC_CALL, getpid_desc())))
  assert_eq(0, vm:syscall(NR.close, fd))
  assert_eq(pid, vm:syscall(NR.getpid))
end)

vm:shutdown()
