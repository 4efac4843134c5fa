-- provium.pack / provium.unpack: every format, exact 64-bit values, and
-- errors that name the field. No VM needed.
test("every format packs little-endian with its size", function()
  assert_eq("\x01", provium.pack("u8", 1))
  assert_eq("\x34\x12", provium.pack("u16", 0x1234))
  assert_eq("\xfe\xff", provium.pack("i16", -2))
  assert_eq("\x78\x56\x34\x12", provium.pack("u32", 0x12345678))
  assert_eq("\xff\xff\xff\xff", provium.pack("i32", -1))
  assert_eq("\x08\x07\x06\x05\x04\x03\x02\x01", provium.pack("u64", 0x0102030405060708))
  assert_eq(string.rep("\xff", 8), provium.pack("i64", -1))
  assert_eq(1 + 2 + 2 + 4 + 4 + 8 + 8, #provium.pack("u8 u16 i16 u32 i32 u64 i64", 0, 0, 0, 0, 0, 0, 0))
end)

test("u64 is exact across the whole range", function()
  for _, v in ipairs({ 0, 1, (1 << 53) + 1, math.maxinteger, math.mininteger, -1 }) do
    local back = provium.unpack("u64", provium.pack("u64", v))
    assert_eq(v, back)
  end
  -- 2^53 + 1 is where doubles lose precision
  assert_eq("\x01\x00\x00\x00\x00\x00\x20\x00", provium.pack("u64", (1 << 53) + 1))
  assert_eq(string.rep("\xff", 8), provium.pack("u64", 0xFFFFFFFFFFFFFFFF))
  assert(math.ult(1 << 63, provium.unpack("u64", string.rep("\xff", 8))))
end)

test("signed fields sign-extend on unpack", function()
  local a, b, c = provium.unpack("i16 i32 i64", provium.pack("i16 i32 i64", -3, -70000, -5))
  assert_eq(-3, a)
  assert_eq(-70000, b)
  assert_eq(-5, c)
  local u16, u32 = provium.unpack("u16 u32", "\xff\xff\xff\xff\xff\xff")
  assert_eq(0xffff, u16)
  assert_eq(0xffffffff, u32)
end)

test("out-of-range values are errors naming the field", function()
  local cases = {
    { "u8", 256, "field 1 (u8)" }, { "u8", -1, "out of range 0..255" },
    { "u16 u16", 1, 65536, "field 2 (u16)" }, { "i16", 32768, "-32768..32767" },
    { "u32", -1, "field 1 (u32)" }, { "i32", 2147483648, "field 1 (i32)" },
  }
  for _, c in ipairs(cases) do
    local expect = table.remove(c)
    local ok, err = pcall(provium.pack, table.unpack(c))
    assert(not ok, "packing " .. c[1] .. " should fail")
    assert_contains(err, expect)
  end
  local ok, err = pcall(provium.pack, "u32", "7")
  assert(not ok)
  assert_contains(err, "integer expected")
  ok, err = pcall(provium.pack, "u32", 1.5)
  assert(not ok)
  assert_contains(err, "field 1 (u32)")
end)

test("formats and arity are checked", function()
  local ok, err = pcall(provium.pack, "u24", 1)
  assert(not ok)
  assert_contains(err, "unknown field type 'u24'")
  ok, err = pcall(provium.pack, "u32 u32", 1)
  assert(not ok)
  assert_contains(err, "2 fields but 1 values")
end)

test("too-short data is an error naming the field", function()
  local ok, err = pcall(provium.unpack, "u32 u64", "\0\0\0\0\0\0\0")
  assert(not ok)
  assert_contains(err, "field 2 (u64)")
  assert_contains(err, "7 bytes")
end)
