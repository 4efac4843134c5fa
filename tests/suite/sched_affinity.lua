-- sched_getaffinity on a 2-vCPU guest: the mask has as many bits as nproc
-- says; a worker pinned with sched_setaffinity shows it in /proc/<pid>/status.
local NR, E = provium.nr, provium.errno
local vm = provium.create()
vm:boot({ cpus = 2 })

local function getaffinity(who, pid, len)
  local ret, mask = who:syscall_buf(NR.sched_getaffinity, 2, string.rep("\0", len or 128), pid or 0,
    len or 128, 0)
  return ret, mask
end

local function cpus_of(mask, nbytes)
  local cpus = {}
  for i = 1, nbytes do
    local b = mask:byte(i)
    for bit = 0, 7 do
      if b & (1 << bit) ~= 0 then cpus[#cpus + 1] = (i - 1) * 8 + bit end
    end
  end
  return table.concat(cpus, ",")
end

test("the agent's mask holds exactly the CPUs nproc counts", function()
  local ret, mask = getaffinity(vm)
  -- the kernel copies nr_cpu_ids bits rounded up to a long: 8 bytes here
  assert_eq(8, ret, "bytes written")
  assert_eq(string.rep("\0", 120), mask:sub(9), "nothing past them")
  local nproc = tonumber(vm:exec("nproc").stdout:trim())
  assert_eq(2, nproc, "the guest was booted with 2 vCPUs")
  assert_eq("0,1", cpus_of(mask, ret))
  assert_eq("0-1", (vm:read_file("/sys/devices/system/cpu/online"):gsub("%s+$", "")))
  local pid = vm:syscall(NR.getpid)
  local status = vm:read_file("/proc/" .. pid .. "/status")
  assert_eq("0-1", status:match("\nCpus_allowed_list:%s+([^\n]+)"))
end)

test("a worker pinned to CPU 1 shows it in its mask and /proc/<pid>/status; the agent does not", function()
  local w, wpid = vm:spawn()
  assert_eq(0, (w:syscall_buf(NR.sched_setaffinity, 2, provium.pack("u64", 2), 0, 8, 0)))
  local ret, mask = getaffinity(w)
  assert_eq(8, ret)
  assert_eq("1", cpus_of(mask, ret))
  local status = vm:read_file("/proc/" .. wpid .. "/status")
  assert_eq("1", status:match("\nCpus_allowed_list:%s+([^\n]+)"))
  -- the agent reads the worker's mask by pid, and its own is unchanged
  assert_eq("1", cpus_of(select(2, getaffinity(vm, wpid)), 8))
  assert_eq("0,1", cpus_of(select(2, getaffinity(vm)), 8))
  w:kill()
end)

test("errnos: a short length -EINVAL, an empty or offline-only mask -EINVAL, no such pid -ESRCH", function()
  assert_eq(-E.EINVAL, (getaffinity(vm, 0, 4)))
  assert_eq(-E.EINVAL, (getaffinity(vm, 0, 12)), "not a multiple of sizeof(long)")
  local w = vm:spawn()
  assert_eq(-E.EINVAL, (w:syscall_buf(NR.sched_setaffinity, 2, provium.pack("u64", 0), 0, 8, 0)))
  assert_eq(-E.EINVAL, (w:syscall_buf(NR.sched_setaffinity, 2, provium.pack("u64", 1 << 5), 0, 8, 0)))
  w:kill()
  local pid_max = tonumber(vm:read_file("/proc/sys/kernel/pid_max"))
  assert_eq(-E.ESRCH, (getaffinity(vm, pid_max)))
end)

vm:shutdown()
