-- Kernel reports from provium.ko (docs/tracing.md): splats caught where the
-- kernel makes them (the console and error_report_end tracepoints, the die
-- notifier) and sent on the module's generic netlink "events" group, which
-- the agent reads with libnl-genl. Each report says whose it is: the calling
-- task inside its call, or another context while a call ran (concurrent).
-- vm:last_call().splats has a call's reports when the call returns; the
-- event stream (vm:events()) has every report, with its source. Without the
-- module, the agent's /dev/kmsg scraper is the source.
--
-- The splats are raised outside test(): a report while a test runs fails it
-- (tests/failure-cases/warn.lua shows that, with the attribution).
local NR = provium.nr
local here = debug.getinfo(1, "S").source:gsub("^@", ""):match("^(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local KSAMPLE_IOC_WARN = provium.IO("K", 4)
local KSAMPLE_IOC_WARN_WORK = provium.IO("K", 5)

local vm = provium.create()
vm:boot()
-- reports from the module need the module
if not require("guest").module_for_file(vm, "kernel reports from provium.ko") then return end
-- the sample driver as 'make sample' built it, or built for this kernel
local KO, no_sample = require("sample").modules(vm, here .. "/../..")
if not KO then
  test("kernel reports from provium.ko", function() skip(no_sample) end)
  return
end
vm:insmod(KO)
local fd = vm:syscall_buf(NR.openat, 1, "/dev/provium_sample\0", -100, 0, 2, 0)
assert(fd >= 0, "open /dev/provium_sample: " .. fd)

-- taint that appears during a call with no report (written by the call
-- itself: TAINT_WARN, before any WARN sets it): the module reports that
local tainted = vm:syscall_buf(NR.openat, 1, "/proc/sys/kernel/tainted\0", -100, 0, 1, 0)
local taint_ret = vm:syscall_buf(NR.write, 1, "512\n", tainted, 0, 4)
local taint = vm:last_call()
vm:syscall(NR.close, tainted)
local warn_ret = vm:ioctl(fd, KSAMPLE_IOC_WARN)
local warn = vm:last_call()
local work_ret = vm:ioctl(fd, KSAMPLE_IOC_WARN_WORK)
local work = vm:last_call()
-- a report that only the console carries, with no end marker: a "BUG:" line
-- the call itself writes to the kernel log
local kmsg = vm:syscall_buf(NR.openat, 1, "/dev/kmsg\0", -100, 0, 1, 0)
local line = "BUG: provium trace_splats test line\n"
local text_ret = vm:syscall_buf(NR.write, 1, line, kmsg, 0, #line)
local text = vm:last_call()
vm:syscall(NR.close, kmsg)
vm:ping() -- the event stream has caught up
local events = vm:events()

-- the same report as it came on the event stream
local function on_stream(splat)
  for _, ev in ipairs(events) do
    if ev.text == splat.text then return ev end
  end
  error("not on the event stream: " .. splat.text:sub(1, 200))
end

test("a WARN in the call: sent by provium.ko over netlink, as that call's", function()
  assert_eq(0, warn_ret)
  assert_eq(1, #warn.splats)
  local s = warn.splats[1]
  assert_eq("warning", s.kind)
  assert_eq("module", s.source)
  assert_eq("call", s.context)
  assert_eq("console", s.via)
  assert_eq(NR.ioctl, s.call_nr)
  assert_eq(s.call_pid, s.pid) -- the calling task raised it
  assert_contains(s.text, "WARNING: CPU:")
  assert_contains(s.text, "ksample_ioctl")
  assert_contains(s.text, "warning requested through KSAMPLE_IOC_WARN")
  assert_contains(s.text, "---[ end trace")
  -- pr_cont pieces back on one line
  assert(s.text:find("Modules linked in:[^\n]*provium_sample"), s.text)
  local ev = on_stream(s)
  assert_eq("module", ev.source)
  assert_eq("call", ev.context)
  assert_eq(s.call_pid, ev.call_pid)
end)

test("a WARN from a work item while the call waits for it: concurrent", function()
  assert_eq(0, work_ret)
  assert_eq(1, #work.splats)
  local s = work.splats[1]
  assert_eq("warning", s.kind)
  assert_eq("module", s.source)
  assert_eq("concurrent", s.context)
  assert(s.comm:find("^kworker"), "raised by " .. s.comm)
  assert(s.pid ~= s.call_pid, "the worker thread is not the calling task")
  -- the call it ran during
  assert_eq(NR.ioctl, s.call_nr)
  assert_eq(warn.splats[1].call_pid, s.call_pid)
  assert_contains(s.text, "ksample_warn_work")
  assert_eq("concurrent", on_stream(s).context)
end)

test("a report without an end marker ends with its call", function()
  assert_eq(#line, text_ret)
  assert_eq(1, #text.splats)
  local s = text.splats[1]
  assert_eq("bug", s.kind)
  assert_eq("call", s.context)
  assert_eq(NR.write, s.call_nr)
  assert_contains(s.text, "provium trace_splats test line")
end)

test("taint that appeared during a call with no report is reported", function()
  assert_eq(4, taint_ret)
  assert_eq(1, #taint.splats)
  local s = taint.splats[1]
  assert_eq("taint", s.kind)
  assert_eq("taint", s.via)
  assert_eq("call", s.context)
  assert_eq(NR.write, s.call_nr)
  assert_contains(s.text, "taint 0x200 appeared during the call with no report seen")
end)

test("every report reached the event stream once, from the module", function()
  assert_eq(4, #events)
  for _, ev in ipairs(events) do assert_eq("module", ev.source) end
end)

test("a clean call has no report", function()
  assert(vm:syscall(NR.getpid) > 0)
  assert_eq(0, #vm:last_call().splats)
end)

-- Without the module: a kernel without a build tree boots without it.
local dir = os.tmpname()
os.remove(dir)
assert(os.execute("mkdir -p " .. dir))
local kver = io.popen("ls /boot/vmlinuz-* | sed 's|/boot/vmlinuz-||' | sort -V | tail -n 1"):read("l")
local f = assert(io.open(dir .. "/provium.toml", "w"))
f:write(string.format('[profile.nomod]\nkernel = "/boot/vmlinuz-%s"\nmemory = "256M"\n', kver))
f:close()
local plain = provium.create("nomod", { config = dir .. "/provium.toml" })
plain:boot()
-- the default kernel's sample driver, as 'make sample' built it
plain:insmod(here .. "/../../examples/sample_driver/provium_sample.ko")
local pfd = plain:syscall_buf(NR.openat, 1, "/dev/provium_sample\0", -100, 0, 2, 0)
plain:ioctl(pfd, KSAMPLE_IOC_WARN)
local plain_call = plain:last_call()
plain:ping()
local plain_events = plain:events()
os.execute("rm -rf " .. dir)

test("without provium.ko the kernel log is the source, with no call named", function()
  assert_eq(false, plain:info().module)
  assert_eq(0, #plain_call.splats)
  assert_eq(1, #plain_events)
  local ev = plain_events[1]
  assert_eq("warning", ev.kind)
  assert_eq("kmsg", ev.source)
  assert_eq(nil, ev.context)
  assert_contains(ev.text, "ksample_ioctl")
end)
