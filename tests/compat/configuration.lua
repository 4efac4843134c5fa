-- The original documentation's configuration pages, as written: "provium.toml
-- Reference" (configuration/provium-toml), "Project Structure"
-- (getting-started/project-structure) and the FAQ's helper libraries. A
-- project laid out as those pages show is made in a scratch directory and
-- run with "provium test tests/" from its root. Adapted: "../kernel/out/bzImage"
-- is a link to this host's kernel, testdata/rootfs.cpio.gz a small archive
-- whose /sbin/init (and /provium/peinit) leave a mark, and the rootfs
-- profile's disk an ext4 image built here.
local here = debug.getinfo(1, "S").source:match("^@(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local reports = require("reports")
local images = require("images")
local json = require("provium.json")
local q = reports.q
local root = reports.capture("cd " .. q(here .. "/../..") .. " && pwd"):gsub("\n$", "")
local scratch = reports.scratch_dir()
local project = scratch .. "/project"

local function sh(cmd)
  local out, code = reports.capture(cmd)
  assert(code == 0, cmd .. ": exit " .. code .. "\n" .. out)
  return out
end

local function write(path, text, mode)
  sh("mkdir -p " .. q(path:match("^(.*)/[^/]*$")))
  images.write(path, text, mode)
end

-- ../kernel/out/bzImage, relative to the project: this host's kernel
local kernel = sh("ls /boot/vmlinuz-* | sort -V | tail -n 1"):gsub("\n$", "")
sh("mkdir -p " .. q(scratch .. "/kernel/out") .. " && ln -s " .. q(kernel) .. " " ..
  q(scratch .. "/kernel/out/bzImage"))

-- testdata/rootfs.cpio.gz: an init of its own at /sbin/init and /provium/peinit
local INIT = "#!/bin/sh\necho $$ > /run/init-pid\necho %s > /run/init-name\nexec sleep 1000000\n"
write(project .. "/testdata/rootfs.cpio", images.newc({
  { "sbin", 0x41ed, "" },
  { "sbin/init", 0x81ed, INIT:format("sbin-init") },
  { "provium", 0x41ed, "" },
  { "provium/peinit", 0x81ed, INIT:format("peinit") },
  { "etc", 0x41ed, "" },
  { "etc/hostname", 0x81a4, "testvm\n" },
}))
sh("gzip -9 " .. q(project .. "/testdata/rootfs.cpio"))
images.ext4_root(project .. "/testdata/disk.img", {
  ["/etc/os-release"] = "NAME=from-the-disk\n",
  ["/sbin/init"] = INIT:format("disk-init"),
})

-- provium.toml, as the page's "Format" section writes it, and a rootfs profile
write(project .. "/provium.toml", [[
[profile.minimal]
kernel = "../kernel/out/bzImage"
initrd = "testdata/rootfs.cpio.gz"
init = "/sbin/init"

[profile.peinit]
kernel = "../kernel/out/bzImage"
initrd = "testdata/rootfs.cpio.gz"
init = "/provium/peinit"
append = "loglevel=7"

[profile.disk]
kernel = "../kernel/out/bzImage"
rootfs = "testdata/disk.img"

[profile.both]
kernel = "../kernel/out/bzImage"
initrd = "testdata/rootfs.cpio.gz"
rootfs = "testdata/disk.img"

[profile.noinit]
kernel = "../kernel/out/bzImage"
initrd = "testdata/rootfs.cpio.gz"
]])

local INIT_RAN = [[
local function init_ran(vm)
  vm:wait_until(function() return vm:exec("test -s /run/init-name").ok end,
    { timeout = 30, desc = "the profile's init" })
  assert_eq("1", vm:read_file("/run/init-pid"):match("%d+"), "its init is PID 1")
  return vm:read_file("/run/init-name")
end
]]

-- tests/boot.lua: the quick start's test on the "minimal" profile
write(project .. "/tests/boot.lua", INIT_RAN .. [[
local vm = provium.create("minimal")
vm:boot()

local r = vm:exec("uname -r")
assert(r.ok, "uname failed")
assert_eq("testvm\n", vm:read_file("/etc/hostname"))    -- from rootfs.cpio.gz
assert_eq("sbin-init\n", init_ran(vm))                   -- init = "/sbin/init"

vm:shutdown()
]])

-- tests/kernel/syscalls.lua: a subdirectory inherits the project's provium.toml
write(project .. "/tests/kernel/syscalls.lua", INIT_RAN .. [[
local vm = provium.create("peinit")
vm:boot()
assert(vm:syscall(39) > 0)                               -- getpid
assert_contains(vm:exec("cat /proc/cmdline").stdout.value, "loglevel=7")
assert_eq("peinit\n", init_ran(vm))                      -- init = "/provium/peinit"
vm:shutdown()
]])

-- Initrd vs rootfs: the three configurations of the page's table
write(project .. "/tests/rootfs.lua", INIT_RAN .. [[
test("rootfs only: the kernel boots from the disk image", function()
  local vm = provium.create("disk")
  vm:boot()
  assert_eq("NAME=from-the-disk\n", vm:read_file("/etc/os-release"))
  assert_contains(vm:exec("cat /proc/cmdline").stdout.value, "root=/dev/vda")
  assert_eq("disk-init\n", init_ran(vm))                 -- init defaults to /sbin/init
  vm:shutdown()
end)

test("both: the initramfs for early boot, the disk image as a block device", function()
  local vm = provium.create("both")
  vm:boot()
  assert_eq("testvm\n", vm:read_file("/etc/hostname"))
  assert(vm:exec("test -b /dev/vda").ok)
  assert_eq("sbin-init\n", init_ran(vm))
  vm:shutdown()
end)

test("init defaults to /sbin/init", function()
  local vm = provium.create("noinit")
  vm:boot()
  assert_eq("sbin-init\n", init_ran(vm))
  vm:shutdown()
end)
]])

-- tests/helpers.lua: a helper library, discovered as a test, passes silently
write(project .. "/tests/helpers.lua", [[
local h = {}
function h.build_sid(authority, sub_authorities)
    local sid = provium.pack("u8 u8 u8 u8 u8 u8 u8 u8",
        1, #sub_authorities, 0, 0, 0, 0, 0, authority)
    for _, sa in ipairs(sub_authorities) do
        sid = sid .. provium.pack("u32", sa)
    end
    return sid
end
return h
]])

-- tests/syscalls.lua: "local h = dofile("tests/helpers.lua")", as the FAQ writes it
write(project .. "/tests/syscalls.lua", [[
local h = dofile("tests/helpers.lua")
local sid = h.build_sid(5, {18})
assert_eq(12, #sid)
]])

-- tests/fixtures/ready.lua: not a test; running it would fail
write(project .. "/tests/fixtures/ready.lua", 'error("fixtures/ is not run as tests")\n')

test("a project as the pages lay it out runs with 'provium test tests/' from its root", function()
  local out, code = reports.capture(string.format(
    "cd %s && env -u PROVIUM_EVENT_FD -u PROVIUM_CONFIG TMPDIR=%s %s/build/provium test " ..
    "--json --timeout 600 tests/ 2>%s/stderr", q(project), q(scratch), q(root), q(scratch)))
  local doc = json.decode(out)
  local seen = {}
  for _, f in ipairs(doc.files) do
    seen[#seen + 1] = f.path
    local msgs = {}
    for _, t in ipairs(f.tests) do msgs[#msgs + 1] = t.name .. ": " .. t.message end
    assert_eq("pass", f.status, f.path .. ": " .. tostring(f.error) .. "\n" ..
      table.concat(msgs, "\n") .. "\n" .. tostring(f.output))
  end
  table.sort(seen)
  -- every .lua below tests/, helpers.lua included, fixtures/ skipped
  assert_eq("tests/boot.lua tests/helpers.lua tests/kernel/syscalls.lua tests/rootfs.lua " ..
    "tests/syscalls.lua", table.concat(seen, " "))
  assert_eq(0, code, reports.slurp(scratch .. "/stderr"))
end)

test("relative paths are resolved against the directory of the provium.toml", function()
  local other = scratch .. "/deeper/down/provium.toml"
  write(other, '[profile.minimal]\nkernel = "../kernel/out/bzImage"\n')
  local ok, err = pcall(provium.create, "minimal", { config = other })
  assert(not ok, "../kernel was not looked for next to " .. other)
  assert_contains(err, scratch .. "/deeper/down/../kernel/out/bzImage")
  -- the project's own file finds it
  assert(pcall(provium.create, "minimal", { config = project .. "/provium.toml" }))
end)

os.execute("rm -rf " .. q(scratch))
