/* test_pack.c - host/pack.c: provium.pack formats, ranges, byte layout */
#include <stdint.h>
#include <stdio.h>

#include "../../host/pack.h"
#include "unit.h"

/* one parsed field of type @name */
static struct pack_field field (const char *name) {
  struct pack_field f[1];
  char err[200] = "";
  memset(f, 0, sizeof(f));
  if (!CHECK_EQ_INT(pack_parse(name, f, 1, err, sizeof(err)), 1))
    unit_note("parse '%s': %s", name, err);
  return f[0];
}


static void parse_all (void) {
  static const struct { const char *name; int size, is_signed; } want[] = {
    { "u8", 1, 0 }, { "u16", 2, 0 }, { "i16", 2, 1 }, { "u32", 4, 0 },
    { "i32", 4, 1 }, { "u64", 8, 0 }, { "i64", 8, 1 },
  };
  struct pack_field f[PACK_MAX_FIELDS];
  char err[200] = "";
  int i, n = pack_parse("u8 u16 i16 u32 i32 u64 i64", f, PACK_MAX_FIELDS,
                        err, sizeof(err));
  if (!CHECK_EQ_INT(n, 7))
    return;
  for (i = 0; i < 7; i++) {
    CHECK_STR(f[i].name, want[i].name);
    CHECK_EQ_INT(f[i].size, want[i].size);
    CHECK_EQ_INT(f[i].is_signed, want[i].is_signed);
  }
  CHECK_EQ_INT(pack_size(f, n), 1 + 2 + 2 + 4 + 4 + 8 + 8);
}


static void parse_spacing (void) {
  struct pack_field f[8];
  char err[200] = "";
  CHECK_EQ_INT(pack_parse("", f, 8, err, sizeof(err)), 0);
  CHECK_EQ_INT(pack_parse(" \t ", f, 8, err, sizeof(err)), 0);
  CHECK_EQ_INT(pack_parse("\tu32  \t u8 ", f, 8, err, sizeof(err)), 2);
  CHECK_STR(f[0].name, "u32");
  CHECK_STR(f[1].name, "u8");
  CHECK_EQ_INT(pack_size(f, 2), 5);
  CHECK_EQ_INT(pack_size(f, 0), 0);
}


static void parse_unknown (void) {
  struct pack_field f[8];
  char err[200] = "";
  CHECK_EQ_INT(pack_parse("u32 x8 u8", f, 8, err, sizeof(err)), -1);
  CHECK_STR(err, "unknown field type 'x8' at field 2 "
                 "(known: u8 u16 i16 u32 i32 u64 i64)");
  /* a prefix or an extension of a known name is not that name */
  CHECK_EQ_INT(pack_parse("u3", f, 8, err, sizeof(err)), -1);
  CHECK_HAS(err, "'u3' at field 1");
  CHECK_EQ_INT(pack_parse("u8 u322", f, 8, err, sizeof(err)), -1);
  CHECK_HAS(err, "'u322' at field 2");
  CHECK_EQ_INT(pack_parse("U8", f, 8, err, sizeof(err)), -1);
  CHECK_EQ_INT(pack_parse("u8,u8", f, 8, err, sizeof(err)), -1);
  CHECK_HAS(err, "'u8,u8'");
}


static void parse_too_many (void) {
  struct pack_field f[2];
  char err[200] = "";
  CHECK_EQ_INT(pack_parse("u8 u8", f, 2, err, sizeof(err)), 2);
  CHECK_EQ_INT(pack_parse("u8 u8 u8", f, 2, err, sizeof(err)), -1);
  CHECK_STR(err, "more than 2 fields");
}


/* pack_check of @v against @type: 0 accepted, -1 rejected */
static int check (const char *type, int64_t v, char *err, size_t errlen) {
  struct pack_field f = field(type);
  err[0] = '\0';
  return pack_check(&f, v, err, errlen);
}


