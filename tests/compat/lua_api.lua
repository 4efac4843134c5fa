-- The original documentation's "Lua API Reference" page
-- (reference/lua-api): each entry's example, as written, on one VM.
-- Adapted: KACS's syscalls (1000, 1003, 1022, 1023) and query ioctl
-- (0xC0104B00) are served by examples/sample_driver's modules; the values
-- the page leaves to the reader (spec_data, path, sd_data, args, fd,
-- class) are built here. provium.fixture is tests/compat/fixtures.lua's.

local root = debug.getinfo(1, "S").source:match("^@(.*)/tests/compat/[^/]*$") or "."

-- provium.create(profile)
local vm = provium.create("minimal")
-- vm:boot(opts?)
vm:boot({memory = "1G", cpus = 2})
vm:insmod(root .. "/examples/sample_driver/provium_sample.ko")
vm:insmod(root .. "/examples/sample_driver/provium_sample_sys.ko")

test("provium.pack / provium.unpack", function()
  local data = provium.pack("u32 u32 u64", 1, 42, 0)
  local a, b = provium.unpack("u32 u32", data)
  assert_eq(1, a)
  assert_eq(42, b)
end)

test("vm:exec", function()
  local r = vm:exec("uname -r")
  assert(r.ok)
  assert_eq(0, r.exit_code)
  assert(r.stdout.value ~= "")
  assert(r.stdout.contains("."))
  assert(r.stdout.starts_with("6."))
  assert_eq(r.stdout.value:gsub("%s+$", ""), r.stdout.trim())
  assert_eq("", r.stderr.value)
end)

test("vm:json", function()
  vm:write_file("/etc/config.json", '{"name": "x", "list": [1, 2], "nested": {"on": true}}')
  local data = vm:json("cat /etc/config.json")
  assert_eq("x", data.name)
  assert_eq(2, data.list[2])
  assert_eq(true, data.nested.on)
end)

test("vm:write_file / vm:read_file", function()
  vm:write_file("/tmp/test.txt", "hello")
  vm:exec("echo testvm > /etc/hostname")
  local data = vm:read_file("/etc/hostname")
  assert_eq("testvm\n", data)
  assert_eq("hello", vm:read_file("/tmp/test.txt"))
end)

test("vm:dmesg", function()
  vm:exec("echo 'kacs: ready' > /dev/kmsg")
  local log = vm:dmesg("kacs:")
  assert_contains(log, "kacs: ready")
end)

test("vm:mount_vfs", function()
  vm:mount_vfs()
  assert(vm:exec("grep -q securityfs /proc/mounts").ok)
end)

test("vm:wait_until", function()
  vm:exec("touch /tmp/ready")
  vm:wait_until(function()
      return vm:exec("test -f /tmp/ready").ok
  end, {timeout = 5, interval = 0.5, desc = "ready"})
end)

test("vm:syscall", function()
  local fd = vm:syscall(1000, 0, 0x0008)
  assert(fd >= 0)
  vm:syscall(provium.nr.close, fd)
end)

test("vm:syscall_buf", function()
  local spec_data = provium.pack("u32 u32", 1, 42)
  local ret = vm:syscall_buf(1003, 0, spec_data, 0, #spec_data)
  assert(ret >= 0)
  vm:syscall(provium.nr.close, ret)
end)

test("vm:syscall_bufs", function()
  local path = "/tmp/test\0"
  local sd_data = provium.pack("u8 u8 u16 u32 u32 u32", 1, 0, 0x8004, 20, 0, 0)
  local ret, buf1_out, buf2_out = vm:syscall_bufs(1022,
      {[1] = path, [3] = sd_data},
      -100, 0, 0x07, 0, #sd_data, 0)
  assert_eq(0, ret)
  assert_eq(path, buf1_out)
  assert_eq(sd_data, buf2_out)
end)

test("vm:syscall_ptr", function()
  local sd = provium.pack("u8 u8 u16 u32 u32 u32", 1, 0, 0x8004, 20, 0, 0)
  local token = vm:syscall(1000, 0, 0x0008)
  local args_data = provium.pack("u32 i32 u64 u32 u32", 96, token, 0, #sd, 0x0008)
  local ret, buf_out, ptr_out = vm:syscall_ptr(1023,
      {[0] = args_data},
      {{buf_idx = 0, ptr_offset = 8, data_len = #sd, data = sd}},
      0)
  assert_eq(0x0008, ret)
  assert_eq(#args_data, #buf_out)
  assert_eq(nil, ptr_out)
  vm:syscall(provium.nr.close, token)
end)

local fd = vm:syscall_buf(provium.nr.openat, 1, "/dev/provium_sample\0", -100, 0, 2, 0)

test("vm:ioctl", function()
  local args = provium.pack("u32 u32 u64", 1, 0, 0)
  local ret, out = vm:ioctl(fd, 0xC0104B00, args)
  assert_eq(0, ret)
  assert_eq(16, #out)
end)

test("vm:ioctl_buf", function()
  local cmd = 0xC0104B00
  local args = provium.pack("u32 u32 u64", 1, 256, 0)
  local ret, struct_out, data = vm:ioctl_buf(fd, cmd, args, {
      {ptr_offset = 8, buf_len = 256, output = true},
  })
  assert_eq(0, ret)
  assert_eq(16, #struct_out)
  assert_eq("provium-sample", data:sub(1, 14))
end)

test("vm:background / vm:job_wait / vm:job_kill", function()
  local job = vm:background("sleep 10")
  assert_eq("number", type(job.id))
  assert_eq("number", type(job.pid))
  local r = vm:job_wait(job, 0)
  assert_eq(true, r.running)
  local r = vm:job_kill(job)
  assert_eq(false, r.running)
  assert_eq(137, r.exit_code)

  local job2 = vm:background("echo hi")
  local r = vm:job_wait(job2, 5)
  assert_eq(false, r.running)
  assert_eq(0, r.exit_code)
  assert_eq("hi\n", r.stdout.value)
  assert_eq("", r.stderr.value)
end)

test("vm:spawn / worker:kill", function()
  local worker = vm:spawn()
  local thread_worker = vm:spawn({thread = true})
  assert(worker:syscall(39) ~= vm:syscall(39))
  assert_eq(vm:syscall(39), thread_worker:syscall(39))
  -- the same methods as a VM, except boot, shutdown and spawn
  assert(not pcall(worker.spawn, worker))
  worker:kill()
  thread_worker:kill()
end)

test("assert / assert_eq / assert_contains", function()
  assert(true)
  assert_eq(1, 1)
  assert_contains("haystack", "st")
  assert(not pcall(assert, false))
  assert(not pcall(assert_eq, 1, 2))
  assert(not pcall(assert_contains, "haystack", "needle"))
end)

test("my test", function()
    assert(true)
end)

test("future work", function()
    todo("waiting on feature X")
end)

vm:syscall(provium.nr.close, fd)

-- provium.shutdown_all()
provium.shutdown_all()
assert_eq(false, vm:info().running)

-- vm:shutdown() and vm:kill() on a fresh VM
local vm2 = provium.create("minimal")
vm2:boot()
vm2:kill()
