-- Boot to a ready agent, kernel by kernel, side by side: the default
-- kernel and Debian's 6.12 (profile debian-6.12, a zstd bzImage with .ko.xz
-- modules), both meant for the fast microvm path. Prints medians, never
-- asserts.
--   provium run bench/boot_kernels.lua [boots] [profile...]
local boots = tonumber(arg[1]) or 5
local profiles = { "default", "debian-6.12" }
if arg[2] then profiles = { table.unpack(arg, 2) } end

package.path = (debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or ".") .. "/lib/?.lua;" ..
  package.path
local median = require("stats").median

local rows = {}
for _, profile in ipairs(profiles) do
  local ok, err = pcall(function()
    local times, info, machine = {}, nil, nil
    for i = 1, boots do
      local vm = provium.create(profile)
      vm:boot()
      info = vm:info()
      times[i] = info.boot_time
      if i == 1 then
        local cmdline = vm:read_file("/proc/cmdline")
        machine = cmdline:find("modules.mmio", 1, true) and "microvm" or "q35"
      end
      vm:kill()
    end
    rows[#rows + 1] = string.format("%-14s %-28s %-8s %-7s %8.3f s",
      profile, info.release, machine, info.module and "loaded" or "none", median(times))
  end)
  if not ok then rows[#rows + 1] = string.format("%-14s (not run: %s)", profile, err) end
end
print(string.format("boot to ready agent, median over %d boots per kernel:", boots))
print(string.format("%-14s %-28s %-8s %-7s %10s", "profile", "kernel", "machine", "module", "boot"))
for _, r in ipairs(rows) do print(r) end
