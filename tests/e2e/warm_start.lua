-- Warm start: vm:boot() restores the saved ready guest of its
-- configuration. A restored guest has the host's clock and entropy of its
-- own; a changed configuration or a damaged snapshot is rebuilt (with a
-- note), never a failure; cold = true, --cold and PROVIUM_COLD=1 boot.
local NR = provium.nr
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local host = require("host")
local sh, root = host.sh, host.repo_root()

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

-- a scratch project with a cache of its own: it shares the extracted kernel,
-- the KVM verdict and the initramfs images with the real cache, no snapshot
local function scratch()
  local dir = sh("mktemp -d")
  local cache = dir .. "/cache"
  local real = sh("echo ${PROVIUM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/provium}")
  assert(os.execute("mkdir -p " .. q(cache)))
  os.execute("for f in " .. real .. "/vmlinux-* " .. real .. "/accel-* " .. real ..
    "/initramfs-*; do ln -s \"$f\" " .. q(cache) .. "/; done")
  return dir, cache
end

local function write(path, text)
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
end

-- a script that boots the profile of its provium.toml and says how it started
local boot_script = [[
local vm = provium.create(arg[1] or "default")
vm:boot()
local info = vm:info()
print("start=" .. info.start)
print("cmdline=" .. vm:read_file("/proc/cmdline"):gsub("%s+$", ""))
print("uname=" .. vm:exec("uname -r").stdout:trim())
vm:shutdown()
]]

-- provium -v run in @dir with cache @cache; stdout and stderr together. A
-- snapshot built on a loaded host may be refused for its timer calibration
-- (see the test below); these tests are about the snapshot mechanics, so
-- they accept any calibration.
local function run(dir, cache, env, script)
  return sh(string.format("cd %s && %s PROVIUM_TIMER_TOLERANCE=off PROVIUM_CACHE=%s %s/build/provium -v run %s 2>&1",
    q(dir), env or "", q(cache), q(root), script or "boot.lua"))
end

-- A restored VM. On a loaded host the boot that builds a snapshot may find
-- the guest's timer miscalibrated and serve as a cold boot instead (the test
-- of that is below); the next boot builds again.
local function boot_warm(opts)
  for _ = 1, 5 do
    local vm = provium.create()
    vm:boot(opts)
    if vm:info().start == "warm" then return vm end
    assert_contains(vm:info().start_note, "calibrated its APIC timer")
    vm:kill()
  end
  error("no snapshot was saved in 5 boots")
end

local function snapshots(cache)
  return sh("cd " .. q(cache) .. " && ls warm-*.meta 2>/dev/null | sed 's/.meta$//'")
end

test("a restored guest takes the host's clock; its own clocks run on from the save", function()
  -- the fixture set its clock to 2001 and noted its uptime before it was saved
  local vm = provium.fixture("clock_mark")
  local guest = tonumber(vm:exec("date +%s").stdout:trim())
  local now = os.time()
  assert(math.abs(guest - now) <= 1, string.format("guest %d, host %d", guest, now))
  local saved = tonumber(vm:read_file("/root/uptime-at-save"):match("^(%S+)"))
  local up = tonumber(vm:read_file("/proc/uptime"):match("^(%S+)"))
  assert(up >= saved, string.format("uptime %.2f went back before the save's %.2f", up, saved))
  -- monotonic time only moves forward across the restored guest's calls
  local ts = provium.pack("i64 i64", 0, 0)
  local last = -1
  for _ = 1, 5 do
    local ret, out = vm:syscall_buf(NR.clock_gettime, 1, ts, 1, 0)  -- CLOCK_MONOTONIC
    assert_eq(0, ret)
    local s, ns = provium.unpack("i64 i64", out)
    local t = s * 1000000000 + ns
    assert(t > last, "CLOCK_MONOTONIC went back")
    last = t
  end
  vm:kill()
  -- the same for a warm boot
  local w = boot_warm()
  guest = tonumber(w:exec("date +%s").stdout:trim())
  assert(math.abs(guest - os.time()) <= 1, string.format("guest %d, host %d", guest, os.time()))
  w:shutdown()
end)

test("a restored guest's APIC timer was calibrated right: a snapshot never keeps a bad draw", function()
  -- under TCG the guest calibrates its APIC timer against the TSC at boot; on
  -- a loaded host that can be tens of per cent off, and a snapshot would keep
  -- it for every restore (its timers firing that much late)
  local vm = boot_warm({ memory = "256M" })
  local list = vm:read_file("/proc/timer_list")
  local dev = list:match("Clock Event Device: lapic\n.*")
  if vm:info().accel == "tcg" and dev then
    local mult, shift = dev:match("mult:%s*(%d+)"), dev:match("shift:%s*(%d+)")
    local mhz = mult * 1e3 / 2 ^ shift * 16  -- the clockevent counts bus / 16
    assert(mhz > 950 and mhz < 1050, string.format("APIC bus calibrated to %.0f MHz, QEMU's is 1000", mhz))
  end
  vm:shutdown()
end)

