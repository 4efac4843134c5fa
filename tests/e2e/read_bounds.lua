-- vm:read_file is bounded: without options it accepts at most 64 MiB and
-- fails past that (an endless device too) instead of reading forever;
-- max=, offset= and length= read more or part of a file; pipes are read in
-- order across chunks.
local vm = provium.create()
vm:boot()

local LIMIT = 64 * 1024 * 1024
local larger = "larger than " .. LIMIT .. " bytes (pass max= or length=)"

test("read_file of /dev/zero without options fails with the limit, not an endless read", function()
  local ok, err = pcall(vm.read_file, vm, "/dev/zero")
  assert(not ok, "read_file of /dev/zero returned")
  assert_contains(err, "read_file /dev/zero: " .. larger)
end)

test("read_file of /dev/urandom without options fails with the limit", function()
  local ok, err = pcall(vm.read_file, vm, "/dev/urandom")
  assert(not ok, "read_file of /dev/urandom returned")
  assert_contains(err, "read_file /dev/urandom: " .. larger)
end)

test("with length, an endless device gives exactly that many bytes", function()
  assert_eq(("\0"):rep(5), vm:read_file("/dev/zero", { length = 5 }))
  assert_eq(12345, #vm:read_file("/dev/urandom", { length = 12345 }))
  -- more than one chunk of the channel (4 MiB)
  assert_eq(9 * 1024 * 1024, #vm:read_file("/dev/zero", { length = 9 * 1024 * 1024 }))
  assert_eq("", vm:read_file("/dev/zero", { length = 0 }))
end)

test("a regular file over max fails at once from its size; max= lets it through", function()
  vm:exec("dd if=/dev/zero of=/tmp/ten bs=1k count=10 2>/dev/null")
  local ok, err = pcall(vm.read_file, vm, "/tmp/ten", { max = 10239 })
  assert(not ok)
  assert_contains(err, "read_file /tmp/ten: larger than 10239 bytes (pass max= or length=)")
  assert_eq(10240, #vm:read_file("/tmp/ten", { max = 10240 }))
end)

test("offset and length read part of a file; past its end is empty", function()
  vm:write_file("/tmp/abc", "abcdefghij")
  assert_eq("defg", vm:read_file("/tmp/abc", { offset = 3, length = 4 }))
  assert_eq("hij", vm:read_file("/tmp/abc", { offset = 7 }))
  assert_eq("hij", vm:read_file("/tmp/abc", { offset = 7, length = 100 }))
  assert_eq("", vm:read_file("/tmp/abc", { offset = 50 }))
  -- /proc files report size 0 and are read to their end
  assert_contains(vm:read_file("/proc/version"), "Linux version")
end)

test("a pipe is read in order across chunks, and stops at max", function()
  assert(vm:exec("mkfifo /tmp/fifo").ok)
  local job = vm:background("yes provium > /tmp/fifo")
  local n = 9 * 1024 * 1024 -- three requests, one stream
  local got = vm:read_file("/tmp/fifo", { length = n })
  assert_eq(n, #got)
  assert(got == ("provium\n"):rep(n // 8 + 1):sub(1, n), "bytes lost or repeated between chunks")
  -- done with the pipe: the writer is gone (SIGPIPE) once the agent closes it
  assert_eq(128 + 13, vm:job_wait(job).exit_code)
  job = vm:background("yes > /tmp/fifo")
  local ok, err = pcall(vm.read_file, vm, "/tmp/fifo", { max = 100000 })
  assert(not ok)
  assert_contains(err, "read_file /tmp/fifo: larger than 100000 bytes")
  assert_eq(128 + 13, vm:job_wait(job).exit_code)
  -- a pipe has no offsets
  job = vm:background("echo x > /tmp/fifo")
  ok, err = pcall(vm.read_file, vm, "/tmp/fifo", { offset = 1 })
  assert(not ok)
  assert_contains(err, "can only be read in order")
  vm:job_kill(job)
  vm:job_wait(job)
end)

test("bad options are errors naming the option", function()
  local cases = {
    { { max = -1 }, "opts.max must be an integer from 0 to 1073741824, got -1" },
    { { length = 1.5 }, "opts.length must be an integer" },
    { { offset = "x" }, "opts.offset must be an integer" },
    { { max = 2 ^ 40 }, "opts.max must be an integer from 0 to 1073741824" },
    { { lenght = 1 }, "unknown option lenght" },
    { 5, "options must be a table" },
  }
  for _, c in ipairs(cases) do
    local ok, err = pcall(vm.read_file, vm, "/proc/version", c[1])
    assert(not ok, "accepted " .. c[2])
    assert_contains(err, "vm:read_file: " .. c[2])
  end
end)
