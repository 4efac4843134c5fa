-- The original documentation's "Binary Packing" page
-- (kernel-testing/binary-packing), as written. Adapted: "Parsing a kernel
-- response" queries examples/sample_driver's device, whose query ioctl has
-- the KACS query's shape (0xC0104B00, {u32 class; u32 buf_len; u64 buf}).

local root = debug.getinfo(1, "S").source:match("^@(.*)/tests/compat/[^/]*$") or "."

test("packing", function()
  -- A struct with two u32 fields and one u64 field
  local data = provium.pack("u32 u32 u64", 1, 42, 0)
  -- data is a 16-byte string: [01 00 00 00] [2A 00 00 00] [00 00 00 00 00 00 00 00]
  assert_eq("\1\0\0\0\42\0\0\0\0\0\0\0\0\0\0\0", data)
end)

test("format types: sizes, ranges, little-endian", function()
  local sizes = { u8 = 1, u16 = 2, i16 = 2, u32 = 4, i32 = 4, u64 = 8, i64 = 8 }
  for f, n in pairs(sizes) do assert_eq(n, #provium.pack(f, 1), f) end
  assert_eq("\255", provium.pack("u8", 255))
  assert_eq("\255\255", provium.pack("u16", 65535))
  assert_eq("\0\128", provium.pack("i16", -32768))
  assert_eq("\255\255\255\255", provium.pack("u32", 4294967295))
  assert_eq("\0\0\0\128", provium.pack("i32", -2147483648))
  assert_eq(string.rep("\255", 8), provium.pack("i64", -1))
  assert_eq("\1\2", provium.pack("u16", 0x0201))
end)

test("unpacking", function()
  local data = provium.pack("u32 u32 u64", 1, 42, 0)
  local a, b, c = provium.unpack("u32 u32 u64", data)
  assert_eq(1, a)
  assert_eq(42, b)
  assert_eq(0, c)
  -- data too short for the format: an error
  assert(not pcall(provium.unpack, "u32 u32 u64", data:sub(1, 12)))
end)

test("concatenation", function()
  local count, authority, sub_authorities = 2, 5, { 32, 544 }
  -- Build a SID: revision, sub-authority count, authority, sub-authorities
  local sid = provium.pack("u8 u8 u8 u8 u8 u8 u8 u8",
      1, count, 0, 0, 0, 0, 0, authority)
  for _, sa in ipairs(sub_authorities) do
      sid = sid .. provium.pack("u32", sa)
  end
  assert_eq(16, #sid)
end)

-- "Practical examples", as the page defines them (globals, as written)
function build_sid(authority, sub_authorities)
    local count = #sub_authorities
    local sid = provium.pack("u8 u8 u8 u8 u8 u8 u8 u8",
        1, count, 0, 0, 0, 0, 0, authority)
    for _, sa in ipairs(sub_authorities) do
        sid = sid .. provium.pack("u32", sa)
    end
    return sid
end

function build_allow_ace(mask, sid)
    local ace_size = 4 + 4 + #sid
    -- Pad to 4-byte alignment
    while ace_size % 4 ~= 0 do ace_size = ace_size + 1 end
    local ace = provium.pack("u8 u8 u16 u32",
        0x00,       -- type: ACCESS_ALLOWED
        0x00,       -- flags
        ace_size,   -- size
        mask)       -- access mask
        .. sid
    while #ace < ace_size do ace = ace .. "\0" end
    return ace
end

function build_acl(aces)
    local ace_data = ""
    for _, ace in ipairs(aces) do
        ace_data = ace_data .. ace
    end
    local acl_size = 8 + #ace_data
    return provium.pack("u8 u8 u16 u16 u16",
        2,           -- revision
        0,           -- pad
        acl_size,    -- size
        #aces,       -- ace count
        0)           -- pad
        .. ace_data
end

test("building a SID", function()
  local SID_SYSTEM = build_sid(5, {18})          -- S-1-5-18
  local SID_EVERYONE = build_sid(1, {0})         -- S-1-1-0
  local SID_ADMINS = build_sid(5, {32, 544})     -- S-1-5-32-544
  assert_eq("\1\1\0\0\0\0\0\5\18\0\0\0", SID_SYSTEM)
  assert_eq(12, #SID_EVERYONE)
  assert_eq(16, #SID_ADMINS)
end)

test("building an ACE and an ACL", function()
  local ace = build_allow_ace(0x1F01FF, build_sid(1, {0}))
  assert_eq(20, #ace)
  local t, f, size, mask = provium.unpack("u8 u8 u16 u32", ace)
  assert_eq(0, t)
  assert_eq(0, f)
  assert_eq(20, size)
  assert_eq(0x1F01FF, mask)
  local acl = build_acl({ ace, ace })
  local rev, _, acl_size, n = provium.unpack("u8 u8 u16 u16", acl)
  assert_eq(2, rev)
  assert_eq(48, acl_size)
  assert_eq(2, n)
  assert_eq(48, #acl)
end)

test("parsing a kernel response", function()
  local vm = provium.create("minimal")
  vm:boot()
  vm:insmod(root .. "/examples/sample_driver/provium_sample.ko")
  local fd = vm:syscall_buf(provium.nr.openat, 1, "/dev/provium_sample\0", -100, 0, 2, 0)
  local KACS_IOC_QUERY, class = 0xC0104B00, 1
  local args = provium.pack("u32 u32 u64", class, 0, 0)

  local ret, out = vm:ioctl(fd, KACS_IOC_QUERY, args)
  assert(ret == 0)

  local class, buf_len = provium.unpack("u32 u32", out)
  assert_eq(1, class)
  assert_eq(#"provium-sample", buf_len)
  vm:shutdown()
end)

test("precision: u64 values are exact", function()
  -- the page warns that values above 2^53 may lose precision; with Lua 5.4's
  -- 64-bit integers they do not (see docs/migrating.md)
  local big = 0x8000000000000001
  assert_eq(big, (provium.unpack("u64", provium.pack("u64", big))))
  local privs = 0x4000000000000000 | 0x0000000000000004
  assert_eq(privs, (provium.unpack("u64", provium.pack("u64", privs))))
end)
