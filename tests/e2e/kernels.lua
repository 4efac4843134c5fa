-- Kernels other than the default: Debian's 6.12 unpacked in the cache (a
-- zstd bzImage, .ko.xz modules), provium.ko built against a build tree
-- that is not the default one, a default kernel that changes under a
-- built checkout, and kernels that lack what the guest needs.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local host = require("host")
local sh = host.sh
local root = host.repo_root()
local bin = root .. "/build/provium"

local function q(s) return "'" .. s:gsub("'", "'\\''") .. "'" end

local cache = os.getenv("PROVIUM_CACHE")
if not cache or cache == "" then
  cache = (os.getenv("XDG_CACHE_HOME") or (os.getenv("HOME") .. "/.cache")) .. "/provium"
end
-- Debian's 6.12 as tools/debian-kernel.sh unpacked it, "" if it did not
local k612 = sh("ls -d " .. q(cache) .. "/kernels/6.12.*+deb12-amd64 2>/dev/null | sort -V | tail -n 1")
local rel612 = k612:match("([^/]+)$") or ""

local function need612()
  if k612 == "" then
    skip("Debian 6.12 is not unpacked in " .. cache .. "/kernels (make deps runs tools/debian-kernel.sh)")
  end
end

local scratch = os.tmpname()
os.remove(scratch)
assert(os.execute("mkdir -p " .. q(scratch)))

local function write(path, text)
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
end

-- provium run [ARGS] SCRIPT with extra environment, not under this run's
-- --profile: status and output (both streams)
local function run(env, script, args)
  local path = scratch .. "/script.lua"
  write(path, script)
  local p = assert(io.popen(string.format("cd %s && env -u PROVIUM_EVENT_FD -u PROVIUM_PROFILE %s %s run %s %s 2>&1; echo \"rc=$?\"",
    q(root), env, q(bin), args or "", q(path))))
  local out = p:read("a")
  p:close()
  local rc = tonumber(out:match("rc=(%d+)\n$"))
  return rc, out:gsub("rc=%d+\n$", "")
end

test("Debian 6.12: its zstd bzImage boots on microvm, its .ko.xz modules load, disks appear, the module dispatches", function()
  need612()
  local disk = scratch .. "/disk.img"
  assert(os.execute("printf 'on the 6.12 disk' | dd of=" .. q(disk) .. " bs=1M count=1 conv=sync 2>/dev/null"))
  local vm = provium.create("debian-6.12")
  vm:boot({ disks = { disk } })
  assert_eq(rel612, vm:info().release)
  -- microvm (the zstd payload was unpacked): virtio over MMIO, from
  -- virtio_mmio.ko.xz (6.12 builds it as a module)
  assert_eq("microvm", vm:info().machine)
  assert_contains(vm:read_file("/proc/cmdline"), "provium_agent.modules=/provium/modules.mmio")
  assert_contains(vm:read_file("/proc/modules"), "virtio_mmio ")
  assert_contains(vm:read_file("/proc/modules"), "virtio_blk ")
  assert_eq("on the 6.12 disk", vm:exec("head -c 16 /dev/vda").stdout.value)
  -- provium.ko, built against 6.12's headers, dispatches (IBT: through sys_call_table)
  assert(vm:syscall(provium.nr.getpid) > 0)
  assert_eq("module", vm:last_call().executor)
  assert_contains(vm:dmesg("provium: ready"), "dispatch via sys_call_table")
  vm:shutdown()
end)

test("kbuild that is not the default tree: provium.ko is built from every kmod source and used", function()
  need612()
  -- a cache of its own: the build must run now, not come from an earlier one
  local c = scratch .. "/cache"
  assert(os.execute("mkdir -p " .. q(c) .. " && ln -s " .. q(cache .. "/kernels") .. " " .. q(c .. "/kernels")))
  local rc, out = run("PROVIUM_CACHE=" .. q(c) .. " PROVIUM_ACCEL=" .. (os.getenv("PROVIUM_ACCEL") or "tcg"), [[
    local vm = provium.create("debian-6.12")
    vm:boot()
    vm:syscall(provium.nr.getpid)
    print("executor " .. vm:last_call().executor .. " release " .. vm:info().release)
    vm:shutdown()
  ]])
  assert_eq(0, rc, out)
  assert_contains(out, "executor module release " .. rel612)
  -- built (provium.c includes provium_ext.h: every source of kmod/ went in),
  -- with what modules using its symbols link against, and the log
  local built = sh("ls " .. q(c) .. "/module-*/provium.ko")
  assert(built ~= "", "no module-*/provium.ko in the fresh cache")
  local dir = built:match("^(.*)/provium.ko$")
  assert(io.open(dir .. "/Module.symvers"), "no Module.symvers beside " .. built)
  assert_contains(sh("cat " .. q(dir .. "/build.log")), "provium.ko")
  assert_contains(sh("modinfo -F vermagic " .. q(built)), rel612)
end)