static void range_unsigned (void) {
  char err[200];
  CHECK_EQ_INT(check("u8", 0, err, sizeof(err)), 0);
  CHECK_EQ_INT(check("u8", 255, err, sizeof(err)), 0);
  CHECK_EQ_INT(check("u8", 256, err, sizeof(err)), -1);
  CHECK_STR(err, "value 256 out of range 0..255");
  CHECK_EQ_INT(check("u8", -1, err, sizeof(err)), -1);
  CHECK_STR(err, "value -1 out of range 0..255");
  CHECK_EQ_INT(check("u16", 0, err, sizeof(err)), 0);
  CHECK_EQ_INT(check("u16", 65535, err, sizeof(err)), 0);
  CHECK_EQ_INT(check("u16", 65536, err, sizeof(err)), -1);
  CHECK_STR(err, "value 65536 out of range 0..65535");
  CHECK_EQ_INT(check("u16", -1, err, sizeof(err)), -1);
  CHECK_EQ_INT(check("u32", 0, err, sizeof(err)), 0);
  CHECK_EQ_INT(check("u32", 4294967295LL, err, sizeof(err)), 0);
  CHECK_EQ_INT(check("u32", 4294967296LL, err, sizeof(err)), -1);
  CHECK_STR(err, "value 4294967296 out of range 0..4294967295");
  CHECK_EQ_INT(check("u32", -1, err, sizeof(err)), -1);
  CHECK_EQ_INT(check("u32", INT64_MIN, err, sizeof(err)), -1);
  CHECK_EQ_INT(check("u32", INT64_MAX, err, sizeof(err)), -1);
}


static void range_signed (void) {
  char err[200];
  CHECK_EQ_INT(check("i16", 0, err, sizeof(err)), 0);
  CHECK_EQ_INT(check("i16", -32768, err, sizeof(err)), 0);
  CHECK_EQ_INT(check("i16", 32767, err, sizeof(err)), 0);
  CHECK_EQ_INT(check("i16", 32768, err, sizeof(err)), -1);
  CHECK_STR(err, "value 32768 out of range -32768..32767");
  CHECK_EQ_INT(check("i16", -32769, err, sizeof(err)), -1);
  CHECK_STR(err, "value -32769 out of range -32768..32767");
  CHECK_EQ_INT(check("i32", INT32_MIN, err, sizeof(err)), 0);
  CHECK_EQ_INT(check("i32", INT32_MAX, err, sizeof(err)), 0);
  CHECK_EQ_INT(check("i32", (int64_t)INT32_MAX + 1, err, sizeof(err)), -1);
  CHECK_STR(err, "value 2147483648 out of range -2147483648..2147483647");
  CHECK_EQ_INT(check("i32", (int64_t)INT32_MIN - 1, err, sizeof(err)), -1);
}


/* 64-bit fields take every Lua integer: u64 as its bit pattern */
static void range_64 (void) {
  static const int64_t v[] = { 0, 1, -1, INT64_MIN, INT64_MAX };
  char err[200];
  size_t i;
  for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
    CHECK_EQ_INT(check("u64", v[i], err, sizeof(err)), 0);
    CHECK_EQ_INT(check("i64", v[i], err, sizeof(err)), 0);
  }
}


/* put @v as @type into a canaried buffer, compare bytes, read it back */
static void put_expect (const char *type, int64_t v, const char *bytes,
                        int64_t back) {
  struct pack_field f = field(type);
  uint8_t buf[10];
  memset(buf, 0xAA, sizeof(buf));
  pack_put(&f, v, buf + 1);
  CHECK_MEM(buf + 1, bytes, f.size);
  if (!CHECK(buf[0] == 0xAA && buf[1 + f.size] == 0xAA))
    unit_note("%s put wrote outside its %d bytes", type, f.size);
  CHECK_EQ_INT(pack_get(&f, buf + 1), back);
}


static void little_endian (void) {
  put_expect("u8", 0xAB, "\xAB", 0xAB);
  put_expect("u16", 0x1234, "\x34\x12", 0x1234);
  put_expect("i16", 0x1234, "\x34\x12", 0x1234);
  put_expect("u32", 0x12345678, "\x78\x56\x34\x12", 0x12345678);
  put_expect("i32", -2, "\xFE\xFF\xFF\xFF", -2);
  put_expect("i16", -2, "\xFE\xFF", -2);
  put_expect("u64", 0x0102030405060708LL,
             "\x08\x07\x06\x05\x04\x03\x02\x01", 0x0102030405060708LL);
  put_expect("i64", -0x0102030405060708LL,
             "\xF8\xF8\xF9\xFA\xFB\xFC\xFD\xFE", -0x0102030405060708LL);
}


