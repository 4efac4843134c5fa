-- The original documentation's "Running Commands" page
-- (writing-tests/running-commands), as written. Adapted where the page
-- reads files a stock guest does not have: /proc/meminfo.json is read from
-- /tmp, /etc/hostname is written first, and the "kacs:" kernel log lines come
-- from /dev/kmsg instead of the KACS module.

local vm = provium.create("minimal")
vm:boot()

test("executing commands: the result table", function()
  local r = vm:exec("ls -la /tmp")
  assert_eq("boolean", type(r.ok))
  assert_eq("number", type(r.exit_code))
  assert(r.ok)
  assert_eq(0, r.exit_code)
  assert_eq("string", type(r.stdout.value))
  assert_eq("string", type(r.stderr.value))
end)

test("string wrappers", function()
  local r = vm:exec("echo '  prefix pattern  '")
  -- Raw string access
  local output = r.stdout.value
  assert_eq("  prefix pattern  \n", output)

  -- Helper methods
  assert_eq(true, r.stdout.contains("pattern"))      -- returns true/false
  assert_eq(false, r.stdout.starts_with("prefix"))   -- returns true/false
  assert_eq(true, r.stdout.starts_with("  prefix"))
  assert_eq("prefix pattern", r.stdout.trim())       -- returns trimmed string
end)

test("common patterns", function()
  -- Check a command succeeded
  local r = vm:exec("whoami")
  assert(r.ok, "whoami failed: " .. r.stderr.value)

  -- Check output contains a substring
  local r = vm:exec("cat /proc/version")
  assert_contains(r.stdout.value, "Linux", "not Linux")

  -- Use exit code for control flow
  local found
  local r = vm:exec("test -f /tmp/marker")
  if r.ok then
      -- file exists
      found = true
  end
  assert_eq(nil, found)
  vm:exec("touch /tmp/marker")
  assert(vm:exec("test -f /tmp/marker").ok)
end)

test("parsing JSON output", function()
  -- /proc/meminfo.json is the page's own file; a guest's /proc is the kernel's
  local r = vm:exec("echo '{\"total\": 262144}' > /tmp/meminfo.json")
  assert(r.ok)
  local info = vm:json("cat /tmp/meminfo.json")
  assert(info.total > 0, "no memory reported")

  -- a failing command or output that is not JSON raises an error
  assert(not pcall(vm.json, vm, "cat /no/such.json"))
  assert(not pcall(vm.json, vm, "echo not json"))
end)

test("reading and writing files", function()
  vm:write_file("/tmp/config.toml", '[server]\nport = 8080')
  assert_eq('[server]\nport = 8080', vm:read_file("/tmp/config.toml"))

  vm:write_file("/etc/hostname", "testvm\n")
  local data = vm:read_file("/etc/hostname")
  assert_eq(data, "testvm\n")
end)

test("inspecting kernel logs", function()
  local log = vm:dmesg()
  assert_contains(log, "Linux version")

  vm:exec("echo 'kacs: initialized' > /dev/kmsg")
  local kacs_log = vm:dmesg("kacs:")
  assert_contains(kacs_log, "initialized")
end)

test("mounting virtual filesystems", function()
  vm:mount_vfs()
  -- idempotent
  vm:mount_vfs()
  for _, m in ipairs({ "/proc", "/sys", "/sys/kernel/security", "/dev" }) do
    assert(vm:exec("grep -q ' " .. m .. " ' /proc/mounts").ok, m .. " is not mounted")
  end
end)

vm:shutdown()
