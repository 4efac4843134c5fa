/* test_proto.c - proto/proto.c: header, attribute codec, hostile frames */
#include <stdio.h>
#include <stdlib.h>

#include "../../proto/proto.h"
#include "unit.h"

/* the schema as proto.def states it, independent of proto.c's tables */
static const struct {
  unsigned int code;
  int kind;
  const char *name;
} schema[] = {
#define PROTO_MSG(name, code)
#define PROTO_ATTR(name, code, kind) { code, kind, #name },
#include "../../proto/proto.def"
#undef PROTO_MSG
#undef PROTO_ATTR
};

#define NSCHEMA  (sizeof(schema) / sizeof(schema[0]))

static size_t pad4 (size_t n) { return (n + 3) & ~(size_t)3; }

static uint32_t le32 (const uint8_t *p) {
  return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

static void put_le32 (uint8_t *p, uint32_t v) {
  p[0] = v; p[1] = v >> 8; p[2] = v >> 16; p[3] = v >> 24;
}

static int kind_of (unsigned int type) {
  size_t i;
  for (i = 0; i < NSCHEMA; i++)
    if (schema[i].code == type)
      return schema[i].kind;
  return 0;
}


/* Decode a finished frame in @b: header then payload; 0 or -1. */
static int frame_decode (const struct proto_buf *b, struct proto_msg *m,
                         char *err, size_t errlen) {
  struct proto_hdr h;
  if (!CHECK(b->len >= PROTO_HDR_LEN) || !CHECK(!b->oom))
    return -1;
  if (!CHECK_EQ_INT(proto_hdr_decode(b->data, &h), 0))
    return -1;
  if (!CHECK_EQ_INT(h.len, b->len - PROTO_HDR_LEN))
    return -1;
  return proto_decode(&h, b->data + PROTO_HDR_LEN, m, err, errlen);
}


static void header_round_trip (void) {
  static const uint8_t want[PROTO_HDR_LEN] = {
    0x00, 0x01, 0x00, 0x00, 0xD4, 0xC3, 0xB2, 0xA1, 0x04, 0x00, 0x01, 0x00,
  };
  struct proto_hdr h = { 0x100, 0xA1B2C3D4, PROTO_MSG_CALL, PROTO_F_ERROR };
  struct proto_hdr back;
  uint8_t raw[PROTO_HDR_LEN];
  proto_hdr_encode(raw, &h);
  CHECK_MEM(raw, want, PROTO_HDR_LEN);
  memset(&back, 0xFF, sizeof(back));
  CHECK_EQ_INT(proto_hdr_decode(raw, &back), 0);
  CHECK_EQ_INT(back.len, 0x100);
  CHECK_EQ_U64(back.id, 0xA1B2C3D4);
  CHECK_EQ_INT(back.type, PROTO_MSG_CALL);
  CHECK_EQ_INT(back.flags, PROTO_F_ERROR);
}


/* proto_hdr_decode of a header with @len and @type */
static int hdr_ok (uint32_t len, unsigned int type) {
  struct proto_hdr h = { len, 7, (uint16_t)type, 0 }, back;
  uint8_t raw[PROTO_HDR_LEN];
  proto_hdr_encode(raw, &h);
  return proto_hdr_decode(raw, &back);
}


static void header_rejects (void) {
  unsigned int t;
  CHECK_EQ_INT(hdr_ok(0, PROTO_MSG_PING), 0);
  CHECK_EQ_INT(hdr_ok(4, PROTO_MSG_PING), 0);
  CHECK_EQ_INT(hdr_ok(5, PROTO_MSG_PING), -1);
  CHECK_EQ_INT(hdr_ok(6, PROTO_MSG_PING), -1);
  CHECK_EQ_INT(hdr_ok(7, PROTO_MSG_PING), -1);
  CHECK_EQ_INT(hdr_ok(PROTO_MAX_PAYLOAD, PROTO_MSG_PING), 0);
  CHECK_EQ_INT(hdr_ok(PROTO_MAX_PAYLOAD + 4, PROTO_MSG_PING), -1);
  CHECK_EQ_INT(hdr_ok(0xFFFFFFFC, PROTO_MSG_PING), -1);
  CHECK_EQ_INT(hdr_ok(0, 0), -1);
  CHECK_EQ_INT(hdr_ok(0, PROTO_MSG__END), -1);
  CHECK_EQ_INT(hdr_ok(0, 0xFFFF), -1);
  for (t = 1; t < PROTO_MSG__END; t++)
    CHECK_EQ_INT(hdr_ok(8, t), 0);
}


static void names (void) {
  size_t i;
  CHECK_STR(proto_msg_name(PROTO_MSG_HELLO), "HELLO");
  CHECK_STR(proto_msg_name(PROTO_MSG_CALL), "CALL");
  CHECK_STR(proto_msg_name(PROTO_MSG_INSMOD), "INSMOD");
  CHECK_STR(proto_msg_name(0), "?");
  CHECK_STR(proto_msg_name(PROTO_MSG__END), "?");
  CHECK_STR(proto_attr_name(0), "?");
  CHECK_STR(proto_attr_name(PROTO_A_MAX + 1), "?");
  CHECK_STR(proto_attr_name(0xFFFFFFFF), "?");
  for (i = 0; i < NSCHEMA; i++)
    CHECK_STR(proto_attr_name(schema[i].code), schema[i].name);
}


/* the bytes every_attribute gives schema entry @i: 0..6 of them */
static size_t bytes_value (size_t i, uint8_t *v) {
  size_t n = i % 7, k;
  for (k = 0; k < n; k++)
    v[k] = (uint8_t)(i * 16 + k);  /* includes NUL bytes */
  return n;
}


static void every_attribute (void) {
  struct proto_buf b = { 0 };
  struct proto_msg m;
  char err[200] = "";
  size_t i, payload = 0;
  proto_begin(&b, PROTO_MSG_EXEC, 42, 0);
  for (i = 0; i < NSCHEMA; i++) {
    unsigned int c = schema[i].code;
    uint8_t v[8];
    size_t n;
    switch (schema[i].kind) {
      case PROTO_U32: proto_put_u32(&b, c, 0x80000000u | c); n = 4; break;
      case PROTO_U64:
        proto_put_u64(&b, c, UINT64_C(0xF000000000000000) | c); n = 8; break;
      case PROTO_STR:
        proto_put_str(&b, c, schema[i].name); n = strlen(schema[i].name); break;
      default: n = bytes_value(i, v); proto_put(&b, c, v, n); break;
    }
    payload += 8 + pad4(n);
  }
  if (!CHECK_EQ_INT(proto_finish(&b), 0))
    goto done;
  CHECK_EQ_INT(b.len, PROTO_HDR_LEN + payload);
  CHECK_EQ_INT(le32(b.data), payload);
  if (!CHECK_EQ_INT(frame_decode(&b, &m, err, sizeof(err)), 0)) {
    unit_note("%s", err);
    goto done;
  }
  CHECK_EQ_INT(m.hdr.id, 42);
  CHECK_EQ_INT(m.hdr.type, PROTO_MSG_EXEC);
  for (i = 0; i < NSCHEMA; i++) {
    unsigned int c = schema[i].code;
    uint8_t v[8];
    size_t n;
    char *s;
    if (!CHECK(proto_has(&m, c)))
      continue;
    /* value 4-byte aligned in the frame, padding zeroed */
    CHECK_EQ_INT((m.attr[c] - b.data) % 4, 0);
    for (n = m.attr_len[c]; n < pad4(m.attr_len[c]); n++)
      CHECK_EQ_INT(m.attr[c][n], 0);
    switch (schema[i].kind) {
      case PROTO_U32:
        CHECK_EQ_INT(m.attr_len[c], 4);
        CHECK_EQ_U64(proto_u32(&m, c, 0), 0x80000000u | c);
        CHECK_EQ_INT(m.attr[c][0], c);  /* little-endian */
        CHECK_EQ_INT(m.attr[c][3], 0x80);
        break;
      case PROTO_U64:
        CHECK_EQ_INT(m.attr_len[c], 8);
        CHECK_EQ_U64(proto_u64(&m, c, 0), UINT64_C(0xF000000000000000) | c);
        CHECK_EQ_INT(m.attr[c][7], 0xF0);
        CHECK_EQ_INT(m.attr[c][0], c);
        break;
      case PROTO_STR:
        s = proto_strdup(&m, c);
        CHECK_STR(s, schema[i].name);
        free(s);
        break;
      default:
        n = bytes_value(i, v);
        CHECK_EQ_INT(m.attr_len[c], n);
        CHECK_MEM(m.attr[c], v, n);
        break;
    }
  }
done:
  proto_buf_free(&b);
}


static void absent_defaults (void) {
  struct proto_buf b = { 0 };
  struct proto_msg m;
  char err[200] = "";
  proto_begin(&b, PROTO_MSG_PING, 1, 0);
  CHECK_EQ_INT(proto_finish(&b), 0);
  CHECK_EQ_INT(b.len, PROTO_HDR_LEN);
  if (CHECK_EQ_INT(frame_decode(&b, &m, err, sizeof(err)), 0)) {
    CHECK(!proto_has(&m, PROTO_A_VERSION));
    CHECK(!proto_has(&m, PROTO_A_MAX + 1));
    CHECK(!proto_has(&m, 0xFFFFFFFF));
    CHECK_EQ_INT(proto_u32(&m, PROTO_A_VERSION, 77), 77);
    CHECK_EQ_U64(proto_u64(&m, PROTO_A_OFFSET, UINT64_MAX), UINT64_MAX);
    CHECK(proto_strdup(&m, PROTO_A_PATH) == NULL);
  }
  proto_buf_free(&b);
}


static void repeated (void) {
  static const char *const argv[] = { "sh", "", "-c", "echo hi" };
  struct proto_buf b = { 0 };
  struct proto_msg m;
  char err[200] = "";
  const uint8_t *val;
  uint32_t len;
  size_t pos = 0, i;
  proto_begin(&b, PROTO_MSG_EXEC, 3, 0);
  for (i = 0; i < 4; i++) {
    proto_put_str(&b, PROTO_A_ARGV, argv[i]);
    if (i == 1)
      proto_put(&b, PROTO_A_STDIN, "in", 2);
  }
  proto_put_u32(&b, PROTO_A_TIMEOUT_MS, 5);
  CHECK_EQ_INT(proto_finish(&b), 0);
  if (!CHECK_EQ_INT(frame_decode(&b, &m, err, sizeof(err)), 0))
    goto done;
  /* proto_msg keeps the first occurrence */
  CHECK_EQ_INT(m.attr_len[PROTO_A_ARGV], 2);
  CHECK_MEM(m.attr[PROTO_A_ARGV], "sh", 2);
  for (i = 0; i < 4; i++) {
    if (!CHECK(proto_next(&m, PROTO_A_ARGV, &pos, &val, &len)))
      break;
    CHECK_EQ_INT(len, strlen(argv[i]));
    CHECK_MEM(val, argv[i], len);
  }
  CHECK_EQ_INT(proto_next(&m, PROTO_A_ARGV, &pos, &val, &len), 0);
  CHECK_EQ_INT(proto_next(&m, PROTO_A_ARGV, &pos, &val, &len), 0);
  pos = 0;
  CHECK_EQ_INT(proto_next(&m, PROTO_A_OUTBUF, &pos, &val, &len), 0);
  CHECK_EQ_INT(pos, m.hdr.len);
  pos = 0;
  CHECK_EQ_INT(proto_next(&m, PROTO_A_TIMEOUT_MS, &pos, &val, &len), 1);
  CHECK_EQ_INT(len, 4);
  CHECK_EQ_INT(le32(val), 5);
done:
  proto_buf_free(&b);
}


static void trim (void) {
  struct proto_buf b = { 0 };
  struct proto_msg m;
  char err[200] = "";
  uint8_t *v;
  proto_begin(&b, PROTO_MSG_READ_FILE, 9, 0);
  v = proto_reserve(&b, PROTO_A_DATA, 100);
  if (!CHECK(v != NULL))
    goto done;
  memset(v, 'x', 100);
  memcpy(v, "hello", 5);
  proto_trim(&b, v, 200);  /* growing is not trimming: no change */
  CHECK_EQ_INT(b.len, PROTO_HDR_LEN + 8 + 100);
  CHECK_EQ_INT(le32(v - 4), 100);
  proto_trim(&b, v, 5);
  CHECK_EQ_INT(b.len, PROTO_HDR_LEN + 8 + 8);
  CHECK_EQ_INT(le32(v - 4), 5);
  CHECK_MEM(v + 5, "\0\0\0", 3);  /* new padding zeroed */
  proto_put_u32(&b, PROTO_A_EOF, 1);
  CHECK_EQ_INT(proto_finish(&b), 0);
  CHECK_EQ_INT(le32(b.data), 8 + 8 + 8 + 4);
  if (CHECK_EQ_INT(frame_decode(&b, &m, err, sizeof(err)), 0)) {
    CHECK_EQ_INT(m.attr_len[PROTO_A_DATA], 5);
    CHECK_MEM(m.attr[PROTO_A_DATA], "hello", 5);
    CHECK_EQ_INT(proto_u32(&m, PROTO_A_EOF, 0), 1);
  }
  /* down to nothing */
  proto_begin(&b, PROTO_MSG_READ_FILE, 9, 0);
  v = proto_reserve(&b, PROTO_A_DATA, 13);
  if (CHECK(v != NULL)) {
    proto_trim(&b, v, 0);
    CHECK_EQ_INT(b.len, PROTO_HDR_LEN + 8);
    CHECK_EQ_INT(proto_finish(&b), 0);
    if (CHECK_EQ_INT(frame_decode(&b, &m, err, sizeof(err)), 0)) {
      CHECK(proto_has(&m, PROTO_A_DATA));
      CHECK_EQ_INT(m.attr_len[PROTO_A_DATA], 0);
    }
  }
done:
  proto_buf_free(&b);
}


static void limits (void) {
  struct proto_buf b = { 0 };
  CHECK_EQ_INT(proto_finish(&b), -1);  /* no header yet */
  proto_begin(&b, PROTO_MSG_WRITE_FILE, 1, 0);
  CHECK(proto_reserve(&b, PROTO_A_DATA, (size_t)PROTO_MAX_PAYLOAD + 1) == NULL);
  CHECK(b.oom);
  CHECK_EQ_INT(proto_finish(&b), -1);
  /* proto_begin starts over */
  proto_begin(&b, PROTO_MSG_WRITE_FILE, 1, 0);
  CHECK(!b.oom);
  proto_put_str(&b, PROTO_A_PATH, "/tmp/x");
  CHECK_EQ_INT(proto_finish(&b), 0);
  CHECK_EQ_INT(b.len, PROTO_HDR_LEN + 8 + 8);
  proto_buf_free(&b);
  CHECK(b.data == NULL && b.len == 0 && b.cap == 0);
}


/*
** Hostile payloads written byte by byte
*/

/* write one attribute header at @p */
static void attr_hdr (uint8_t *p, unsigned int type, uint32_t len) {
  p[0] = type; p[1] = type >> 8; p[2] = p[3] = 0;
  put_le32(p + 4, len);
}


/* proto_decode of @len payload bytes in an exact-size allocation */
static int decode_raw (const uint8_t *p, size_t len, char *err, size_t errlen) {
  struct proto_hdr h = { (uint32_t)len, 1, PROTO_MSG_PING, 0 };
  struct proto_msg m;
  uint8_t *copy = malloc(len ? len : 1);
  int rc;
  memcpy(copy, p, len);
  err[0] = '\0';
  rc = proto_decode(&h, copy, &m, err, errlen);
  free(copy);
  return rc;
}


static void malformed_header (void) {
  uint8_t p[32] = { 0 };
  char err[200];
  CHECK_EQ_INT(decode_raw(p, 0, err, sizeof(err)), 0);
  put_le32(p, PROTO_A_VERSION);
  CHECK_EQ_INT(decode_raw(p, 4, err, sizeof(err)), -1);
  CHECK_STR(err, "truncated attribute header at 0");
  /* one good u32 attribute, then 4 stray bytes */
  attr_hdr(p, PROTO_A_VERSION, 4);
  put_le32(p + 8, 1);
  CHECK_EQ_INT(decode_raw(p, 12, err, sizeof(err)), 0);
  put_le32(p + 12, PROTO_A_VERSION);
  CHECK_EQ_INT(decode_raw(p, 16, err, sizeof(err)), -1);
  CHECK_STR(err, "truncated attribute header at 12");
  /* reserved bytes */
  p[2] = 1;
  CHECK_EQ_INT(decode_raw(p, 12, err, sizeof(err)), -1);
  CHECK_STR(err, "attribute at 0: reserved bytes set");
  p[2] = 0;
  attr_hdr(p + 12, PROTO_A_EOF, 4);
  p[12 + 3] = 0x80;
  CHECK_EQ_INT(decode_raw(p, 24, err, sizeof(err)), -1);
  CHECK_STR(err, "attribute at 12: reserved bytes set");
}


static void malformed_length (void) {
  uint8_t p[32] = { 0 };
  char err[200];
  attr_hdr(p, PROTO_A_DATA, 4);
  CHECK_EQ_INT(decode_raw(p, 12, err, sizeof(err)), 0);
  attr_hdr(p, PROTO_A_DATA, 5);
  CHECK_EQ_INT(decode_raw(p, 12, err, sizeof(err)), -1);
  CHECK_STR(err, "attribute DATA: length 5 past the frame end");
  attr_hdr(p, PROTO_A_DATA, 100);
  CHECK_EQ_INT(decode_raw(p, 12, err, sizeof(err)), -1);
  CHECK_STR(err, "attribute DATA: length 100 past the frame end");
  attr_hdr(p, PROTO_A_DATA, 0xFFFFFFFF);
  CHECK_EQ_INT(decode_raw(p, 12, err, sizeof(err)), -1);
  CHECK_STR(err, "attribute DATA: length 4294967295 past the frame end");
  attr_hdr(p, PROTO_A_DATA, 0xFFFFFFF8);  /* would wrap a 32-bit sum */
  CHECK_EQ_INT(decode_raw(p, 12, err, sizeof(err)), -1);
  CHECK_HAS(err, "past the frame end");
}


static void malformed_type (void) {
  uint8_t p[16] = { 0 };
  char err[200], want[64];
  attr_hdr(p, 0, 4);
  CHECK_EQ_INT(decode_raw(p, 12, err, sizeof(err)), -1);
  CHECK_STR(err, "unknown attribute type 0");
  attr_hdr(p, PROTO_A_MAX + 1, 4);
  CHECK_EQ_INT(decode_raw(p, 12, err, sizeof(err)), -1);
  snprintf(want, sizeof(want), "unknown attribute type %d", PROTO_A_MAX + 1);
  CHECK_STR(err, want);
  attr_hdr(p, 0xFFFF, 4);
  CHECK_EQ_INT(decode_raw(p, 12, err, sizeof(err)), -1);
  CHECK_STR(err, "unknown attribute type 65535");
}


static void malformed_size (void) {
  uint8_t p[16] = { 0 };
  char err[200];
  attr_hdr(p, PROTO_A_VERSION, 3);
  CHECK_EQ_INT(decode_raw(p, 12, err, sizeof(err)), -1);
  CHECK_STR(err, "attribute VERSION: 3 bytes for a u32");
  attr_hdr(p, PROTO_A_VERSION, 0);
  CHECK_EQ_INT(decode_raw(p, 8, err, sizeof(err)), -1);
  CHECK_STR(err, "attribute VERSION: 0 bytes for a u32");
  attr_hdr(p, PROTO_A_EXIT_CODE, 8);
  CHECK_EQ_INT(decode_raw(p, 16, err, sizeof(err)), -1);
  CHECK_STR(err, "attribute EXIT_CODE: 8 bytes for a u32");
  attr_hdr(p, PROTO_A_OFFSET, 4);
  CHECK_EQ_INT(decode_raw(p, 12, err, sizeof(err)), -1);
  CHECK_STR(err, "attribute OFFSET: 4 bytes for a u64");
  attr_hdr(p, PROTO_A_OFFSET, 8);
  CHECK_EQ_INT(decode_raw(p, 16, err, sizeof(err)), 0);
  /* strings and bytes take any length, including 0 */
  attr_hdr(p, PROTO_A_PATH, 0);
  CHECK_EQ_INT(decode_raw(p, 8, err, sizeof(err)), 0);
  attr_hdr(p, PROTO_A_STDOUT, 7);
  CHECK_EQ_INT(decode_raw(p, 16, err, sizeof(err)), 0);
}


/*
** Mutation fuzzing: valid frames with bytes flipped, cut short and
** lengths corrupted; the decoder must reject them cleanly or accept
** only attributes that lie within the payload.
*/

#define FUZZ_ITER  200000
#define FUZZ_MAX   1024
#define NSEEDS     6

static uint64_t rng = UINT64_C(0x9E3779B97F4A7C15);

static uint64_t rnd (void) {  /* xorshift64* */
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return rng * UINT64_C(0x2545F4914F6CDD1D);
}

static uint32_t below (uint32_t n) {
  return n ? (uint32_t)(rnd() >> 32) % n : 0;
}


static void make_seeds (struct proto_buf *s) {
  uint8_t result[104] = { 1, 2, 3 };
  int i;
  memset(s, 0, NSEEDS * sizeof(*s));
  proto_begin(&s[0], PROTO_MSG_HELLO, 0, 0);
  proto_put_u32(&s[0], PROTO_A_VERSION, PROTO_VERSION);
  proto_put_str(&s[0], PROTO_A_KERNEL_RELEASE, "6.1.0-56-amd64");
  proto_put_u32(&s[0], PROTO_A_MODULE_DISPATCH, 1);
  proto_put_u64(&s[0], PROTO_A_BOOT_NS, 123456789);
  proto_begin(&s[1], PROTO_MSG_EXEC, 1, 0);
  proto_put_str(&s[1], PROTO_A_ARGV, "sh");
  proto_put_str(&s[1], PROTO_A_ARGV, "-c");
  proto_put_str(&s[1], PROTO_A_ARGV, "echo hi");
  proto_put(&s[1], PROTO_A_STDIN, "abc", 3);
  proto_put_u32(&s[1], PROTO_A_TIMEOUT_MS, 1000);
  proto_begin(&s[2], PROTO_MSG_CALL, 2, 0);
  proto_put(&s[2], PROTO_A_RESULT, result, sizeof(result));
  proto_put(&s[2], PROTO_A_OUTBUF, "abcdefgh", 8);
  proto_put(&s[2], PROTO_A_OUTBUF, "x", 1);
  proto_put(&s[2], PROTO_A_LOG, "", 0);
  proto_begin(&s[3], PROTO_MSG_READ_FILE, 3, 0);
  proto_put_str(&s[3], PROTO_A_PATH, "/proc/version");
  proto_put_u64(&s[3], PROTO_A_OFFSET, 0);
  proto_put_u64(&s[3], PROTO_A_LENGTH, UINT64_MAX);
  proto_begin(&s[4], PROTO_MSG_PING, 4, 0);
  proto_begin(&s[5], PROTO_MSG_WRITE_FILE, 5, PROTO_F_ERROR);
  proto_put_u32(&s[5], PROTO_A_ERRNO, 2);
  proto_put_str(&s[5], PROTO_A_MESSAGE, "no such file");
  proto_put(&s[5], PROTO_A_DATA, "\0\1\2\3\4", 5);
  for (i = 0; i < NSEEDS; i++)
    CHECK_EQ_INT(proto_finish(&s[i]), 0);
}


/* offsets of the attribute headers a tolerant walk finds in a frame */
static int attr_offsets (const uint8_t *buf, size_t n, size_t *at, int max) {
  size_t pos = PROTO_HDR_LEN;
  int k = 0;
  while (k < max && pos + 8 <= n) {
    uint32_t l = le32(buf + pos + 4);
    at[k++] = pos;
    if (l > n)
      break;
    pos += 8 + pad4(l);
  }
  return k;
}


/* a length worth trying where @room bytes would fit */
static uint32_t odd_length (uint32_t room) {
  static const uint32_t v[] = {
    0, 1, 3, 4, 5, 7, 8, 9, 0x7FFFFFFF, 0x80000000, 0xFFFFFFF8, 0xFFFFFFFC,
    0xFFFFFFFF, PROTO_MAX_PAYLOAD, PROTO_MAX_PAYLOAD + 4,
  };
  switch (below(3)) {
    case 0: return v[below(sizeof(v) / sizeof(v[0]))];
    case 1: return room + below(9) - 4;  /* around the exact fit */
    default: return (uint32_t)rnd();
  }
}


static void mutate (uint8_t *buf, size_t *n) {
  size_t at[64];
  int k = attr_offsets(buf, *n, at, 64);
  size_t a = k ? at[below(k)] : 0, i, more;
  switch (below(8)) {
    case 0:
      if (*n) buf[below(*n)] = (uint8_t)rnd();
      break;
    case 1:
      if (*n) buf[below(*n)] ^= (uint8_t)(1u << below(8));
      break;
    case 2:
      *n = below(*n + 1);
      break;
    case 3:
      if (k) put_le32(buf + a + 4, odd_length((uint32_t)(*n - a - 8)));
      break;
    case 4:
      if (*n >= 4) put_le32(buf, odd_length((uint32_t)(*n - PROTO_HDR_LEN)));
      break;
    case 5:
      more = 1 + below(16);
      if (*n + more > FUZZ_MAX)
        break;
      for (i = 0; i < more; i++)
        buf[*n + i] = (uint8_t)rnd();
      *n += more;
      if (below(2) && *n >= PROTO_HDR_LEN)
        put_le32(buf, (uint32_t)(*n - PROTO_HDR_LEN));
      break;
    case 6:
      if (k) {
        uint32_t t = below(4) ? below(PROTO_A_MAX + 4) : 0xFFFF;
        buf[a] = t; buf[a + 1] = t >> 8;
      }
      break;
    default:
      if (k) buf[a + 2 + below(2)] = (uint8_t)(1 + below(255));
      break;
  }
}


/* An accepted frame: every attribute inside the payload, as the schema says. */
static int verify_msg (const struct proto_msg *m, const uint8_t *p, size_t len) {
  unsigned int count[PROTO_A_MAX + 1] = { 0 }, t;
  const uint8_t *first[PROTO_A_MAX + 1] = { NULL };
  uint32_t first_len[PROTO_A_MAX + 1] = { 0 };
  size_t pos = 0;
  while (pos < len) {
    uint32_t l;
    int kind;
    if (!CHECK(len - pos >= 8))
      return 0;
    t = p[pos] | p[pos + 1] << 8;
    l = le32(p + pos + 4);
    kind = t <= PROTO_A_MAX ? kind_of(t) : 0;
    if (!CHECK(!p[pos + 2] && !p[pos + 3]) || !CHECK(l <= len - pos - 8) ||
        !CHECK(kind != 0) ||
        !CHECK((kind != PROTO_U32 || l == 4) && (kind != PROTO_U64 || l == 8)))
      return 0;
    if (!count[t]++) {
      first[t] = p + pos + 8;
      first_len[t] = l;
    }
    pos += 8 + pad4(l);
  }
  for (t = 1; t <= PROTO_A_MAX; t++) {
    const uint8_t *v;
    uint32_t l;
    size_t at = 0;
    unsigned int seen = 0;
    if (!CHECK(m->attr[t] == first[t]) ||
        (first[t] && !CHECK_EQ_INT(m->attr_len[t], first_len[t])))
      return 0;
    while (proto_next(m, t, &at, &v, &l)) {
      seen++;
      if (!CHECK(v >= p && l <= len && (size_t)(v - p) <= len - l))
        return 0;
    }
    if (!CHECK_EQ_INT(seen, count[t]))
      return 0;
  }
  return 1;
}


/* proto_decode of @len bytes as a payload of @h->type; 1 if accepted */
static int fuzz_decode (struct proto_hdr *h, const uint8_t *bytes, size_t len) {
  uint8_t *copy = malloc(len ? len : 1);  /* exact size: ASan sees overruns */
  struct proto_msg m;
  char err[200] = "";
  int rc;
  memcpy(copy, bytes, len);
  h->len = (uint32_t)len;
  rc = proto_decode(h, copy, &m, err, sizeof(err));
  if (rc == 0)
    verify_msg(&m, copy, len);
  else
    CHECK(rc == -1 && err[0] != '\0');
  free(copy);
  return rc == 0;
}


static void fuzz_one (const uint8_t *buf, size_t n, long *accepted,
                      long *rejected) {
  struct proto_hdr h = { 0, 0, PROTO_MSG_PING, 0 };
  if (n >= PROTO_HDR_LEN) {
    uint8_t *hdr = malloc(PROTO_HDR_LEN);
    memcpy(hdr, buf, PROTO_HDR_LEN);
    if (proto_hdr_decode(hdr, &h) == 0) {
      CHECK(h.len % 4 == 0 && h.len <= PROTO_MAX_PAYLOAD);
      CHECK(h.type != 0 && h.type < PROTO_MSG__END);
      if (h.len <= n - PROTO_HDR_LEN)  /* as the reader would have it */
        *(fuzz_decode(&h, buf + PROTO_HDR_LEN, h.len) ? accepted : rejected) += 1;
    }
    free(hdr);
    /* and the whole rest, whatever the header says */
    fuzz_decode(&h, buf + PROTO_HDR_LEN, n - PROTO_HDR_LEN);
  }
  else
    fuzz_decode(&h, buf, n);
}


static void fuzz (void) {
  struct proto_buf seed[NSEEDS];
  uint8_t buf[FUZZ_MAX];
  long accepted = 0, rejected = 0;
  int i, j;
  make_seeds(seed);
  for (i = 0; i < NSEEDS; i++) {  /* unmutated, all decode */
    long a = accepted;
    fuzz_one(seed[i].data, seed[i].len, &accepted, &rejected);
    CHECK_EQ_INT(accepted, a + 1);
  }
  for (i = 0; i < FUZZ_ITER; i++) {
    const struct proto_buf *s = &seed[below(NSEEDS)];
    size_t n = s->len;
    int muts = 1 + below(4);
    memcpy(buf, s->data, n);
    for (j = 0; j < muts; j++)
      mutate(buf, &n);
    fuzz_one(buf, n, &accepted, &rejected);
  }
  unit_note("%d mutated frames: %ld accepted, %ld rejected by the decoder "
            "(the rest by the header)", FUZZ_ITER, accepted, rejected);
  CHECK(accepted > FUZZ_ITER / 100);  /* both paths well exercised */
  CHECK(rejected > FUZZ_ITER / 10);
  for (i = 0; i < NSEEDS; i++)
    proto_buf_free(&seed[i]);
}


static const struct unit_case cases[] = {
  { "header round trip and byte layout", header_round_trip },
  { "header rejections", header_rejects },
  { "message and attribute names", names },
  { "round trip of every attribute", every_attribute },
  { "absent attributes and defaults", absent_defaults },
  { "repeated attributes via proto_next", repeated },
  { "proto_trim", trim },
  { "size limits and oom flag", limits },
  { "truncated header, reserved bytes", malformed_header },
  { "length past the frame end", malformed_length },
  { "unknown attribute type", malformed_type },
  { "wrong size for u32/u64", malformed_size },
  { "mutation fuzz", fuzz },
  { NULL, NULL }
};

const struct unit_suite unit_proto = { "proto", cases };