test("a module build that fails shows the compiler's error", function()
  local tree = scratch .. "/broken-tree"
  assert(os.execute("mkdir -p " .. q(tree)))
  write(tree .. "/Makefile", "modules:\n\t@echo 'provium.c:42:7: error: this tree cannot build modules' >&2; exit 2\n")
  write(scratch .. "/broken.toml", string.format([[
[profile.broken]
kbuild = %q
]], tree))
  local ok, err = pcall(provium.create, "broken", { config = scratch .. "/broken.toml" })
  assert(not ok, "a failing build was accepted")
  assert_contains(err, "building provium.ko against " .. tree .. " failed")
  assert_contains(err, "provium.c:42:7: error: this tree cannot build modules")
  assert_contains(err, "build.log")
end)

test("the default kernel changes under a built checkout: create() and make follow it", function()
  need612()
  local default_rel = sh("tools/default-kernel.sh")
  -- a machine with 6.1 and, installed later, 6.12
  local sys = scratch .. "/sysroot"
  assert(os.execute(string.format(
    "mkdir -p %s/boot %s/lib/modules && ln -s /boot/vmlinuz-%s %s/boot/ && ln -s /lib/modules/%s %s/lib/modules/ && " ..
    "ln -s %s/boot/vmlinuz-%s %s/boot/ && ln -s %s/boot/config-%s %s/boot/ && ln -s %s/lib/modules/%s %s/lib/modules/",
    q(sys), q(sys), default_rel, q(sys), default_rel, q(sys),
    q(k612), rel612, q(sys), q(k612), rel612, q(sys), q(k612), rel612, q(sys))))
  local rc, out = run("PROVIUM_SYSROOT=" .. q(sys), [[
    local vm = provium.create()
    vm:boot()
    vm:syscall(provium.nr.getpid)
    print("executor " .. vm:last_call().executor .. " release " .. vm:info().release)
    vm:shutdown()
  ]])
  assert_eq(0, rc, out)
  assert_contains(out, "executor module release " .. rel612)
  -- provium doctor agrees: the module for 6.12 is there or will be built
  local doc = sh("PROVIUM_SYSROOT=" .. q(sys) .. " " .. q(bin) .. " doctor 2>&1")
  assert_contains(doc, "OK       default kernel: " .. rel612)
  assert(doc:find("OK       helper module: [^\n]*built for " .. rel612:gsub("%p", "%%%0")),
    "doctor on the module:\n" .. doc)
  assert_contains(doc, "everything needed to boot is present")
  -- make: up to date for this machine, not for the one with 6.12
  local function make_q(env)
    return os.execute("cd " .. q(root) .. " && " .. env .. " make -q kmod/provium.ko >/dev/null 2>&1")
  end
  assert(make_q(""), "make -q kmod/provium.ko: the built checkout is not up to date")
  assert(not make_q("PROVIUM_SYSROOT=" .. q(sys)), "make thinks provium.ko built for " ..
    default_rel .. " serves " .. rel612)
end)

test("a kernel without a virtio console or devtmpfs fails boot at once, naming the option", function()
  local default_rel = sh("tools/default-kernel.sh")
  for _, opt in ipairs({ "CONFIG_VIRTIO_CONSOLE", "CONFIG_DEVTMPFS" }) do
    -- Debian's kernel, with a configuration beside it that lacks @opt
    local dir = scratch .. "/" .. opt
    assert(os.execute(string.format("mkdir -p %s && ln -sf /boot/vmlinuz-%s %s/vmlinuz-%s && " ..
      "sed 's/^%s=.*/# %s is not set/' /boot/config-%s > %s/config-%s",
      q(dir), default_rel, q(dir), default_rel, opt, opt, default_rel, q(dir), default_rel)))
    write(dir .. "/provium.toml", string.format("[profile.lacking]\nkernel = \"vmlinuz-%s\"\n", default_rel))
    local vm = provium.create("lacking", { config = dir .. "/provium.toml" })
    local ok, err = pcall(vm.boot, vm)
    assert(not ok, "booted a kernel without " .. opt)
    assert_contains(err, "lacks " .. opt)
    assert_contains(err, dir .. "/config-" .. default_rel)
    -- refused before QEMU started: no console, no run directory
    assert_eq("", vm:info().console)
    assert_eq(false, vm:info().running)
  end
end)

