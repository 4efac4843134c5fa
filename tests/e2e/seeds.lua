-- Every example of the two original pages (../shared/seeds: "Raw Syscalls"
-- and "Ioctl"), as written, against examples/sample_driver: its ioctls have
-- the seed's shapes, and provium_sample_sys.ko registers the seed's custom
-- syscalls (1000, 1003, 1021, 1022) with provium.ko.
local root = debug.getinfo(1, "S").source:match("^@(.*)/tests/e2e/[^/]*$") or "."
package.path = root .. "/tests/lib/?.lua;" .. package.path
local sample = require("sample")
-- as 'make sample' built them, or built for the booted kernel (--profile)
local SAMPLE_KO, SAMPLE_SYS_KO
local function load_sample(vm)
  SAMPLE_KO, SAMPLE_SYS_KO = sample.modules(vm, root)
  if not SAMPLE_KO then return false end
  vm:insmod(SAMPLE_KO)
  vm:insmod(SAMPLE_SYS_KO)
  return true
end

local vm = provium.create()
vm:boot()
if not load_sample(vm) then
  local _, why = sample.modules(vm, root)
  test("the seed pages against the sample driver", function() skip(why) end)
  return
end

-- what the seed's build_sd() would return: an opaque descriptor blob
local function build_sd()
  return provium.pack("u8 u8 u16 u32 u32 u32", 1, 0, 0x8004, 20, 0, 0)
end

test("raw syscalls: simple syscalls", function()
  -- getpid (syscall 39)
  local pid = vm:syscall(39)
  assert(pid > 0)

  -- Custom syscall: kacs_open_self_token(flags=0, access=TOKEN_QUERY)
  local TOKEN_QUERY = 0x0008
  local fd = vm:syscall(1000, 0, TOKEN_QUERY)
  assert(fd >= 0, "open_self_token failed: " .. fd)
  assert_eq("module", vm:last_call().executor)
  assert_contains(vm:exec("readlink /proc/" .. pid .. "/fd/" .. fd).stdout.value, "ksample-token")
  vm:syscall(provium.nr.close, fd)
end)

