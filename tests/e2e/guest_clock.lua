-- The guest keeps a precise clocksource under load: four VMs at once with
-- the host's CPUs busy still time a 10 ms nanosleep within 30 % (a miscalibrated timer
-- or a clock fallen back to jiffies is 50 % off and more), and no
-- guest marks its TSC unstable (after which time_ns reads 0 or whole ticks).
local NR = provium.nr
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local sh = require("host").sh

test("four VMs under host load time a 10 ms nanosleep within 30 %", function()
  local vms = {}
  for i = 1, 4 do
    vms[i] = provium.create()
    vms[i]:boot({ memory = "256M" })
  end
  -- keep every host CPU busy while the guests run (bounded: they stop by themselves)
  local ncpu = tonumber(sh("nproc"))
  local pids = {}
  for _ = 1, ncpu do
    pids[#pids + 1] = sh("timeout 120 sh -c 'while :; do :; done' >/dev/null 2>&1 & echo $!")
  end
  local ts = provium.pack("i64 i64", 0, 10 * 1000 * 1000)
  local samples, early = {}, {}
  -- the clocksource watchdog checks every half second: give it many chances
  for round = 1, 12 do
    for i, vm in ipairs(vms) do
      assert_eq(0, (vm:syscall_buf(NR.nanosleep, 0, ts, 0)))
      local ns = vm:last_call().time_ns
      samples[i] = samples[i] or {}
      samples[i][round] = ns
      -- a sleep never ends early on a working clock; 0 is a jiffies clock
      if ns < 10e6 then early[#early + 1] = string.format("vm %d round %d: %d ns", i, round, ns) end
    end
    for _, vm in ipairs(vms) do vm:exec("dd if=/dev/zero of=/dev/null bs=64k count=200") end
  end
  for _, pid in ipairs(pids) do os.execute("kill " .. pid .. " 2>/dev/null") end
  -- the mechanism: a host TSC that is constant and non-stop is trusted in
  -- the guest, so the watchdog cannot demote it (see docs/architecture.md)
  local stable = sh("grep -m1 '^flags' /proc/cpuinfo | grep -w constant_tsc | grep -cw nonstop_tsc")
  for i, vm in ipairs(vms) do
    if stable == "1" then assert_contains(vm:read_file("/proc/cmdline"), " tsc=reliable") end
    local cs = vm:read_file("/sys/devices/system/clocksource/clocksource0/current_clocksource")
    assert_eq("tsc\n", cs, "vm " .. i .. " clocksource")
    assert_eq("", vm:dmesg("unstable"), "vm " .. i .. " dmesg")
    vm:shutdown()
  end
  assert(#early == 0, table.concat(early, "\n"))
  -- a single late wake-up is the host's scheduling; the median is the clock
  for i, list in ipairs(samples) do
    table.sort(list)
    local median = list[#list // 2 + 1]
    assert(median >= 10e6 and median <= 13e6, string.format("vm %d median %d ns", i, median))
  end
end)