test("rootfs = \"host\" on a kernel without overlayfs fails boot at once, naming the option", function()
  local default_rel = sh("tools/default-kernel.sh")
  local dir = scratch .. "/no-overlay"
  assert(os.execute(string.format("mkdir -p %s && ln -sf /boot/vmlinuz-%s %s/vmlinuz-%s && " ..
    "sed 's/^CONFIG_OVERLAY_FS=.*/# CONFIG_OVERLAY_FS is not set/' /boot/config-%s > %s/config-%s",
    q(dir), default_rel, q(dir), default_rel, default_rel, q(dir), default_rel)))
  write(dir .. "/provium.toml", string.format("[profile.lacking]\nkernel = \"vmlinuz-%s\"\n", default_rel))
  local vm = provium.create("lacking", { config = dir .. "/provium.toml" })
  local ok, err = pcall(vm.boot, vm, { rootfs = "host" })
  assert(not ok, "booted a host root without overlayfs")
  assert_contains(err, "the kernel lacks CONFIG_OVERLAY_FS")
  assert_contains(err, dir .. "/config-" .. default_rel)
  assert_eq(false, vm:info().running)
  -- the default guest needs none of it
  vm = provium.create("lacking", { config = dir .. "/provium.toml" })
  vm:boot()
  assert(vm:syscall(provium.nr.getpid) > 0)
  vm:shutdown()
end)

test("--profile and PROVIUM_PROFILE: provium.create() boots that profile in every file, with its kernel's numbers", function()
  need612()
  local dir = scratch .. "/profile-run"
  assert(os.execute("mkdir -p " .. q(dir)))
  write(dir .. "/provium.toml", "[profile.debian-6.12]\nrelease = \"6.12.*+deb12-amd64\"\n")
  -- what 6.12's own headers say mseal is (6.1 has none)
  local unistd = sh("ls " .. q(k612) .. "/usr/src/linux-headers-" .. rel612 ..
    "/arch/x86/include/generated/uapi/asm/unistd_64.h")
  local mseal = sh("sed -n 's/^#define __NR_mseal \\([0-9]*\\)$/\\1/p' " .. q(unistd))
  assert(mseal ~= "", "no __NR_mseal in " .. unistd)
  for i = 1, 2 do
    write(dir .. "/file" .. i .. "_test.lua", [[
test("create() with no name", function()
  local vm = provium.create()
  vm:boot()
  assert_eq(os.getenv("WANT_RELEASE"), vm:info().release)
  assert_eq(os.getenv("WANT_MSEAL"), tostring(provium.nr.mseal))
  vm:shutdown()
end)
]])
  end
  local function provium_test(env, args)
    local p = assert(io.popen(string.format("cd %s && env -u PROVIUM_EVENT_FD -u PROVIUM_PROFILE %s %s test %s %s 2>&1",
      q(dir), env, q(bin), args, q(dir))))
    local out = p:read("a")
    p:close()
    return out
  end
  local want = "WANT_RELEASE=" .. q(rel612) .. " WANT_MSEAL=" .. mseal
  local out = provium_test(want, "-p 2 --profile debian-6.12")
  assert_contains(out, "2 passed, 0 failed, 0 skipped")
  out = provium_test(want .. " PROVIUM_PROFILE=debian-6.12", "")
  assert_contains(out, "2 passed, 0 failed, 0 skipped")
  -- provium run takes it too
  local script = "print('release ' .. provium.create():info().release .. ' mseal ' .. tostring(provium.nr.mseal))"
  local rc, r = run("", script, "--profile debian-6.12")
  assert_eq(0, rc, r)
  assert_contains(r, "mseal " .. mseal)
  rc, r = run("", script)
  assert_eq(0, rc, r)
  assert_contains(r, "mseal nil")  -- the default kernel, 6.1, has none
end)

test("mseal by its number from provium.nr, on a kernel that has it", function()
  local vm = provium.create()
  if not provium.nr.mseal then
    skip("the kernel's headers have no mseal (Linux 6.10+)")
  end
  vm:boot()
  -- an empty range at 0: nothing to seal, success
  assert_eq(0, vm:syscall(provium.nr.mseal, 0, 0, 0))
  vm:shutdown()
end)

