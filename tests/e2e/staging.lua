-- provium.ko keeps one staging area per open file between calls. A test
-- that unmaps it, or maps its own memory in its place (even a look-alike
-- with the flags the area has), must neither break later calls nor have
-- its memory written by them.
local NR = provium.nr
local vm = provium.create()
vm:boot()
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
if not require("guest").module_for_file(vm, "provium.ko's staging area") then return end

local null = vm:syscall_buf(NR.openat, 1, "/dev/null\0", -100, 0, 1, 0)

-- the agent's mapping that contains @addr: start, length
local function mapping_of(addr)
  local pid = vm:syscall(NR.getpid)
  for l in vm:read_file("/proc/" .. pid .. "/maps"):gmatch("[^\n]+") do
    local lo, hi = l:match("^(%x+)-(%x+)")
    lo, hi = tonumber(lo, 16), tonumber(hi, 16)
    if addr >= lo and addr < hi then return lo, hi - lo end
  end
end

-- where the staging area is: a patched pointer shows a buffer's address
local function staging_area()
  local _, iov = vm:syscall_ptr(NR.writev, { [1] = provium.pack("u64 u64", 0, 1) }, {
    { buf_idx = 1, ptr_offset = 0, data = "x" },
  }, null, 0, 1)
  return mapping_of(provium.unpack("u64", iov))
end

test("buffer calls reuse one area: no mapping per call", function()
  vm:set_executor("module")
  local a = staging_area()
  assert(a, "the staging area is a mapping of the agent")
  for _ = 1, 20 do
    assert_eq(0, (vm:syscall_bufs(NR.uname, { [0] = string.rep("\0", 390) })))
  end
  assert_eq(a, staging_area())
end)

test("a call that unmaps the area does not break the next one", function()
  local start, len = staging_area()
  assert_eq(0, vm:syscall(NR.munmap, start, len))
  local ret, uts = vm:syscall_bufs(NR.uname, { [0] = string.rep("\0", 390) })
  assert_eq(0, ret)
  assert_eq("Linux", uts:match("^[^%z]*"))
end)

test("memory a test maps where the area was is never written by later calls", function()
  local start, len = staging_area()
  -- the test's own anonymous mapping, exactly in place (MAP_FIXED)
  local PROT_RW, MAP_PRIVATE_ANON_FIXED = 3, 0x22 | 0x10
  assert_eq(start, vm:syscall(NR.mmap, start, len, PROT_RW, MAP_PRIVATE_ANON_FIXED, -1, 0))
  -- write a marker into it with a raw syscall: getcwd into the test's memory
  assert(vm:syscall(NR.getcwd, start, 64) > 0)
  -- buffer calls go on, staged elsewhere
  for _ = 1, 5 do
    assert_eq(0, (vm:syscall_bufs(NR.uname, { [0] = string.rep("\0", 390) })))
  end
  assert(staging_area() ~= start, "the test's mapping was taken for the area")
  -- the marker is intact: copy it out through a pipe
  local _, fds = vm:syscall_buf(NR.pipe2, 0, string.rep("\0", 8), 0, 0)
  local r, w = provium.unpack("i32 i32", fds)
  assert_eq(2, vm:syscall(NR.write, w, start, 2))
  local n, got = vm:syscall_buf(NR.read, 1, string.rep("\0", 2), r, 0, 2)
  assert_eq(2, n)
  assert_eq("/\0", got)
  vm:syscall(NR.munmap, start, len)
end)

test("an anonymous look-alike with MADV_DONTFORK where the area was is never written", function()
  local start, len = staging_area()
  assert_eq(0, vm:syscall(NR.munmap, start, len))
  -- the agent's own memory there, exactly in place, with VM_DONTCOPY set
  -- from user space as the area's mark once was
  local PROT_RW, MAP_PRIVATE_ANON_FIXED, MADV_DONTFORK = 3, 0x22 | 0x10, 10
  assert_eq(start, vm:syscall(NR.mmap, start, len, PROT_RW, MAP_PRIVATE_ANON_FIXED, -1, 0))
  assert_eq(0, vm:syscall(NR.madvise, start, len, MADV_DONTFORK))
  assert(vm:syscall(NR.getcwd, start, 64) > 0)
  for _ = 1, 5 do
    assert_eq(0, (vm:syscall_bufs(NR.uname, { [0] = string.rep("\0", 390) })))
  end
  assert(staging_area() ~= start, "the look-alike was taken for the area")
  local _, fds = vm:syscall_buf(NR.pipe2, 0, string.rep("\0", 8), 0, 0)
  local r, w = provium.unpack("i32 i32", fds)
  assert_eq(2, vm:syscall(NR.write, w, start, 2))
  local n, got = vm:syscall_buf(NR.read, 1, string.rep("\0", 2), r, 0, 2)
  assert_eq(2, n)
  assert_eq("/\0", got)
  vm:syscall(NR.close, r)
  vm:syscall(NR.close, w)
  vm:syscall(NR.munmap, start, len)
end)

test("large buffers are staged for one call only", function()
  local big = string.rep("z", 2 * 1024 * 1024)
  local ret, iov = vm:syscall_ptr(NR.writev, { [1] = provium.pack("u64 u64", 0, #big) }, {
    { buf_idx = 1, ptr_offset = 0, data = big },
  }, null, 0, 1)
  assert_eq(#big, ret)
  local where = provium.unpack("u64", iov)
  assert_eq(nil, (mapping_of(where)), "the 2 MiB staging area was unmapped after the call")
  -- and the small area is still the one in use
  local a = staging_area()
  assert_eq(a, staging_area())
end)

vm:shutdown()