/* u64 keeps all 64 bits, also where a double would round */
static void u64_exact (void) {
  struct pack_field f = field("u64");
  uint8_t buf[8];
  put_expect("u64", (int64_t)UINT64_C(0xFFFFFFFFFFFFFFFF),
             "\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFF", -1);
  put_expect("u64", (int64_t)((UINT64_C(1) << 53) + 1),
             "\x01\x00\x00\x00\x00\x00\x20\x00",
             (int64_t)((UINT64_C(1) << 53) + 1));
  put_expect("u64", (int64_t)(UINT64_C(1) << 63),
             "\x00\x00\x00\x00\x00\x00\x00\x80", INT64_MIN);
  pack_put(&f, (int64_t)UINT64_C(0xFFFFFFFFFFFFFFFF), buf);
  CHECK_EQ_U64(pack_get(&f, buf), UINT64_C(0xFFFFFFFFFFFFFFFF));
  pack_put(&f, (int64_t)((UINT64_C(1) << 53) + 1), buf);
  CHECK_EQ_U64(pack_get(&f, buf), (UINT64_C(1) << 53) + 1);
  pack_put(&f, (int64_t)(UINT64_C(1) << 63), buf);
  CHECK_EQ_U64(pack_get(&f, buf), UINT64_C(1) << 63);
}


static void sign_extension (void) {
  struct pack_field i16 = field("i16"), u16 = field("u16");
  struct pack_field i32 = field("i32"), u32 = field("u32");
  CHECK_EQ_INT(pack_get(&i16, (const uint8_t *)"\xFF\x7F"), 32767);
  CHECK_EQ_INT(pack_get(&i16, (const uint8_t *)"\x00\x80"), -32768);
  CHECK_EQ_INT(pack_get(&i16, (const uint8_t *)"\xFF\xFF"), -1);
  CHECK_EQ_INT(pack_get(&u16, (const uint8_t *)"\xFF\xFF"), 65535);
  CHECK_EQ_INT(pack_get(&u16, (const uint8_t *)"\x00\x80"), 32768);
  CHECK_EQ_INT(pack_get(&i32, (const uint8_t *)"\xFF\xFF\xFF\x7F"), INT32_MAX);
  CHECK_EQ_INT(pack_get(&i32, (const uint8_t *)"\x00\x00\x00\x80"), INT32_MIN);
  CHECK_EQ_INT(pack_get(&i32, (const uint8_t *)"\xFE\xFF\xFF\xFF"), -2);
  CHECK_EQ_INT(pack_get(&u32, (const uint8_t *)"\xFF\xFF\xFF\xFF"),
               4294967295LL);
  CHECK_EQ_INT(pack_get(&u32, (const uint8_t *)"\x00\x00\x00\x80"),
               2147483648LL);
}


/* every in-range value of each narrow type survives put/get */
static void round_trip_ranges (void) {
  static const char *const types[] = { "u8", "u16", "i16", "u32", "i32" };
  static const int64_t probes[] = {
    0, 1, -1, 127, 128, 255, 256, -128, -129, 32767, 32768, -32768, -32769,
    65535, 65536, INT32_MAX, (int64_t)INT32_MAX + 1, INT32_MIN,
    4294967295LL, 4294967296LL,
  };
  char err[200];
  size_t t, i;
  int ok = 1;
  for (t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
    struct pack_field f = field(types[t]);
    for (i = 0; i < sizeof(probes) / sizeof(probes[0]); i++) {
      uint8_t buf[8];
      if (pack_check(&f, probes[i], err, sizeof(err)))
        continue;
      pack_put(&f, probes[i], buf);
      if (pack_get(&f, buf) != probes[i]) {
        ok = 0;
        unit_note("%s: %" PRId64 " came back as %" PRId64, types[t],
                  probes[i], pack_get(&f, buf));
      }
    }
  }
  CHECK(ok);
}


static const struct unit_case cases[] = {
  { "parse every format", parse_all },
  { "parse whitespace and empty", parse_spacing },
  { "unknown type error text", parse_unknown },
  { "field limit", parse_too_many },
  { "unsigned range boundaries", range_unsigned },
  { "signed range boundaries", range_signed },
  { "64-bit fields take any integer", range_64 },
  { "put/get little-endian layout", little_endian },
  { "u64 exact over the full range", u64_exact },
  { "sign extension of i16/i32", sign_extension },
  { "round trip of in-range values", round_trip_ranges },
  { NULL, NULL }
};

const struct unit_suite unit_pack = { "pack", cases };
