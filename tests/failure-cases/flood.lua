-- Failure case: a guest floods the host -- 10,000 kernel warnings, a
-- console that keeps printing, output and a file without end. The test that
-- raised the warnings fails with the first of them; everything else passes,
-- the VM goes on answering, and this process stays under its memory
-- ceiling. tests/e2e/floods.lua runs it with PROVIUM_CONSOLE_MAX=64K.
local root = debug.getinfo(1, "S").source:match("^@(.*)/tests/failure%-cases/[^/]*$") or "."
package.path = root .. "/tests/lib/?.lua;" .. package.path
local MiB = 1024 * 1024
local vm = provium.create()
vm:boot({ files = { ["/bin/ioctl_loop"] = root .. "/build/ioctl_loop" } })
-- as 'make sample' built it, or built for this kernel (--profile)
vm:insmod((assert(require("sample").modules(vm, root))))

-- peak resident memory of this process (the VM's host side; the guest's
-- RAM is QEMU's), in KiB
local function peak_kib()
  for l in io.lines("/proc/self/status") do
    local kb = l:match("^VmHWM:%s+(%d+) kB")
    if kb then return tonumber(kb) end
  end
end

test("warning flood", function()
  -- a loop in the guest: KSAMPLE_IOC_WARN 10,000 times
  local r = vm:exec({ "/bin/ioctl_loop", "/dev/provium_sample", tostring(provium.IO("K", 4)), "10000" },
    { timeout = 300 })
  assert_eq("10000 calls, 0 failed\n", r.stdout.value)
end)

test("the VM answers after the flood, and keeps the first and latest splats", function()
  assert(vm:syscall(provium.nr.getpid) > 0)
  local list, total, dropped = vm:events()
  assert(total > 128, "only " .. total .. " splats seen")
  assert_eq(128, #list)
  assert_eq(total - 128, dropped)
  -- the first is the driver's first WARN (with provium.ko the module's
  -- reports are the source, so a line written to /dev/kmsg is none)
  assert_eq(1, list[1].index)
  assert_contains(list[1].text, "warning requested through KSAMPLE_IOC_WARN")
  assert_eq(total, list[128].index)
end)

test("console flood: the log keeps its head and tail", function()
  local max = 64 * 1024
  vm:exec("dd if=/dev/zero bs=1k count=256 2>/dev/null | tr '\\0' x > /dev/console; " ..
    "echo provium-console-last > /dev/console")
  -- the serial line drains after the command returns: wait for its last line
  vm:wait_until(function() return vm:console(100):find("provium-console-last", 1, true) end,
    { timeout = 60, interval = 0.1, desc = "the console's last line" })
  local info = vm:info()
  assert(info.console_size > 256 * 1024, "console_size " .. info.console_size)
  local f = assert(io.open(info.console, "rb"))
  local text = f:read("a")
  f:close()
  assert(#text <= max + 200, "console.log is " .. #text .. " bytes")
  assert(text:find("%[provium: %d+ more bytes dropped here"), "no drop marker")
  assert_contains(vm:console(100), "provium-console-last")
end)

test("output and file floods are cut at their limits", function()
  local r = vm:exec("dd if=/dev/zero bs=1M count=40 2>/dev/null; " ..
    "{ dd if=/dev/zero bs=1M count=40 2>/dev/null; } >&2")
  assert(r.truncated)
  assert_eq(32 * MiB, #r.stdout)
  assert_eq(32 * MiB, #r.stderr)
  r = nil
  local ok, err = pcall(vm.read_file, vm, "/dev/zero")
  assert(not ok)
  assert_contains(err, "larger than")
  collectgarbage()
end)

test("host memory stayed under 512 MiB", function()
  local peak = peak_kib()
  print(string.format("provium-peak-rss: %d KiB", peak))
  assert(peak < 512 * 1024, "peak RSS " .. peak .. " KiB")
end)
vm:shutdown()
