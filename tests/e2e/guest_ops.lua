-- Guest operations: files (binary, large, injected at boot), disks, json,
-- dmesg, mount_vfs, wait_until.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
local tmp = os.tmpname()
local f = assert(io.open(tmp, "wb"))
f:write("injected\0at boot\n")
f:close()
local disk = os.tmpname()
f = assert(io.open(disk, "wb"))
f:write(string.rep("\0", 1024 * 1024))
f:close()

local vm = provium.create()
vm:boot({ files = { ["/opt/data/seed.bin"] = tmp }, disks = { disk } })

test("boot files are in the guest, byte for byte", function()
  assert_eq("injected\0at boot\n", vm:read_file("/opt/data/seed.bin"))
end)

test("write_file/read_file are binary-safe", function()
  local all = {}
  for i = 0, 255 do all[#all + 1] = string.char(i) end
  local bytes = table.concat(all):rep(3)
  vm:write_file("/tmp/bin", bytes)
  assert_eq(bytes, vm:read_file("/tmp/bin"))
  assert_eq(tostring(#bytes), vm:exec("stat -c %s /tmp/bin").stdout:trim())
  vm:write_file("/tmp/empty", "")
  assert_eq("", vm:read_file("/tmp/empty"))
end)

test("64 MiB round trip, streamed in chunks, not truncated", function()
  local chunk = {}
  for i = 1, 4096 do chunk[i] = string.pack("<I4", i * 2654435761 & 0xffffffff) end
  local block = table.concat(chunk) -- 16 KiB of varied bytes
  local big = block:rep(4096)         -- 64 MiB
  assert_eq(64 * 1024 * 1024, #big)
  vm:write_file("/tmp/big", big)
  assert_eq(tostring(#big), vm:exec("stat -c %s /tmp/big").stdout:trim())
  local back = vm:read_file("/tmp/big")
  assert_eq(#big, #back)
  assert(back == big, "contents differ")
  vm:exec("rm /tmp/big")
end)

test("read_file of a missing file is an error naming it", function()
  local ok, err = pcall(vm.read_file, vm, "/nope/missing")
  assert(not ok)
  assert_contains(err, "/nope/missing")
  assert_contains(err, "No such file")
end)

test("a disk given at boot is a block device the guest can format and use", function()
  assert_eq(tostring(1024 * 1024), vm:exec("blockdev --getsize64 /dev/vda").stdout:trim())
  assert(vm:exec("echo on-disk | dd of=/dev/vda bs=512 count=1 conv=sync 2>/dev/null; sync").ok)
  local head = vm:exec("dd if=/dev/vda bs=8 count=1 2>/dev/null").stdout.value
  assert_eq("on-disk\n", head)
end)

test("json decodes a command's output", function()
  local v = vm:json([[echo '{"name":"provium","n":[1,2.5,-3],"ok":true,"s":"a\"b\u00e9"}']])
  assert_eq("provium", v.name)
  assert_eq(3, #v.n)
  assert_eq(2.5, v.n[2])
  assert_eq(-3, v.n[3])
  assert_eq(true, v.ok)
  assert_eq("a\"b\xc3\xa9", v.s)
  local ok, err = pcall(vm.json, vm, "echo '{broken'")
  assert(not ok)
  assert_contains(err, "json")
  ok, err = pcall(vm.json, vm, "exit 3")
  assert(not ok)
  assert_contains(err, "exited 3")
end)

test("dmesg returns the kernel log, filtered like grep (POSIX basic regex)", function()
  vm:exec("echo provium-dmesg-marker 42 > /dev/kmsg")
  assert_contains(vm:dmesg(), "provium-dmesg-marker")
  local only = vm:dmesg("provium-dmesg-marker")
  assert_eq(1, select(2, only:gsub("\n", "")))
  -- a basic regular expression: bracket expressions, anchors, \{n\}
  assert_eq(only, vm:dmesg("provium-dmesg-mark[e]r [0-9]\\{2\\}$"))
  -- a Lua pattern is no grep pattern: %- matches nothing here
  assert_eq("", vm:dmesg("provium%-dmesg%-marker"))
  assert_eq("", vm:dmesg("no-such-line-anywhere"))
  local ok, err = pcall(vm.dmesg, vm, "bad[")
  assert(not ok)
  assert_contains(err, "bad pattern")
end)

test("mount_vfs mounts debugfs, tracefs and friends, and is idempotent", function()
  assert(vm:mount_vfs())
  local mounts = vm:read_file("/proc/mounts")
  for _, fs in ipairs({ " /sys/kernel/debug debugfs", " /sys/kernel/tracing tracefs",
    " /dev/pts devpts", " /sys/fs/cgroup cgroup2" }) do
    assert_contains(mounts, fs)
  end
  assert(vm:mount_vfs())
  local again = vm:read_file("/proc/mounts")
  assert_eq(select(2, mounts:gsub("\n", "")), select(2, again:gsub("\n", "")), "no double mounts")
end)

test("a file operation that blocks fails after the timeout, the VM lives on", function()
  vm:exec("mkfifo /tmp/noreader")
  local old = vm:set_timeout(0.3)
  local ok, err = pcall(vm.write_file, vm, "/tmp/noreader", "x")
  vm:set_timeout(old)
  assert(not ok)
  assert_contains(err, "timed out")
  assert(vm:syscall(provium.nr.getpid) > 0)
end)

test("a write or read that blocks after some progress also fails after the timeout", function()
  -- a reader that never reads: 64 KiB fit in the pipe, then the write blocks
  vm:exec("mkfifo /tmp/stuck")
  local job = vm:background("exec 3</tmp/stuck; sleep 60")
  local old = vm:set_timeout(0.3)
  local ok, err = pcall(vm.write_file, vm, "/tmp/stuck", string.rep("x", 1 << 20))
  -- /dev/kmsg gives its records, then blocks waiting for more
  local rok, rerr = pcall(vm.read_file, vm, "/dev/kmsg")
  vm:set_timeout(old)
  vm:job_kill(job)
  assert(not ok)
  assert_contains(err, "timed out")
  assert(not rok)
  assert_contains(rerr, "timed out")
  assert(vm:syscall(provium.nr.getpid) > 0)
end)

test("wait_until polls until true, and times out with the description", function()
  vm:exec("mkfifo /tmp/gate2")
  local job = vm:background("read x < /tmp/gate2; touch /tmp/flag")
  vm:write_file("/tmp/gate2", "\n")
  local seen = vm:wait_until(function(v) return v:exec("test -e /tmp/flag").ok end,
    { timeout = 10, interval = 0.02, desc = "flag file" })
  assert_eq(true, seen)
  vm:job_wait(job, 60)
  local ok, err = pcall(vm.wait_until, vm, function() return false end,
    { timeout = 0.1, desc = "the impossible" })
  assert(not ok)
  assert_contains(err, "the impossible not true after 0.1 s")
end)

vm:shutdown()
os.remove(tmp)
os.remove(disk)
