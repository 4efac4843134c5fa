-- memfd_create: an anonymous file whose size follows write and ftruncate
-- (checked with fstat), named in the guest's /proc, and sealable.
local NR, E = provium.nr, provium.errno
local MFD_CLOEXEC, MFD_ALLOW_SEALING = 1, 2
local F_ADD_SEALS, F_GET_SEALS = 1033, 1034
local F_SEAL_SHRINK, F_SEAL_GROW = 2, 4
local vm = provium.create()
vm:boot()
local pid = vm:syscall(NR.getpid)

-- struct stat (x86_64): st_mode at 24, st_size at 48, 144 bytes
local function fstat(fd)
  local ret, st = vm:syscall_buf(NR.fstat, 1, string.rep("\0", 144), fd, 0)
  assert_eq(0, ret, "fstat")
  local mode = provium.unpack("u32", st:sub(25, 28))
  local size = provium.unpack("i64", st:sub(49, 56))
  return size, mode
end

local function memfd(name, flags)
  local fd = vm:syscall_buf(NR.memfd_create, 0, name .. "\0", 0, flags)
  assert(fd >= 0, "memfd_create: " .. fd)
  return fd
end

test("a new memfd is an empty regular file named /memfd:NAME in /proc", function()
  local fd = memfd("provium-suite", MFD_CLOEXEC)
  local size, mode = fstat(fd)
  assert_eq(0, size)
  assert_eq(0x8000, mode & 0xf000, "S_IFREG")
  local r = vm:exec("readlink /proc/" .. pid .. "/fd/" .. fd)
  assert_eq("/memfd:provium-suite (deleted)", r.stdout:trim())
  vm:syscall(NR.close, fd)
end)

test("write grows it, ftruncate sets the size, read sees the data and the zeros", function()
  local fd = memfd("data", 0)
  assert_eq(11, (vm:syscall_buf(NR.write, 1, "hello world", fd, 0, 11)))
  assert_eq(11, fstat(fd))
  assert_eq(0, vm:syscall(NR.ftruncate, fd, 4096))
  assert_eq(4096, fstat(fd))
  assert_eq(0, vm:syscall(NR.lseek, fd, 0, 0))
  local n, buf = vm:syscall_buf(NR.read, 1, string.rep("\1", 16), fd, 0, 16)
  assert_eq(16, n)
  assert_eq("hello world\0\0\0\0\0", buf)
  assert_eq(0, vm:syscall(NR.ftruncate, fd, 5))
  assert_eq(5, fstat(fd))
  assert_eq(0, vm:syscall(NR.lseek, fd, 0, 0))
  n, buf = vm:syscall_buf(NR.read, 1, string.rep("\0", 16), fd, 0, 16)
  assert_eq(5, n)
  assert_eq("hello", buf:sub(1, n))
  assert_eq(-E.EINVAL, vm:syscall(NR.ftruncate, fd, -1))
  vm:syscall(NR.close, fd)
end)

test("seals: F_SEAL_GROW refuses growth with -EPERM, shrinking still works", function()
  local fd = memfd("sealed", MFD_ALLOW_SEALING)
  assert_eq(0, vm:syscall(NR.ftruncate, fd, 100))
  assert_eq(0, vm:syscall(NR.fcntl, fd, F_GET_SEALS, 0))
  assert_eq(0, vm:syscall(NR.fcntl, fd, F_ADD_SEALS, F_SEAL_GROW))
  assert_eq(F_SEAL_GROW, vm:syscall(NR.fcntl, fd, F_GET_SEALS, 0))
  assert_eq(-E.EPERM, vm:syscall(NR.ftruncate, fd, 200))
  assert_eq(100, fstat(fd))
  assert_eq(0, vm:syscall(NR.ftruncate, fd, 50))
  assert_eq(0, vm:syscall(NR.fcntl, fd, F_ADD_SEALS, F_SEAL_SHRINK))
  assert_eq(-E.EPERM, vm:syscall(NR.ftruncate, fd, 10))
  assert_eq(50, fstat(fd))
  vm:syscall(NR.close, fd)
  -- without MFD_ALLOW_SEALING the file starts sealed with F_SEAL_SEAL
  local plain = memfd("plain", 0)
  assert_eq(-E.EPERM, vm:syscall(NR.fcntl, plain, F_ADD_SEALS, F_SEAL_GROW))
  vm:syscall(NR.close, plain)
end)

test("a name over 249 bytes or unknown flags are -EINVAL", function()
  assert_eq(-E.EINVAL, (vm:syscall_buf(NR.memfd_create, 0, string.rep("n", 250) .. "\0", 0, 0)))
  assert_eq(-E.EINVAL, (vm:syscall_buf(NR.memfd_create, 0, "x\0", 0, 0x100)))
end)

vm:shutdown()
