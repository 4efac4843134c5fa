-- The raw-syscall API of the seed pages against real system calls:
-- syscall_buf, syscall_bufs (outputs in argument order), syscall_ptr with
-- pointers to any depth, ioctl direction handling, last_call() detail.
local NR, E = provium.nr, provium.errno
local vm = provium.create()
vm:boot()

local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local open = require("guest").opener(vm)

test("syscall_buf passes a path and returns the buffer after the call", function()
  vm:write_file("/tmp/hello.txt", "hello from the host\n")
  local fd = open("/tmp/hello.txt")
  assert(fd >= 3, "unexpected fd " .. fd)
  local n, data = vm:syscall_buf(NR.read, 1, string.rep("\0", 64), fd, 0, 64)
  assert_eq(20, n)
  assert_eq("hello from the host\n", data:sub(1, n))
  assert_eq(0, vm:syscall(NR.close, fd))
end)

test("syscall_bufs returns every buffer in argument-index order", function()
  vm:write_file("/tmp/t1", "0123456789")
  -- readlinkat(dirfd, path, buf, size): buffers at 1 (in) and 2 (out)
  vm:exec("ln -sf /tmp/t1 /tmp/link")
  local ret, path_out, target = vm:syscall_bufs(NR.readlinkat,
    { [1] = "/tmp/link\0", [2] = string.rep("\0", 32) }, -100, 0, 0, 32)
  assert_eq(7, ret)
  assert_eq("/tmp/link\0", path_out)
  assert_eq("/tmp/t1", target:sub(1, ret))
  assert_eq(32, #target)
end)

test("syscall_bufs on an output-only struct: uname", function()
  local ret, uts = vm:syscall_bufs(NR.uname, { [0] = string.rep("\0", 390) })
  assert_eq(0, ret)
  local sysname = uts:sub(1, 65):match("^[^%z]*")
  local release = uts:sub(131, 195):match("^[^%z]*")
  assert_eq("Linux", sysname)
  assert_eq(vm:exec("uname -r").stdout:trim(), release)
end)

test("pipe2 writes two fds into an output buffer", function()
  local ret, fds = vm:syscall_buf(NR.pipe2, 0, string.rep("\0", 8), 0, 0)
  assert_eq(0, ret)
  local rfd, wfd = provium.unpack("i32 i32", fds)
  assert(rfd >= 3 and wfd >= 3 and rfd ~= wfd, "fds " .. rfd .. " " .. wfd)
  assert_eq(5, vm:syscall_buf(NR.write, 1, "abcde", wfd, 0, 5))
  local n, got = vm:syscall_buf(NR.read, 1, string.rep("\0", 5), rfd, 0, 5)
  assert_eq(5, n)
  assert_eq("abcde", got)
  vm:syscall(NR.close, rfd)
  vm:syscall(NR.close, wfd)
end)

test("syscall_ptr: writev with an iovec array pointing at two buffers", function()
  vm:write_file("/tmp/v", "")
  local fd = open("/tmp/v", 1) -- O_WRONLY
  local iov = provium.pack("u64 u64 u64 u64", 0, 5, 0, 6)
  local ret, iov_out = vm:syscall_ptr(NR.writev, { [1] = iov }, {
    { buf_idx = 1, ptr_offset = 0, data = "hello" },
    { buf_idx = 1, ptr_offset = 16, data = " world" },
  }, fd, 0, 2)
  assert_eq(11, ret)
  -- the patched pointers are visible in the buffer returned after the call
  local p1, l1, p2, l2 = provium.unpack("u64 u64 u64 u64", iov_out)
  assert(p1 ~= 0 and p2 ~= 0 and p1 ~= p2, "pointers were patched")
  assert_eq(5, l1)
  assert_eq(6, l2)
  vm:syscall(NR.close, fd)
  assert_eq("hello world", vm:read_file("/tmp/v"))
end)

test("syscall_ptr: readv fills output sub-buffers, returned in spec order", function()
  vm:write_file("/tmp/r", "abcdefghij")
  local fd = open("/tmp/r")
  local iov = provium.pack("u64 u64 u64 u64", 0, 4, 0, 6)
  local ret, _, first, second = vm:syscall_ptr(NR.readv, { [1] = iov }, {
    { buf_idx = 1, ptr_offset = 0, data_len = 4, output = true },
    { buf_idx = 1, ptr_offset = 16, data_len = 6, output = true },
  }, fd, 0, 2)
  assert_eq(10, ret)
  assert_eq("abcd", first)
  assert_eq("efghij", second)
  vm:syscall(NR.close, fd)
end)

test("syscall_ptr: pointers two levels deep (msghdr -> iovec -> data)", function()
  -- sendmsg/recvmsg over a socketpair: struct msghdr holds a pointer to an
  -- iovec array, which holds pointers to the data buffers.
  local ret, sv = vm:syscall_buf(NR.socketpair, 3, string.rep("\0", 8), 1, 1, 0) -- AF_UNIX, SOCK_STREAM
  assert_eq(0, ret)
  local a, b = provium.unpack("i32 i32", sv)
  -- struct msghdr: name(8) namelen(4)+pad(4) iov(8) iovlen(8) control(8) controllen(8) flags(4)+pad(4)
  local msghdr = provium.pack("u64 u32 u32 u64 u64 u64 u64 u32 u32", 0, 0, 0, 0, 2, 0, 0, 0, 0)
  local iovs = provium.pack("u64 u64 u64 u64", 0, 3, 0, 4)
  local sent = vm:syscall_ptr(NR.sendmsg, { [1] = msghdr }, {
    { buf_idx = 1, ptr_offset = 16, data = iovs, ptrs = {
      { ptr_offset = 0, data = "abc" },
      { ptr_offset = 16, data = "defg" },
    } },
  }, a, 0, 0)
  assert_eq(7, sent)
  local got, _, iov_after, part1, part2 = vm:syscall_ptr(NR.recvmsg, { [1] = msghdr }, {
    { buf_idx = 1, ptr_offset = 16, data = iovs, output = true, ptrs = {
      { ptr_offset = 0, data_len = 3, output = true },
      { ptr_offset = 16, data_len = 4, output = true },
    } },
  }, b, 0, 0)
  assert_eq(7, got)
  assert_eq(32, #iov_after)
  assert_eq("abc", part1)
  assert_eq("defg", part2)
  vm:syscall(NR.close, a)
  vm:syscall(NR.close, b)
end)

test("ioctl: _IOR returns the struct, _IOW returns nil", function()
  local fd = open("/dev/urandom")
  local RNDGETENTCNT = provium.IOR("R", 0, 4)
  assert_eq(0x80045200, RNDGETENTCNT)
  local ret, out = vm:ioctl(fd, RNDGETENTCNT)
  assert_eq(0, ret)
  assert_eq(4, #out)
  local cnt = provium.unpack("i32", out)
  assert_eq(tonumber(vm:read_file("/proc/sys/kernel/random/entropy_avail")), cnt)
  local RNDADDTOENTCNT = provium.IOW("R", 1, 4)
  local r2, out2 = vm:ioctl(fd, RNDADDTOENTCNT, provium.pack("i32", 0))
  assert_eq(0, r2)
  assert_eq(nil, out2)
  vm:syscall(NR.close, fd)
end)

test("ioctl: an unknown command is -ENOTTY, a bad fd -EBADF", function()
  local fd = open("/dev/null")
  assert_eq(-E.ENOTTY, (vm:ioctl(fd, provium.IOR("z", 9, 8))))
  assert_eq(-E.EBADF, (vm:ioctl(999, provium.IOR("R", 0, 4))))
  vm:syscall(NR.close, fd)
end)

test("last_call reports kernel_ret, executor, kernel time and the kernel log", function()
  local ret = vm:syscall(NR.getpid)
  local lc = vm:last_call()
  assert_eq(ret, lc.ret)
  assert_eq(ret, lc.kernel_ret)
  assert_eq(vm:info().module and "module" or "user", lc.executor)
  assert(lc.time_ns >= 0 and lc.time_ns < 1e9, "time " .. lc.time_ns)
  -- write to /dev/kmsg: the kernel logs it while the call runs
  local fd = open("/dev/kmsg", 1)
  local msg = "provium-log-check\n"
  assert_eq(#msg, (vm:syscall_buf(NR.write, 1, msg, fd, 0, #msg)))
  assert_contains(vm:last_call().log, "provium-log-check")
  vm:syscall(NR.close, fd)
end)

test("bad pointer specs are Lua errors before the guest sees them", function()
  local iov = provium.pack("u64 u64", 0, 4)
  local cases = {
    { { buf_idx = 1, ptr_offset = 4, data = "x" }, "not 8-byte aligned" },
    { { buf_idx = 1, ptr_offset = 16, data = "x" }, "does not fit" },
    { { buf_idx = 3, ptr_offset = 0, data = "x" }, "names no buffer argument" },
    { { buf_idx = 1, ptr_offset = 0, data_len = 2, data = "xyz" },
      "specs[1]: 3 bytes of data do not fit its length 2" },
  }
  for _, c in ipairs(cases) do
    local ok, err = pcall(vm.syscall_ptr, vm, NR.writev, { [1] = iov }, { c[1] }, 1, 0, 1)
    assert(not ok)
    assert_contains(err, c[2])
  end
  local ok, err = pcall(vm.syscall_ptr, vm, NR.writev, { [1] = iov }, {
    { buf_idx = 1, ptr_offset = 0, data = "a" }, { buf_idx = 1, ptr_offset = 0, data = "b" },
  }, 1, 0, 1)
  assert(not ok)
  assert_contains(err, "vm:syscall_ptr: specs[1] and specs[2] patch the same offset 0")
  ok, err = pcall(vm.syscall_bufs, vm, NR.read, { [7] = "x" })
  assert(not ok)
  assert_contains(err, "outside 0-5")
  ok, err = pcall(vm.syscall_buf, vm, NR.read, 1, string.rep("\0", 17 * 1024 * 1024), 0)
  assert(not ok)
  assert_contains(err, "limit")
  -- nothing reached the guest: it still answers
  assert(vm:syscall(NR.getpid) > 0)
end)

test("syscalls pipelines many calls and returns every result in order", function()
  local calls = {}
  for i = 1, 300 do
    calls[i] = (i % 3 == 0) and { NR.close, 100000 + i } or { NR.getpid }
  end
  local pid = vm:syscall(NR.getpid)
  local rets = vm:syscalls(calls)
  assert_eq(300, #rets)
  for i = 1, 300 do
    assert_eq((i % 3 == 0) and -E.EBADF or pid, rets[i], "result " .. i)
  end
  assert_eq(-E.EBADF, vm:last_call().ret)
  local ok, err = pcall(vm.syscalls, vm, { { NR.getpid }, { "x" } })
  assert(not ok)
  assert_contains(err, "entry 2")
  ok, err = pcall(vm.syscalls, vm, { { 1, 2, 3, 4, 5, 6, 7, 8 } })
  assert(not ok)
  assert_contains(err, "7 arguments")
  assert_eq(0, #vm:syscalls({}))
end)

vm:shutdown()
