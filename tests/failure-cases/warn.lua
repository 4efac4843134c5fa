-- Failure case: a driver under test hits WARN(); the test must fail with
-- the splat even though every call it made succeeded.
local root = debug.getinfo(1, "S").source:match("^@(.*)/tests/failure%-cases/[^/]*$") or "."
package.path = root .. "/tests/lib/?.lua;" .. package.path
local vm = provium.create()
vm:boot()
-- as 'make sample' built it, or built for this kernel (--profile)
vm:insmod((assert(require("sample").modules(vm, root))))
local fd = vm:syscall_buf(provium.nr.openat, 1, "/dev/provium_sample\0", -100, 0, 2, 0)
test("clean ioctl", function() assert_eq(0, (vm:ioctl(fd, provium.IOWR("K", 0, 16), provium.pack("u32 u32 u64", 1, 0, 0)))) end)
test("warning ioctl", function() assert_eq(0, (vm:ioctl(fd, provium.IO("K", 4)))) end)
test("clean again", function() assert(vm:syscall(provium.nr.getpid) > 0) end)