test("two guests restored from one snapshot have entropy of their own", function()
  local function sample(vm)
    local ret, bytes = vm:syscall_buf(NR.getrandom, 0, string.rep("\0", 32), 0, 32, 0)
    assert_eq(32, ret)
    return {
      getrandom = bytes,
      urandom = vm:exec("head -c 32 /dev/urandom | od -An -tx1").stdout.value,
      boot_id = vm:read_file("/proc/sys/kernel/random/boot_id"),
    }
  end
  local a, b = boot_warm(), boot_warm()
  local sa, sb = sample(a), sample(b)
  for what, va in pairs(sa) do
    assert(va ~= sb[what], what .. " is the same in both guests: " .. va)
  end
  -- fixtures are restored the same way
  local fa, fb = provium.fixture("clock_mark"), provium.fixture("clock_mark")
  assert(fa:read_file("/proc/sys/kernel/random/boot_id") ~=
    fb:read_file("/proc/sys/kernel/random/boot_id"), "fixture guests share a boot_id")
  for _, vm in ipairs({ a, b, fa, fb }) do vm:kill() end
end)

test("a changed configuration builds its own snapshot; the old one stays", function()
  local dir, cache = scratch()
  write(dir .. "/boot.lua", boot_script)
  write(dir .. "/provium.toml", '[profile.default]\nappend = "provium_test.v=1"\n')
  local out = run(dir, cache)
  assert_contains(out, "building snapshot warm-")
  assert_contains(out, "no snapshot of this configuration yet")
  assert_contains(out, "start=warm")
  local first = snapshots(cache)
  assert(first:match("^warm%-%x+$"), "one snapshot: " .. first)
  out = run(dir, cache)
  assert_contains(out, "restored snapshot " .. first)
  assert(not out:find("building snapshot", 1, true), out)
  write(dir .. "/provium.toml", '[profile.default]\nappend = "provium_test.v=2"\n')
  out = run(dir, cache)
  assert_contains(out, "building snapshot warm-")
  assert_contains(out, "the nearest, " .. first .. ", differs in cmdline")
  assert_contains(out, "cmdline=")
  assert_contains(out, "provium_test.v=2")
  assert_eq(2, select(2, snapshots(cache):gsub("warm%-", "")))
  os.execute("rm -rf " .. q(dir))
end)

test("a damaged or stale snapshot is rebuilt with a note, never a failure", function()
  local dir, cache = scratch()
  write(dir .. "/boot.lua", boot_script)
  local out = run(dir, cache)
  assert_contains(out, "start=warm")
  local name = snapshots(cache)
  local base = cache .. "/" .. name
  -- a truncated device state: found before QEMU starts
  assert(os.execute("truncate -s 1000 " .. q(base .. ".state")))
  out = run(dir, cache)
  assert_contains(out, "note: snapshot " .. name .. " is unusable (its device state is 1000 bytes")
  assert_contains(out, "rebuilding it")
  assert_contains(out, "start=warm")
  assert_contains(out, "uname=")
  -- RAM of the right size but wrong contents: found when the restore fails
  assert(os.execute("truncate -s 0 " .. q(base .. ".ram") .. " && truncate -s 512M " .. q(base .. ".ram")))
  out = run(dir, cache)
  assert_contains(out, "note: snapshot " .. name .. " is unusable (it could not be restored")
  assert_contains(out, "start=warm")
  assert_contains(out, "uname=")
  -- saved by another QEMU
  assert(os.execute("sed -i 's/^qemu .*/qemu 1/' " .. q(base .. ".meta")))
  out = run(dir, cache)
  assert_contains(out, "QEMU changed since it was saved")
  assert_contains(out, "start=warm")
  out = run(dir, cache)
  assert_contains(out, "restored snapshot " .. name)
  assert(not out:find("note:", 1, true), out)
  os.execute("rm -rf " .. q(dir))
end)

test("under TCG a VM with two CPUs boots cold, saying why", function()
  local vm = provium.create()
  vm:boot({ cpus = 2 })
  if vm:info().accel ~= "tcg" then
    vm:kill()
    skip("the accelerator is " .. vm:info().accel .. ": multi-CPU guests restore there")
  end
  assert_eq("cold", vm:info().start)
  assert_contains(vm:info().start_note, "more than one CPU under TCG")
  assert_eq("2", vm:exec("nproc").stdout:trim())
  vm:shutdown()
end)

