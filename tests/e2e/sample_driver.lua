-- The sample driver (examples/sample_driver, built by "make sample") tested
-- the way a driver author would: load the module, open /dev/provium_sample
-- with a raw openat, then drive every ioctl with binary structs and
-- embedded pointers. The seed ioctl page's examples, verbatim, are
-- tests/e2e/seeds.lua's.
local NR, E = provium.nr, provium.errno

local here = debug.getinfo(1, "S").source:gsub("^@", ""):match("^(.*)/[^/]*$") or "."
package.path = here .. "/../lib/?.lua;" .. package.path
local host = require("host")

-- the numbers provium_sample.h builds with _IOWR/_IOW
local KSAMPLE_IOC_QUERY = 0xC0104B00 -- _IOWR('K', 0, struct ksample_query), 16 bytes
local KSAMPLE_IOC_MULTI = provium.IOWR("K", 1, 32)
local KSAMPLE_IOC_SUM = provium.IOW("K", 2, 16)
local KSAMPLE_IOC_NESTED = provium.IOWR("K", 3, 16)

local CLASS_NAME, CLASS_IDENT, CLASS_TABLE = 1, 2, 3
local NAME = "provium-sample"
local TABLE_LEN = 8
local ITEM = "u64 u32 u32 u64" -- struct ksample_item: in, in_len, out_len, out

local vm = provium.create()
vm:boot()
-- as 'make sample' built it, or built for this kernel (--profile)
local KO, why = require("sample").modules(vm, host.repo_root())
if not KO then
  test("the sample driver", function() skip(why) end)
  return
end
vm:insmod(KO)
local fd = vm:syscall_buf(provium.nr.openat, 1, "/dev/provium_sample\0", -100, 0, 2)
assert(fd >= 0, "openat /dev/provium_sample: " .. fd)

local function table_values()
  local t = {}
  for i = 1, TABLE_LEN do t[i] = i * i end
  return t
end

-- both steps of a query (step 1 learns the size, step 2 passes a buffer
-- that big); returns the data, the struct after step 2 and that size
local function query(class)
  local ret, out = vm:ioctl(fd, KSAMPLE_IOC_QUERY, provium.pack("u32 u32 u64", class, 0, 0))
  assert_eq(0, ret, "size query for class " .. class)
  local _, needed = provium.unpack("u32 u32", out)
  local ret2, struct_out, data = vm:ioctl_buf(fd, KSAMPLE_IOC_QUERY,
    provium.pack("u32 u32 u64", class, needed, 0),
    { { ptr_offset = 8, buf_len = needed, output = true } })
  assert_eq(0, ret2, "data query for class " .. class)
  return data, struct_out, needed
end

-- a KSAMPLE_IOC_MULTI call with output buffers of @name_len and @table_len
-- bytes behind the pointers at offsets 8 and 24: ret, struct, name, table
local function multi(name_len, table_len)
  return vm:ioctl_buf(fd, KSAMPLE_IOC_MULTI,
    provium.pack("u32 u32 u64 u32 u32 u64", name_len, 0, 0, table_len, 0, 0), {
      { ptr_offset = 8, buf_len = name_len, output = true },
      { ptr_offset = 24, buf_len = table_len, output = true },
    })
end

