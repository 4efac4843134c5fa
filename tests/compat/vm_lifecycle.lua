-- The original documentation's "VM Lifecycle" page
-- (writing-tests/vm-lifecycle), as written. Adapted: the page's host paths
-- (/host/path/to/...) are files this test creates; "Multiple VMs" boots
-- from the "minimal" profile instead of the minimal_vfs fixture (fixtures
-- are tests/compat/fixtures.lua's).

local function sh(cmd)
  local p = assert(io.popen(cmd))
  local out = p:read("a")
  p:close()
  return (out:gsub("%s+$", ""))
end
local dir = sh("mktemp -d")
local function write(path, text)
  local f = assert(io.open(path, "w"))
  f:write(text)
  f:close()
end

test("creating a VM: a handle, not started yet", function()
  local vm = provium.create("minimal")
  assert_eq(false, vm:info().running)
  local ok, err = pcall(provium.create, "no-such-profile")
  assert(not ok)
  assert_contains(err, "no-such-profile")
end)

test("booting with hardware settings", function()
  local vm = provium.create("minimal")
  vm:boot({
      memory = "1G",
      cpus = 2,
  })
  assert_eq("2", vm:exec("nproc").stdout.trim())
  local kb = tonumber(vm:exec("sed -n 's/^MemTotal: *\\([0-9]*\\) kB/\\1/p' /proc/meminfo").stdout.trim())
  assert(kb > 900 * 1024 and kb <= 1024 * 1024, "MemTotal " .. kb .. " kB")
  vm:shutdown()
end)

test("injecting files", function()
  local config, tool = dir .. "/config.toml", dir .. "/mytool"
  write(config, "[server]\nport = 8080\n")
  write(tool, "#!/bin/sh\necho mytool ran\n")
  os.execute("chmod 755 " .. tool)
  local vm = provium.create("minimal")
  vm:boot({
      files = {
          ["/etc/config.toml"] = config,
          ["/usr/bin/mytool"] = tool,
      },
  })
  assert_eq("[server]\nport = 8080\n", vm:read_file("/etc/config.toml"))
  assert_eq("mytool ran", vm:exec("/usr/bin/mytool").stdout.trim())
  assert_eq("1", vm:exec("nproc").stdout.trim(), "1 CPU by default")
  vm:shutdown()
end)

test("attaching disks", function()
  local disk, data = dir .. "/disk.img", dir .. "/data.qcow2"
  assert(os.execute("truncate -s 1M " .. disk))
  assert(os.execute("qemu-img create -q -f qcow2 " .. data .. " 2M"))
  local vm = provium.create("minimal")
  vm:boot({
      disks = {
          {path = disk, format = "raw"},
          {path = data, format = "qcow2", readonly = true},
      },
  })
  -- /dev/vdX, in order: the raw image's size, the qcow2 image's virtual size
  assert_eq("1048576", vm:exec("blockdev --getsize64 /dev/vda").stdout.trim())
  assert_eq("2097152", vm:exec("blockdev --getsize64 /dev/vdb").stdout.trim())
  assert_eq("0", vm:exec("cat /sys/block/vda/ro").stdout.trim())
  assert_eq("1", vm:exec("cat /sys/block/vdb/ro").stdout.trim())
  -- writes to the raw disk reach the host file
  assert(vm:exec("echo on-disk | dd of=/dev/vda conv=notrunc 2>/dev/null").ok)
  vm:shutdown()
  assert_eq("on-disk", (assert(io.open(disk, "rb")):read(7)))
end)

test("a forceful kill, and shutdown all", function()
  local a, b = provium.create("minimal"), provium.create("minimal")
  a:boot()
  b:boot()
  local pid = a:info().qemu_pid
  a:kill()
  assert_eq(false, a:info().running)
  assert(not os.execute("kill -0 " .. pid .. " 2>/dev/null"), "QEMU is gone")
  provium.shutdown_all()
  assert_eq(false, b:info().running)
end)

test("multiple VMs", function()
  local vm1 = provium.create("minimal")
  local vm2 = provium.create("minimal")
  vm1:boot()
  vm2:boot()

  vm1:write_file("/tmp/id", "vm1")
  vm2:write_file("/tmp/id", "vm2")

  assert_eq(vm1:read_file("/tmp/id"), "vm1")
  assert_eq(vm2:read_file("/tmp/id"), "vm2")

  vm1:shutdown()
  vm2:shutdown()
  assert_eq(false, vm1:info().running)
end)

-- "Automatic cleanup": a VM left running is killed when the script ends
-- (tests/e2e checks that no QEMU outlives its script)
local leftover = provium.create("minimal")
leftover:boot()

os.execute("rm -rf " .. dir)