test("cold = true, PROVIUM_COLD=1 and provium test --cold boot cold", function()
  local vm = provium.create()
  vm:boot({ cold = true })
  assert_eq("cold", vm:info().start)
  assert_contains(vm:info().start_note, "cold = true")
  vm:shutdown()
  local dir, cache = scratch()
  write(dir .. "/boot.lua", boot_script)
  local out = run(dir, cache, "PROVIUM_COLD=1")
  assert_contains(out, "cold boot: PROVIUM_COLD=1")
  assert_contains(out, "start=cold")
  assert_eq("", snapshots(cache), "a cold boot saves nothing")
  write(dir .. "/cold_test.lua", [[
test("boots cold", function()
  local vm = provium.create("default") -- whatever PROVIUM_PROFILE the suite runs on
  vm:boot()
  assert_eq("cold", vm:info().start)
  vm:shutdown()
end)
]])
  out = sh(string.format("cd %s && PROVIUM_TIMER_TOLERANCE=off PROVIUM_CACHE=%s %s/build/provium test --cold cold_test.lua 2>&1",
    q(dir), q(cache), q(root)))
  assert_contains(out, "PASS cold_test.lua")
  assert_contains(out, "VMs: 0 restored from snapshots (0 snapshots built), 0 from fixtures, 1 cold-booted")
  out = sh(string.format("cd %s && PROVIUM_TIMER_TOLERANCE=off PROVIUM_CACHE=%s %s/build/provium test cold_test.lua 2>&1",
    q(dir), q(cache), q(root)))
  assert_contains(out, "FAIL cold_test.lua")
  assert_contains(out, "VMs: 1 restored from snapshots (1 snapshot built)")
  os.execute("rm -rf " .. q(dir))
end)

test("a restored guest sees its disks as they are now", function()
  local dir = sh("mktemp -d")
  local disk = dir .. "/disk.img"
  assert(os.execute("truncate -s 8M " .. q(disk)))
  write(dir .. "/mark", "first contents")
  assert(os.execute("dd if=" .. q(dir .. "/mark") .. " of=" .. q(disk) .. " conv=notrunc 2>/dev/null"))
  local a = boot_warm({ disks = { disk } })
  assert_eq("first contents", a:exec("head -c 14 /dev/vda").stdout.value)
  a:shutdown()
  -- new contents and a partition table (one partition from sector 2048)
  write(dir .. "/mark", "later contents")
  assert(os.execute("dd if=" .. q(dir .. "/mark") .. " of=" .. q(disk) .. " conv=notrunc 2>/dev/null"))
  local entry = string.char(0, 0, 0, 0, 0x83, 0, 0, 0) .. string.pack("<I4I4", 2048, 4096)
  write(dir .. "/mbr", entry)
  assert(os.execute("dd if=" .. q(dir .. "/mbr") .. " of=" .. q(disk) ..
    " bs=1 seek=446 conv=notrunc 2>/dev/null"))
  write(dir .. "/sig", "\x55\xaa")
  assert(os.execute("dd if=" .. q(dir .. "/sig") .. " of=" .. q(disk) ..
    " bs=1 seek=510 conv=notrunc 2>/dev/null"))
  local b = boot_warm({ disks = { disk } })
  assert_eq("later contents", b:exec("head -c 14 /dev/vda").stdout.value)
  assert(b:exec("test -b /dev/vda1").ok, "the new partition is seen")
  b:shutdown()
  os.execute("rm -rf " .. q(dir))
end)

test("provium cache lists the snapshots with their sizes and clears them", function()
  local dir, cache = scratch()
  write(dir .. "/boot.lua", boot_script)
  run(dir, cache)
  local name = snapshots(cache)
  local out = sh(string.format("PROVIUM_CACHE=%s %s/build/provium cache", q(cache), q(root)))
  assert_contains(out, "snapshots     1")
  assert(out:find("  " .. name:gsub("%-", "%%-") .. "%s+%d+%.%d MiB"), out)
  assert_contains(out, "microvm, 512M, 1 CPU")
  assert_contains(out, "images ")
  out = sh(string.format("PROVIUM_CACHE=%s %s/build/provium cache clear snapshots", q(cache), q(root)))
  assert_contains(out, "removed")
  assert_eq("", snapshots(cache))
  assert_eq("", sh("ls " .. q(cache) .. " | grep -v lock | grep '^warm-' || true"))
  assert(sh("ls " .. q(cache)):find("initramfs-", 1, true), "images are kept")
  os.execute("rm -rf " .. q(dir))
end)
