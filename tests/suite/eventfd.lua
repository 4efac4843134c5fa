-- eventfd2: the counter adds writes, a read returns and clears it (or takes
-- one in semaphore mode), and the guest's fdinfo shows the same count.
local NR, E = provium.nr, provium.errno
local EFD_SEMAPHORE, EFD_NONBLOCK = 1, 0x800
local vm = provium.create()
vm:boot()
local pid = vm:syscall(NR.getpid)

local function read_count(fd)
  local n, buf = vm:syscall_buf(NR.read, 1, string.rep("\0", 8), fd, 0, 8)
  if n < 0 then return n end
  assert_eq(8, n, "an eventfd read is 8 bytes")
  return (provium.unpack("u64", buf))
end

local function add(fd, v)
  return (vm:syscall_buf(NR.write, 1, provium.pack("u64", v), fd, 0, 8))
end

test("the initial value is read once, then the empty counter is -EAGAIN", function()
  local fd = vm:syscall(NR.eventfd2, 5, EFD_NONBLOCK)
  assert(fd >= 0, "eventfd2: " .. fd)
  assert_eq(5, read_count(fd))
  assert_eq(-E.EAGAIN, read_count(fd))
  assert_eq(0, vm:syscall(NR.close, fd))
end)

test("writes add up; fdinfo shows the count; a short or overflowing write is -EINVAL", function()
  local fd = vm:syscall(NR.eventfd2, 0, EFD_NONBLOCK)
  assert(fd >= 0, "eventfd2: " .. fd)
  assert_eq(8, add(fd, 3))
  assert_eq(8, add(fd, 39))
  local info = vm:read_file("/proc/" .. pid .. "/fdinfo/" .. fd)
  local hex = info:match("eventfd%-count:%s*(%x+)")
  assert(hex, "no eventfd-count in fdinfo:\n" .. info)
  assert_eq(42, tonumber(hex, 16), "count in the guest's fdinfo")
  -- 0xffffffffffffffff is the one value a write may never add
  assert_eq(-E.EINVAL, add(fd, -1))
  assert_eq(-E.EINVAL, (vm:syscall_buf(NR.write, 1, "\1\0\0\0", fd, 0, 4)))
  -- a read buffer under 8 bytes is refused too
  assert_eq(-E.EINVAL, (vm:syscall_buf(NR.read, 1, string.rep("\0", 4), fd, 0, 4)))
  assert_eq(42, read_count(fd))
  vm:syscall(NR.close, fd)
end)

test("EFD_SEMAPHORE: each read takes 1 until the counter is empty", function()
  local fd = vm:syscall(NR.eventfd2, 3, EFD_SEMAPHORE | EFD_NONBLOCK)
  assert(fd >= 0, "eventfd2: " .. fd)
  for i = 1, 3 do assert_eq(1, read_count(fd), "semaphore read " .. i) end
  assert_eq(-E.EAGAIN, read_count(fd))
  vm:syscall(NR.close, fd)
end)

test("unknown flags are -EINVAL", function()
  assert_eq(-E.EINVAL, vm:syscall(NR.eventfd2, 0, 0x4))
end)

vm:shutdown()
