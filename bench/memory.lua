-- Host memory of four VMs restored from one snapshot against four booted
-- cold: the sum of the QEMU processes' PSS (proportional set size: a page
-- shared by n processes counts 1/n to each), after the same small work in
-- every guest. Restored guests map the saved RAM copy-on-write, so what they
-- only read is one copy in the page cache, shared. Prints, never asserts.
--   provium run bench/memory.lua [vms]
local n = tonumber(arg[1]) or 4

local function pss_kb(pid)
  local f = assert(io.open("/proc/" .. pid .. "/smaps_rollup"))
  local text = f:read("a")
  f:close()
  return tonumber(text:match("\nPss:%s+(%d+) kB"))
end

local function measure(opts)
  local vms, total = {}, 0
  for i = 1, n do
    vms[i] = provium.create()
    vms[i]:boot(opts)
    assert(vms[i]:info().start == (opts.cold and "cold" or "warm"))
  end
  for _, vm in ipairs(vms) do
    vm:exec("uname -r")
    vm:syscall(provium.nr.getpid)
  end
  for _, vm in ipairs(vms) do total = total + pss_kb(vm:info().qemu_pid) end
  for _, vm in ipairs(vms) do vm:kill() end
  return total / 1024
end

provium.create():boot():kill()  -- the snapshot exists before the timed part
local warm = measure({})
local cold = measure({ cold = true })
print(string.format("memory of %d VMs (512M each), sum of QEMU PSS: restored from one snapshot %.0f MiB, " ..
  "cold-booted %.0f MiB (%.0f%% of cold)", n, warm, cold, 100 * warm / cold))