-- a KSAMPLE_IOC_NESTED call for a list of {input, out_len}: the struct,
-- the items array and the specs that point the items at their buffers
local function nested_call(list, lenkey)
  local items, ptrs = {}, {}
  for i, it in ipairs(list) do
    local input, out_len = it[1], it[2]
    items[i] = provium.pack(ITEM, 0, #input, out_len, 0)
    local at = (i - 1) * 24
    ptrs[#ptrs + 1] = { ptr_offset = at, [lenkey] = #input, data = input }
    ptrs[#ptrs + 1] = { ptr_offset = at + 16, [lenkey] = out_len, output = true }
  end
  items = table.concat(items)
  return provium.pack("u64 u32 u32", 0, #list, 0), items, ptrs
end

local function expect_transformed(list, items_out, outs)
  for i, it in ipairs(list) do
    local input, out_len = it[1], it[2]
    local _, in_len, written = provium.unpack(ITEM, items_out:sub((i - 1) * 24 + 1))
    assert_eq(#input, in_len, "item " .. i .. " in_len")
    assert_eq(#input, written, "item " .. i .. " out_len after the call")
    assert_eq(out_len, #outs[i], "item " .. i .. " output buffer size")
    assert_eq(input:reverse():upper(), outs[i]:sub(1, #input), "item " .. i .. " output")
    assert_eq(string.rep("\0", out_len - #input), outs[i]:sub(#input + 1),
      "item " .. i .. " bytes past the output")
  end
end

test("ioctl numbers are the ones provium_sample.h defines", function()
  assert_eq(0xC0104B00, provium.IOWR("K", 0, 16))
  assert_eq(0xC0204B01, KSAMPLE_IOC_MULTI)
  assert_eq(0x40104B02, KSAMPLE_IOC_SUM)
  assert_eq(0xC0104B03, KSAMPLE_IOC_NESTED)
end)

test("the device opens with a raw openat, in the module executor", function()
  assert(fd >= 3, "unexpected fd " .. fd)
  assert_eq("module", vm:last_call().executor)
end)

test("query class 1 returns the name; buf_len and the pointer are written back", function()
  local data, struct_out, needed = query(CLASS_NAME)
  assert_eq("module", vm:last_call().executor)
  assert_eq(#NAME, needed)
  assert_eq(NAME, data)
  local c, written, ptr = provium.unpack("u32 u32 u64", struct_out)
  assert_eq(CLASS_NAME, c)
  assert_eq(#NAME, written, "buf_len after the call")
  assert(ptr ~= 0, "the guest pointer was not patched into the struct")
end)

test("query class 2 returns the caller's pid and uid", function()
  local data = query(CLASS_IDENT)
  assert_eq(8, #data)
  local pid, uid = provium.unpack("u32 u32", data)
  assert_eq(vm:syscall(NR.getpid), pid)
  assert_eq(vm:syscall(NR.getuid), uid)
end)

test("query class 3 returns an array of u32", function()
  local data = query(CLASS_TABLE)
  assert_eq(TABLE_LEN * 4, #data)
  local got = { provium.unpack(string.rep("u32 ", TABLE_LEN), data) }
  for i, v in ipairs(table_values()) do assert_eq(v, got[i], "table[" .. (i - 1) .. "]") end
end)

test("an unknown class is EINVAL, in both steps", function()
  local ret = vm:ioctl(fd, KSAMPLE_IOC_QUERY, provium.pack("u32 u32 u64", 99, 0, 0))
  assert_eq(-22, ret)
  assert_eq(-E.EINVAL, ret)
  local ret2 = vm:ioctl_buf(fd, KSAMPLE_IOC_QUERY, provium.pack("u32 u32 u64", 0, 64, 0),
    { { ptr_offset = 8, buf_len = 64, output = true } })
  assert_eq(-E.EINVAL, ret2)
end)

test("a too-small buffer is ERANGE and buf_len reports the size needed", function()
  local ret, struct_out, data = vm:ioctl_buf(fd, KSAMPLE_IOC_QUERY,
    provium.pack("u32 u32 u64", CLASS_NAME, 4, 0),
    { { ptr_offset = 8, buf_len = 4, output = true } })
  assert_eq(-E.ERANGE, ret)
  local _, needed = provium.unpack("u32 u32", struct_out)
  assert_eq(#NAME, needed)
  assert_eq("\0\0\0\0", data, "nothing is written to a short buffer")
end)

test("multiple embedded buffers at offsets 8 and 24, outputs in spec order", function()
  local ret, struct_out, name_out, table_out = multi(256, 128)
  assert_eq(0, ret)
  assert_eq(256, #name_out)
  assert_eq(128, #table_out)
  assert_eq(NAME, name_out:sub(1, #NAME))
  assert_eq(string.rep("\0", 256 - #NAME), name_out:sub(#NAME + 1))
  local got = { provium.unpack(string.rep("u32 ", TABLE_LEN), table_out) }
  for i, v in ipairs(table_values()) do assert_eq(v, got[i], "table[" .. (i - 1) .. "]") end
  local name_len, _, p1, table_len, _, p2 = provium.unpack("u32 u32 u64 u32 u32 u64", struct_out)
  assert_eq(#NAME, name_len)
  assert_eq(TABLE_LEN * 4, table_len)
  assert(p1 ~= 0 and p2 ~= 0 and p1 ~= p2, "both pointers patched")
end)

test("multiple buffers: one too small is ERANGE with both sizes reported", function()
  local ret, struct_out, a, b = multi(64, 8)
  assert_eq(-E.ERANGE, ret)
  local name_len, _, _, table_len = provium.unpack("u32 u32 u64 u32", struct_out)
  assert_eq(#NAME, name_len)
  assert_eq(TABLE_LEN * 4, table_len)
  assert_eq(string.rep("\0", 64), a, "nothing copied")
  assert_eq(string.rep("\0", 8), b, "nothing copied")
end)

test("SUM of an input buffer is the ioctl's result", function()
  local function sum_of(n, seed)
    local bytes, sum, x = {}, 0, seed
    for i = 1, n do
      x = (x * 1103515245 + 12345) % 2147483648
      bytes[i] = string.char(x >> 16 & 0xff)
      sum = sum + (x >> 16 & 0xff)
    end
    return table.concat(bytes), sum
  end
  for _, n in ipairs({ 1, 300, 65536 }) do
    local bytes, sum = sum_of(n, n)
    local ret, struct_out = vm:ioctl_buf(fd, KSAMPLE_IOC_SUM, provium.pack("u64 u32 u32", 0, n, 0),
      { { ptr_offset = 0, buf_len = n, data = bytes } })
    assert_eq(sum, ret, "sum of " .. n .. " bytes")
    assert_eq(nil, struct_out, "an _IOW ioctl returns no struct")
  end
  assert_eq(0, vm:ioctl(fd, KSAMPLE_IOC_SUM, provium.pack("u64 u32 u32", 0, 0, 0)))
  assert_eq("module", vm:last_call().executor)
end)

test("SUM refuses more than 64 KiB and a non-zero reserved field", function()
  local n = 65537
  local ret = vm:ioctl_buf(fd, KSAMPLE_IOC_SUM, provium.pack("u64 u32 u32", 0, n, 0),
    { { ptr_offset = 0, buf_len = n, data = string.rep("\1", n) } })
  assert_eq(-E.E2BIG, ret)
  ret = vm:ioctl_buf(fd, KSAMPLE_IOC_SUM, provium.pack("u64 u32 u32", 0, 4, 1),
    { { ptr_offset = 0, buf_len = 4, data = "abcd" } })
  assert_eq(-E.EINVAL, ret)
end)

local LIST = {
  { "hello", 5 },
  { "Provium sample, 2 levels deep!", 48 },
  { "x", 1 },
}

test("nested pointers through ptrs: struct -> items -> in/out buffers", function()
  local struct, items, ptrs = nested_call(LIST, "buf_len")
  local r = { vm:ioctl_buf(fd, KSAMPLE_IOC_NESTED, struct, {
    { ptr_offset = 0, buf_len = #items, data = items, output = true, ptrs = ptrs },
  }) }
  assert_eq(0, r[1])
  assert_eq("module", vm:last_call().executor)
  local items_ptr, count = provium.unpack("u64 u32", r[2])
  assert(items_ptr ~= 0, "items pointer patched")
  assert_eq(#LIST, count)
  -- outputs in spec order: the items array, then each item's out buffer
  assert_eq(2 + 1 + #LIST, #r)
  expect_transformed(LIST, r[3], { table.unpack(r, 4) })
end)

test("the same nested call through vm:syscall_ptr (ioctl = 16)", function()
  local struct, items, ptrs = nested_call(LIST, "data_len")
  local r = { vm:syscall_ptr(16, { [2] = struct }, {
    { buf_idx = 2, ptr_offset = 0, data_len = #items, data = items, output = true,
      ptrs = ptrs },
  }, fd, KSAMPLE_IOC_NESTED) }
  assert_eq(0, r[1])
  assert_eq("module", vm:last_call().executor)
  assert_eq(16, #r[2], "the struct argument after the call")
  expect_transformed(LIST, r[3], { table.unpack(r, 4) })
end)

test("nested: a short out buffer is ERANGE, out_len set, nothing written", function()
  local list = { { "abc", 3 }, { "hello", 2 } }
  local struct, items, ptrs = nested_call(list, "buf_len")
  local ret, _, items_out, out1, out2 = vm:ioctl_buf(fd, KSAMPLE_IOC_NESTED, struct, {
    { ptr_offset = 0, buf_len = #items, data = items, output = true, ptrs = ptrs },
  })
  assert_eq(-E.ERANGE, ret)
  local _, _, len1 = provium.unpack(ITEM, items_out)
  local _, _, len2 = provium.unpack(ITEM, items_out:sub(25))
  assert_eq(3, len1, "a big enough item keeps its out_len")
  assert_eq(5, len2, "out_len is the size needed")
  assert_eq("\0\0\0", out1, "no out buffer is written")
  assert_eq("\0\0", out2, "no out buffer is written")
end)

test("nested: bounds on count, reserved and unknown commands", function()
  assert_eq(-E.E2BIG, vm:ioctl(fd, KSAMPLE_IOC_NESTED, provium.pack("u64 u32 u32", 0, 17, 0)))
  assert_eq(-E.EINVAL, vm:ioctl(fd, KSAMPLE_IOC_NESTED, provium.pack("u64 u32 u32", 0, 1, 1)))
  assert_eq(0, vm:ioctl(fd, KSAMPLE_IOC_NESTED, provium.pack("u64 u32 u32", 0, 0, 0)))
  -- items pointing nowhere: the driver must fault cleanly, not oops
  assert_eq(-E.EFAULT, vm:ioctl(fd, KSAMPLE_IOC_NESTED, provium.pack("u64 u32 u32", 0, 1, 0)))
  assert_eq(-E.ENOTTY, vm:ioctl(fd, provium.IOWR("K", 9, 16), string.rep("\0", 16)))
end)

test("bad pointer specs are refused on the host, before the guest", function()
  local pid = vm:syscall(NR.getpid)
  local args = provium.pack("u32 u32 u64", CLASS_NAME, 16, 0)
  local cases = {
    { { { ptr_offset = 4, buf_len = 16, output = true } }, "is not 8-byte aligned" },
    { { { ptr_offset = 16, buf_len = 16, output = true } },
      "specs[1]: offset 16 + 8 does not fit in its 16-byte buffer" },
    { { { ptr_offset = 8, buf_len = 16, output = true },
        { ptr_offset = 8, buf_len = 16, output = true } },
      "specs[1] and specs[2] patch the same offset 8" },
    { { { ptr_offset = 8, buf_len = 2, data = "abc" } }, "specs[1]: 3 bytes of data do not fit its length 2" },
    { { { ptr_offset = 8, buf_len = 48, data = string.rep("\0", 48),
          ptrs = { { ptr_offset = 44, buf_len = 1 } } } },
      "specs[1].ptrs[1]: offset 44 is not 8-byte aligned" },
  }
  for i, c in ipairs(cases) do
    local ok, err = pcall(vm.ioctl_buf, vm, fd, KSAMPLE_IOC_QUERY, args, c[1])
    assert(not ok, "case " .. i .. " was accepted")
    assert_contains(err, "vm:ioctl_buf: ", "case " .. i)
    assert_contains(err, c[2], "case " .. i)
  end
  -- a syscall_ptr spec sized with ioctl_buf's key would be a 0-byte buffer
  local ok, err = pcall(vm.syscall_ptr, vm, 16, { [2] = args }, {
    { buf_idx = 2, ptr_offset = 8, data_len = 16, output = true },
    { buf_idx = 2, ptr_offset = 0, buf_len = 16, output = true },
  }, fd, KSAMPLE_IOC_QUERY)
  assert(not ok, "buf_len in a syscall_ptr spec was accepted")
  assert_contains(err, "vm:syscall_ptr: specs[2]: buf_len is not a field here, use data_len")
  ok, err = pcall(vm.ioctl_buf, vm, fd, KSAMPLE_IOC_QUERY, args,
    { { ptr_offset = 8, data_len = 16, output = true } })
  assert(not ok, "data_len in an ioctl_buf spec was accepted")
  assert_contains(err, "vm:ioctl_buf: specs[1]: data_len is not a field here, use buf_len")
  -- none of these reached the guest: the last call is still getpid
  assert_eq(pid, vm:last_call().ret)
end)

test("close the device", function()
  assert_eq(0, vm:syscall(NR.close, fd))
  assert_eq(-E.EBADF, vm:syscall(NR.close, fd))
end)

vm:shutdown()