test("raw syscalls: one buffer", function()
  -- syscall(nr, arg0, arg1, arg2, ...)
  -- buf_arg_index=0 means arg0 gets the buffer pointer
  local spec = provium.pack("u32 u32", 1, 42)
  local fd = vm:syscall_buf(1003, 0, spec, 0, #spec)
  assert(fd >= 0)
  local n, text = vm:syscall_buf(provium.nr.read, 1, string.rep("\0", 64), fd, 0, 64)
  assert_eq("access=0x8 kind=1 value=42\n", text:sub(1, n))
  vm:syscall(provium.nr.close, fd)
end)

test("raw syscalls: multiple buffers and output buffers", function()
  -- bufs_table maps argument indices to buffer data
  local path_bytes = "/tmp/test\0"
  local sd_data = build_sd()
  local ret = vm:syscall_bufs(1022,
    {[1] = path_bytes, [3] = sd_data}, -- buffers
    -100, 0, 0x07, 0, #sd_data, 0) -- remaining args
  assert_eq(0, ret)

  -- Allocate an output buffer (filled with zeros)
  local out_buf = string.rep("\0", 256)
  local ret, path_out, data_out = vm:syscall_bufs(1021,
    {[1] = path_bytes, [3] = out_buf},
    -100, 0, 0x04, 0, 256, 0)
  -- data_out contains what the kernel wrote into the buffer
  local sd
  if ret > 0 then
    sd = data_out:sub(1, ret)
  end
  assert_eq(#sd_data, ret)
  assert_eq(sd_data, sd)
  assert_eq(path_bytes, path_out)
  assert_eq(256, #data_out)
end)

test("raw syscalls: error handling", function()
  local fd = vm:syscall(1000, 0, 0x0008)
  if fd < 0 then
    error("syscall failed with errno: " .. (-fd))
  end
  vm:syscall(provium.nr.close, fd)
  -- too small an output buffer, and a path never set: the driver's errnos
  local r1 = vm:syscall_bufs(1021, { [1] = "/tmp/test\0", [3] = string.rep("\0", 4) }, -100, 0, 0x04, 0, 4, 0)
  assert_eq(-provium.errno.ERANGE, r1)
  local r2 = vm:syscall_bufs(1021, { [1] = "/never/set\0", [3] = string.rep("\0", 64) }, -100, 0, 0x04, 0, 64, 0)
  assert_eq(-provium.errno.ENODATA, r2)
end)

test("rejects invalid flags", function()
  local ret = vm:syscall(1000, 0xFF, 0)
  assert_eq(ret, -22, "expected EINVAL") -- -22 = EINVAL
end)

test("raw syscalls: the custom syscalls exist only while the module is loaded", function()
  -- every token fd is closed, so the module can go
  local r = vm:exec("rmmod provium_sample_sys")
  assert(r.ok, r.stderr.value)
  assert_eq(-provium.errno.ENOSYS, vm:syscall(1000, 0, 0x0008))
  vm:insmod(SAMPLE_SYS_KO)
  local fd = vm:syscall(1000, 0, 0x0008)
  assert(fd >= 3)
  vm:syscall(provium.nr.close, fd)
end)

-- The ioctl page works on a file descriptor of the sample device.
local fd = vm:syscall_buf(provium.nr.openat, 1, "/dev/provium_sample\0", -100, 0, 2, 0)
assert(fd >= 0, "open /dev/provium_sample: " .. fd)
local class = 1

test("ioctl: simple ioctl", function()
  local args = provium.pack("u32 u32 u64", class, 0, 0)
  local ret, out = vm:ioctl(fd, 0xC0104B00, args)
  assert(ret == 0, "ioctl failed: " .. ret)
  assert_eq(16, #out)
end)

test("ioctl: embedded buffers", function()
  local buf_size = 64
  local args = provium.pack("u32 u32 u64", class, buf_size, 0)
  local ret, struct_out, data = vm:ioctl_buf(fd, 0xC0104B00, args, {
    {ptr_offset = 8, buf_len = buf_size, output = true},
  })
  assert_eq(0, ret)
  local _, written = provium.unpack("u32 u32", struct_out)
  assert_eq("provium-sample", data:sub(1, written))
end)

test("ioctl: worked example, token query in two steps", function()
  local KACS_IOC_QUERY = 0xC0104B00
  -- Step 1: Size query (buf_len=0, no buffer needed)
  local args = provium.pack("u32 u32 u64", class, 0, 0)
  local ret, out = vm:ioctl(fd, KACS_IOC_QUERY, args)
  assert(ret == 0)
  -- Parse the returned buf_len to learn the needed buffer size
  local _, needed = provium.unpack("u32 u32", out)
  -- Step 2: Data query with allocated buffer
  local args2 = provium.pack("u32 u32 u64", class, needed, 0)
  local ret2, struct_out, data = vm:ioctl_buf(fd, KACS_IOC_QUERY, args2, {
    {ptr_offset = 8, buf_len = needed, output = true},
  })
  assert(ret2 == 0)
  -- data contains the query result
  assert_eq("provium-sample", data)
  assert_eq(needed, #data)
end)

test("ioctl: multiple embedded buffers", function()
  local cmd = provium.IOWR("K", 1, 32)
  -- struct ksample_multi: name_len, flags, name*, table_len, reserved, table*
  local struct_data = provium.pack("u32 u32 u64 u32 u32 u64", 256, 0, 0, 128, 0, 0)
  local ret, struct_out, sids_out, groups_out = vm:ioctl_buf(fd, cmd, struct_data, {
    {ptr_offset = 8, buf_len = 256, output = true}, -- first pointer
    {ptr_offset = 24, buf_len = 128, output = true}, -- second pointer
  })
  assert_eq(0, ret)
  assert_eq(32, #struct_out)
  assert_eq(256, #sids_out)
  assert_eq(128, #groups_out)
end)

vm:syscall(provium.nr.close, fd)
vm:shutdown()

test("raw syscalls: worked example", function()
  local vm = provium.create("minimal")
  vm:boot()
  load_sample(vm)

  -- Syscall 1000 = kacs_open_self_token(flags, access_mask)
  local TOKEN_QUERY = 0x0008
  local fd = vm:syscall(1000, 0, TOKEN_QUERY)
  assert(fd >= 0, "kacs_open_self_token failed: " .. fd)
  -- The fd should be a valid file descriptor (3+)
  assert(fd >= 3, "unexpected fd: " .. fd)
  local mem = tonumber(vm:exec("awk '/MemTotal/ {print $2}' /proc/meminfo").stdout:trim())
  assert(mem < 256 * 1024, "the minimal profile's 256M: MemTotal " .. mem .. " kB")
  vm:shutdown()
end)
