-- rootfs = "host": the guest runs on the host's root file system, shared
-- read-only over virtio-9p under a writable tmpfs overlay, so the host's
-- dynamically linked programs, bash and python3 run; the agent stays PID 1
-- and everything a script does (exec, files, syscalls) works as before. As a
-- boot option and as a provium.toml profile key; other values are errors.

local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local reports = require("reports")
local guest = require("guest")
local q = reports.q
local scratch = reports.scratch_dir()

local vm = provium.create()
if not guest.boot_for_file(vm, { rootfs = "host" }, "rootfs = \"host\"") then return end

test("the host's dynamically linked programs, bash and python3 run", function()
  local r = vm:exec("python3 -c 'import sys; print(sys.version_info[0])'")
  assert_eq(0, r.exit_code, r.stderr.value)
  assert_eq("3", r.stdout:trim())
  r = vm:exec({ "bash", "-c", "echo ${BASH_VERSINFO[0]}" })
  assert(tonumber(r.stdout:trim()), "bash: " .. r.stdout.value .. r.stderr.value)
  -- a kernel the host has installed (the default one) has its modules there: modprobe works
  local release = vm:exec("uname -r").stdout:trim()
  if io.open("/lib/modules/" .. release .. "/modules.dep") then
    r = vm:exec("modprobe -n -v overlay")
    assert_eq(0, r.exit_code, r.stderr.value)
  end
end)

test("what a booted Debian has: /dev/fd, /dev/shm, /dev/pts, debugfs, cgroup2", function()
  assert_eq("/proc/self/fd", vm:exec("readlink /dev/fd").stdout:trim())
  -- a script run as /dev/fd/N, the way execveat(fd, "", AT_EMPTY_PATH) hands it over
  local r = vm:exec({ "bash", "-c", "exec 3</usr/bin/true; /dev/fd/3 && echo ran" })
  assert_eq("ran", r.stdout:trim(), r.stderr.value)
  local mounts = vm:read_file("/proc/mounts")
  for _, m in ipairs({ "/dev/shm tmpfs", "/dev/pts devpts", "/sys/kernel/debug debugfs",
    "/sys/kernel/tracing tracefs", "/sys/fs/cgroup cgroup2" }) do
    assert_contains(mounts, " " .. m .. " ")
  end
end)

test("the agent stays PID 1; calls go through the module as before", function()
  assert_eq("agent", vm:exec("cat /proc/1/comm").stdout:trim())
  assert_eq("host", vm:info().rootfs)
  assert(vm:syscall(provium.nr.getpid) > 0)
  guest.need_module(vm)
  assert_eq("module", vm:last_call().executor)
end)

test("writes land in the overlay, never on the host", function()
  local path = "/etc/provium-rootfs-test-" .. tostring(os.time())
  vm:write_file(path, "guest\n")
  assert_eq("guest\n", vm:read_file(path))
  assert_eq(0, vm:exec("echo more >> " .. path).exit_code)
  assert_eq("guest\nmore\n", vm:read_file(path))
  assert_eq(nil, io.open(path), "the host got " .. path)
  local r = vm:exec("touch /provium/host/etc/nope")
  assert(r.exit_code ~= 0, "the share below the overlay is writable")
  assert_contains(r.stderr.value, "Read-only file system")
end)

test("/tmp is the guest's own; the host's is under /provium/host", function()
  local f = assert(io.open(scratch .. "/marker", "w"))
  f:write("from the host\n")
  f:close()
  assert_eq("tmpfs", vm:exec("stat -f -c %T /tmp").stdout:trim())
  assert(vm:exec("test -e " .. q(scratch .. "/marker")).exit_code ~= 0, "host /tmp leaked in")
  assert_eq("from the host\n", vm:read_file("/provium/host" .. scratch .. "/marker"))
end)

vm:shutdown()

test("a profile with rootfs = \"host\"; the default profile keeps the initramfs", function()
  local toml = scratch .. "/provium.toml"
  local f = assert(io.open(toml, "w"))
  f:write('[profile.hostroot]\nrootfs = "host"\nmemory = "384M"\n')
  f:close()
  local h = provium.create("hostroot", { config = toml })
  h:boot()
  assert_eq(0, h:exec("test -x /usr/bin/python3").exit_code, "no host root")
  h:shutdown()
  local d = provium.create()
  d:boot()
  assert(d:exec("test -e /usr/bin/python3").exit_code ~= 0, "the default guest has the host's root")
  d:shutdown()
end)

test("other rootfs values: not a boot option; a profile's is a disk image", function()
  local v = provium.create()
  local ok, err = pcall(v.boot, v, { rootfs = "disk.img" })
  assert(not ok, "booted with rootfs = disk.img")
  assert_contains(err, "rootfs 'disk.img': only \"host\" is supported")
  ok, err = pcall(v.boot, v, { rootfs = true })
  assert(not ok)
  assert_contains(err, "rootfs must be a string")
  -- in a profile anything else names a disk image, relative to the file
  local toml = scratch .. "/bad.toml"
  local f = assert(io.open(toml, "w"))
  f:write('[profile.bad]\nrootfs = "nfs"\n')
  f:close()
  ok, err = pcall(provium.create, "bad", { config = toml })
  assert(not ok)
  assert_contains(err, "rootfs " .. scratch .. "/nfs: No such file or directory")
end)

test("a guest that cannot mount the host's root fails its boot, saying why", function()
  -- the agent told to switch, without the 9p device and modules behind it
  local toml = scratch .. "/nofs.toml"
  local f = assert(io.open(toml, "w"))
  f:write('[profile.nofs]\nappend = "provium_agent.rootfs=host"\n')
  f:close()
  local v = provium.create("nofs", { config = toml })
  local ok, err = pcall(v.boot, v)
  assert(not ok, "booted without its root")
  assert_contains(err, "provium-agent: rootfs=host: mount provium-root on /provium/host (9p)")
  assert_eq(false, v:info().running)
end)

os.execute("rm -rf " .. q(scratch))
