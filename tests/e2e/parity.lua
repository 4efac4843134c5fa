-- The user-space executor must give exactly what the module gives for
-- ordinary calls: one table of calls through both, results compared.
local NR = provium.nr
local vm = provium.create()
vm:boot()
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
if not require("guest").module_for_file(vm, "the user-space executor gives what the module gives") then
  return
end
vm:write_file("/tmp/parity", "parity-data-0123456789")

local function open(path)
  return vm:syscall_buf(NR.openat, 1, path .. "\0", -100, 0, 0, 0)
end

-- each entry returns a list of values to compare; fds are closed again so
-- both runs see the same numbers
local calls = {
  { "getpid", function() return { vm:syscall(NR.getpid) } end },
  { "getuid", function() return { vm:syscall(NR.getuid) } end },
  { "bad syscall number", function() return { vm:syscall(99999) } end },
  { "close(bad fd)", function() return { vm:syscall(NR.close, 12345) } end },
  { "openat missing", function() return { open("/nonexistent") } end },
  { "uname", function() return { vm:syscall_bufs(NR.uname, { [0] = string.rep("\0", 390) }) } end },
  { "getcwd", function() return { vm:syscall_buf(NR.getcwd, 0, string.rep("\0", 64), 0, 64) } end },
  { "open+read+close", function()
      local fd = open("/tmp/parity")
      local r = { fd, vm:syscall_buf(NR.read, 1, string.rep("\0", 32), fd, 0, 32) }
      r[#r + 1] = vm:syscall(NR.close, fd)
      return r
    end },
  { "readv through pointers", function()
      local fd = open("/tmp/parity")
      local r = { vm:syscall_ptr(NR.readv, { [1] = provium.pack("u64 u64 u64 u64", 0, 6, 0, 5) }, {
        { buf_idx = 1, ptr_offset = 0, data_len = 6, output = true },
        { buf_idx = 1, ptr_offset = 16, data_len = 5, output = true },
      }, fd, 0, 2) }
      vm:syscall(NR.close, fd)
      table.remove(r, 2) -- the iovec holds guest addresses, which differ
      return r
    end },
  { "read into an unmapped address", function()
      local fd = open("/tmp/parity")
      local r = { vm:syscall(NR.read, fd, 16, 8) }
      vm:syscall(NR.close, fd)
      return r
    end },
  { "stat of a missing path", function()
      return { vm:syscall_bufs(NR.newfstatat, { [1] = "/missing\0", [2] = string.rep("\0", 144) },
        -100, 0, 0, 0) }
    end },
}

local function run_all(executor)
  vm:set_executor(executor)
  local out = {}
  for i, c in ipairs(calls) do
    out[i] = c[2]()
    out[i].executor = vm:last_call().executor
  end
  vm:set_executor("auto")
  return out
end

local by_module = run_all("module")
local by_user = run_all("user")

for i, c in ipairs(calls) do
  test("parity: " .. c[1], function()
    assert_eq("module", by_module[i].executor)
    assert_eq("user", by_user[i].executor)
    assert_eq(#by_module[i], #by_user[i], "number of results")
    for j = 1, #by_module[i] do
      assert_eq(by_module[i][j], by_user[i][j], "result " .. j)
    end
  end)
end

test("frame-dependent calls are refused by the module and run by the agent", function()
  -- vfork: the module cannot run it in kernel context; the agent runs it in
  -- a throw-away child and returns the new pid
  local pid = vm:syscall(NR.vfork)
  assert(pid > 1, "vfork returned " .. pid)
  assert_eq("user", vm:last_call().executor)
  -- the agent is still there and still uses the module for the rest
  assert(vm:syscall(NR.getpid) > 0)
  assert_eq("module", vm:last_call().executor)
end)

test("forcing the module where it is missing is an error", function()
  local ok = pcall(vm.set_executor, vm, "nonsense")
  assert(not ok, "unknown executor name accepted")
end)

vm:shutdown()
