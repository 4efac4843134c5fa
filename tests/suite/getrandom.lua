-- getrandom: fills exactly the bytes asked for, differently each time;
-- GRND_NONBLOCK and GRND_INSECURE are accepted, bad flags and pointers are not.
local NR, E = provium.nr, provium.errno
local GRND_NONBLOCK, GRND_RANDOM, GRND_INSECURE = 1, 2, 4
local vm = provium.create()
vm:boot()

local function getrandom(n, flags, buflen)
  return vm:syscall_buf(NR.getrandom, 0, string.rep("\0", buflen or n), 0, n, flags or 0)
end

-- a 64-byte buffer of uniform random bytes: at least 40 distinct values is
-- all but certain (a constant or zeroed buffer has one)
local function distinct(s)
  local seen, n = {}, 0
  for i = 1, #s do
    local b = s:byte(i)
    if not seen[b] then seen[b], n = true, n + 1 end
  end
  return n
end

test("getrandom fills the whole buffer, and two calls differ", function()
  local n1, a = getrandom(64)
  local n2, b = getrandom(64)
  assert_eq(64, n1)
  assert_eq(64, n2)
  assert(distinct(a) >= 40, "only " .. distinct(a) .. " distinct bytes")
  assert(a ~= b, "two calls returned the same bytes")
end)

test("only the count asked for is written: the rest of the buffer stays as it was", function()
  local n, buf = vm:syscall_buf(NR.getrandom, 0, string.rep("\xaa", 32), 0, 16, 0)
  assert_eq(16, n)
  assert_eq(string.rep("\xaa", 16), buf:sub(17), "bytes past the count")
  assert_eq(0, (getrandom(0, 0, 8)), "count 0")
end)

test("GRND_NONBLOCK, GRND_INSECURE and GRND_RANDOM are accepted on a booted guest", function()
  -- the guest's crng is initialised by the time the agent answers
  assert_eq(64, (getrandom(64, GRND_NONBLOCK)))
  assert_eq(64, (getrandom(64, GRND_INSECURE)))
  local n = getrandom(64, GRND_RANDOM | GRND_NONBLOCK)
  assert_eq(64, n)
end)

test("unknown flags and GRND_INSECURE|GRND_RANDOM are -EINVAL; a bad pointer -EFAULT", function()
  assert_eq(-E.EINVAL, (getrandom(16, 8)))
  assert_eq(-E.EINVAL, (getrandom(16, GRND_INSECURE | GRND_RANDOM)))
  assert_eq(-E.EFAULT, vm:syscall(NR.getrandom, 16, 16, 0))
end)

vm:shutdown()