test("compressed modules: vm:insmod takes .ko.xz (the kernel decompresses) and .ko.gz (decompressed on the host)", function()
  need612()
  local mods = k612 .. "/lib/modules/" .. rel612 .. "/kernel/lib"
  -- 6.12 decompresses xz itself, not gzip: that one is unpacked on the host
  local gz = scratch .. "/crc8.ko.gz"
  assert(os.execute("xz -dc " .. q(mods .. "/crc8.ko.xz") .. " | gzip -c > " .. q(gz)))
  local vm = provium.create("debian-6.12")
  vm:boot()
  vm:insmod(mods .. "/crc7.ko.xz")
  vm:insmod(gz)
  assert(vm:exec("test -d /sys/module/crc7").ok, "crc7.ko.xz not loaded")
  assert(vm:exec("test -d /sys/module/crc8").ok, "crc8.ko.gz not loaded")
  -- what reached the guest: the xz one as it is, the gzip one unpacked
  assert(vm:exec("test -f /tmp/crc7.ko.xz && test -f /tmp/crc8.ko && ! test -e /tmp/crc8.ko.gz").ok,
    vm:exec("ls -l /tmp").stdout.value)
  vm:shutdown()
end)

test("compressed modules the kernel cannot decompress are unpacked into the initramfs", function()
  need612()
  -- 6.12's modules directory, with virtio_blk gzip'ed (6.12 decompresses only xz)
  local src = k612 .. "/lib/modules/" .. rel612
  local dir = scratch .. "/gzmods"
  assert(os.execute(string.format("mkdir -p %s && cp %s/kernel/drivers/virtio/virtio_mmio.ko.xz %s/ && " ..
    "xz -dc %s/kernel/drivers/block/virtio_blk.ko.xz | gzip -c > %s/virtio_blk.ko.gz",
    q(dir), q(src), q(dir), q(src), q(dir))))
  write(dir .. "/modules.dep", "virtio_mmio.ko.xz:\nvirtio_blk.ko.gz:\n")
  write(scratch .. "/gz.toml", string.format("[profile.gz]\nrelease = %q\nmodules = %q\n", rel612, dir))
  local disk = scratch .. "/gzdisk.img"
  assert(os.execute("printf 'gzip disk' | dd of=" .. q(disk) .. " bs=1M count=1 conv=sync 2>/dev/null"))
  local vm = provium.create("gz", { config = scratch .. "/gz.toml" })
  vm:boot({ disks = { disk } })
  assert_contains(vm:read_file("/proc/modules"), "virtio_blk ")
  assert_eq("gzip disk", vm:exec("head -c 9 /dev/vda").stdout.value)
  vm:shutdown()
end)

test("kernel = a built tree: its bzImage, release and .config; no CONFIG_MODULES, no module and why", function()
  local default_rel = sh("tools/default-kernel.sh")
  -- a tree as 'make' leaves it, around Debian's image, configured without modules
  local tree = scratch .. "/tree"
  assert(os.execute(string.format("mkdir -p %s/arch/x86/boot %s/include/config && " ..
    "ln -s /boot/vmlinuz-%s %s/arch/x86/boot/bzImage && echo %s > %s/include/config/kernel.release && " ..
    "sed 's/^CONFIG_MODULES=y/# CONFIG_MODULES is not set/' /boot/config-%s > %s/.config",
    q(tree), q(tree), default_rel, q(tree), default_rel, q(tree), default_rel, q(tree))))
  write(scratch .. "/tree.toml", string.format("[profile.tree]\nkernel = %q\nmodules = \"/lib/modules/%s\"\n",
    tree, default_rel))
  local vm = provium.create("tree", { config = scratch .. "/tree.toml" })
  assert_eq(tree .. "/arch/x86/boot/bzImage", vm:info().kernel)
  assert_eq(tree, vm:info().kbuild)
  vm:boot()
  assert_eq(default_rel, vm:info().release)
  assert_eq(false, vm:info().module)
  assert_contains(vm:info().module_error, "built without CONFIG_MODULES")
  assert(vm:syscall(provium.nr.getpid) > 0)
  assert_eq("user", vm:last_call().executor)
  vm:shutdown()
end)

os.execute("rm -rf " .. q(scratch))
