/* test_call.c - host/call.c: checking, encoding and decoding calls */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "../../kmod/provium_desc.h"
#include "../../host/call.h"
#include "unit.h"

/* a spec of @n argument-less buffers of @len bytes each */
static void spec_init (struct call_spec *s, unsigned int n, size_t len) {
  unsigned int i;
  memset(s, 0, sizeof(*s));
  s->nbufs = n;
  for (i = 0; i < n; i++) {
    s->bufs[i].arg = PROVIUM_ARG_NONE;
    s->bufs[i].len = len;
  }
}


static void add_patch (struct call_spec *s, unsigned int buf, size_t offset,
                       unsigned int target) {
  struct call_patch *p = &s->patches[s->npatches++];
  p->buf = buf;
  p->offset = offset;
  p->target = target;
}


/* call_check's verdict on @s must be @want ("" = accepted) */
#define CHECK_SPEC(s, want) do { \
  char err_[300] = ""; \
  int rc_ = call_check(s, err_, sizeof(err_)); \
  CHECK_EQ_INT(rc_, (want)[0] ? -1 : 0); \
  CHECK_STR(err_, want); \
} while (0)


static void accepted (void) {
  struct call_spec s;
  spec_init(&s, 0, 0);
  CHECK_SPEC(&s, "");
  spec_init(&s, 2, 16);
  s.bufs[0].arg = 0;
  s.bufs[1].arg = 5;
  CHECK_SPEC(&s, "");
  spec_init(&s, 2, 16);
  s.bufs[0].arg = 2;
  add_patch(&s, 0, 8, 1);  /* the last 8 bytes exactly */
  CHECK_SPEC(&s, "");
  s.bufs[0].len = s.bufs[0].data_len = PROVIUM_MAX_BUF_LEN;
  CHECK_SPEC(&s, "");
}


static void bad_arg (void) {
  struct call_spec s;
  spec_init(&s, 1, 8);
  s.bufs[0].arg = 6;
  CHECK_SPEC(&s, "buffer 1: argument index 6 outside 0-5");
  s.bufs[0].arg = -2;
  CHECK_SPEC(&s, "buffer 1: argument index -2 outside 0-5");
  spec_init(&s, 3, 8);
  s.bufs[0].arg = 0;
  s.bufs[1].arg = 3;
  s.bufs[2].arg = 3;
  CHECK_SPEC(&s, "two buffers for argument 3");
}


static void bad_len (void) {
  struct call_spec s;
  char want[200];
  spec_init(&s, 2, 8);
  s.bufs[0].arg = 0;
  s.bufs[1].arg = 1;
  s.bufs[1].data = (const uint8_t *)"0123456789";
  s.bufs[1].data_len = 10;
  CHECK_SPEC(&s, "buffer 2: 10 bytes of data do not fit its length 8");
  s.bufs[1].data_len = 8;
  CHECK_SPEC(&s, "");
  s.bufs[1].data_len = 0;
  s.bufs[1].len = (size_t)PROVIUM_MAX_BUF_LEN + 1;
  snprintf(want, sizeof(want), "buffer 2 is %zu bytes, the limit is %u",
           (size_t)PROVIUM_MAX_BUF_LEN + 1, PROVIUM_MAX_BUF_LEN);
  CHECK_SPEC(&s, want);
  CHECK_HAS(want, "16777217");  /* 16 MiB + 1, as the uapi promises */
}


static void bad_total (void) {
  struct call_spec s;
  unsigned int i;
  spec_init(&s, 5, PROVIUM_MAX_BUF_LEN);  /* 80 MiB, over 64 */
  for (i = 0; i < 5; i++)
    s.bufs[i].arg = (int)i;
  {
    char err[300] = "";
    CHECK_EQ_INT(call_check(&s, err, sizeof(err)), -1);
    CHECK_HAS(err, "buffers total ");
    CHECK_HAS(err, "the limit is 67108864");
  }
}


static void bad_patch_place (void) {
  struct call_spec s;
  spec_init(&s, 2, 16);
  s.bufs[0].arg = 0;
  add_patch(&s, 0, 4, 1);
  CHECK_SPEC(&s, "pointer 1: offset 4 is not 8-byte aligned");
  s.patches[0].offset = 16;
  CHECK_SPEC(&s, "pointer 1: offset 16 + 8 does not fit in its 16-byte buffer");
  s.patches[0].offset = 8;
  s.bufs[0].len = 12;
  CHECK_SPEC(&s, "pointer 1: offset 8 + 8 does not fit in its 12-byte buffer");
  s.bufs[0].len = 0;
  s.patches[0].offset = 0;
  CHECK_SPEC(&s, "pointer 1: offset 0 + 8 does not fit in its 0-byte buffer");
  /* an offset that wraps around when 8 is added */
  s.bufs[0].len = 16;
  s.patches[0].offset = SIZE_MAX - 7;
  {
    char err[300] = "";
    CHECK_EQ_INT(call_check(&s, err, sizeof(err)), -1);
    CHECK_HAS(err, "pointer 1: offset ");
    CHECK_HAS(err, "does not fit in its 16-byte buffer");
  }
  s.patches[0].offset = 0;
  s.patches[0].target = 2;
  CHECK_SPEC(&s, "pointer 1 refers to a missing buffer");
  s.patches[0].target = 1;
  s.patches[0].buf = 7;
  CHECK_SPEC(&s, "pointer 1 refers to a missing buffer");
}


static void bad_patch_graph (void) {
  struct call_spec s;
  spec_init(&s, 3, 16);
  s.bufs[0].arg = 0;
  add_patch(&s, 0, 8, 1);
  add_patch(&s, 0, 8, 2);
  CHECK_SPEC(&s, "pointer 1 and pointer 2 patch the same offset 8");
  s.patches[1].offset = 0;
  s.patches[1].target = 1;
  CHECK_SPEC(&s, "pointer 2: buffer 2 is already reached by an argument or "
                 "another pointer");
  s.npatches = 1;
  CHECK_SPEC(&s, "buffer 3 is reached by no argument and no pointer");
  add_patch(&s, 1, 0, 0);  /* to the argument buffer */
  CHECK_SPEC(&s, "pointer 2: buffer 1 is already reached by an argument or "
                 "another pointer");
}


/* the caller's names (vm.lua's "specs[1].ptrs[2]") replace "buffer N"/"pointer N" */
static void named (void) {
  struct call_spec s;
  spec_init(&s, 3, 16);
  s.bufs[0].arg = 2;
  s.bufs[1].name = "specs[1]";
  s.bufs[2].name = "specs[2]";
  add_patch(&s, 0, 8, 1);
  add_patch(&s, 0, 8, 2);
  s.patches[0].name = "specs[1]";
  s.patches[1].name = "specs[2]";
  CHECK_SPEC(&s, "specs[1] and specs[2] patch the same offset 8");
  s.patches[1].offset = 4;
  CHECK_SPEC(&s, "specs[2]: offset 4 is not 8-byte aligned");
  s.patches[1].offset = 16;
  CHECK_SPEC(&s, "specs[2]: offset 16 + 8 does not fit in its 16-byte buffer");
  s.patches[1].offset = 0;
  s.bufs[2].data = (const uint8_t *)"0123456789abcdefg";
  s.bufs[2].data_len = 17;
  CHECK_SPEC(&s, "specs[2]: 17 bytes of data do not fit its length 16");
  s.bufs[2].data_len = 0;
  s.patches[1].target = 1;
  CHECK_SPEC(&s, "specs[2]: specs[1] is already reached by an argument or "
                 "another pointer");
  s.patches[1].name = NULL;  /* names are per entry */
  CHECK_SPEC(&s, "pointer 2: specs[1] is already reached by an argument or "
                 "another pointer");
  s.npatches = 1;
  CHECK_SPEC(&s, "specs[2] is reached by no argument and no pointer");
}


static void too_many (void) {
  struct call_spec s;
  spec_init(&s, 0, 0);
  s.nbufs = PROVIUM_MAX_BUFS + 1;
  CHECK_SPEC(&s, "65 buffers, the limit is 64");
  s.nbufs = 0;
  s.npatches = PROVIUM_MAX_PATCHES + 1;
  CHECK_SPEC(&s, "65 pointers, the limit is 64");
}


/*
** Encoding: arg buffer A -> pointer to B -> pointer to C
*/

static void nested_spec (struct call_spec *s) {
  static const uint8_t b_data[8] = "BBBBBBBB";
  spec_init(s, 4, 0);
  s->nr = 0x123;
  s->args[0] = 7;
  s->args[2] = UINT64_MAX;
  s->args[5] = UINT64_C(0x8000000000000001);
  s->bufs[0].arg = 1;  /* A: two pointer slots */
  s->bufs[0].len = 16;
  s->bufs[1].len = 24;  /* B: data, then a pointer at 8 */
  s->bufs[1].data = b_data;
  s->bufs[1].data_len = 8;
  s->bufs[1].out = 1;
  s->bufs[2].len = 5;  /* C */
  s->bufs[2].data = (const uint8_t *)"hello";
  s->bufs[2].data_len = 5;
  s->bufs[2].out = 1;
  s->bufs[3].arg = 4;  /* D: empty */
  add_patch(s, 0, 0, 1);
  add_patch(s, 1, 8, 2);
}


/* Encode @s in a CALL frame; the description copied to aligned memory. */
static struct provium_call *encode (const struct call_spec *s, size_t *size,
                                    char *err, size_t errlen) {
  struct proto_buf b = { 0 };
  struct proto_msg m;
  struct proto_hdr h;
  struct provium_call *c = NULL;
  proto_begin(&b, PROTO_MSG_CALL, 1, 0);
  if (call_encode(s, &b, err, errlen))
    goto done;
  if (!CHECK_EQ_INT(proto_finish(&b), 0) ||
      !CHECK_EQ_INT(proto_hdr_decode(b.data, &h), 0) ||
      !CHECK_EQ_INT(proto_decode(&h, b.data + PROTO_HDR_LEN, &m, err, errlen), 0) ||
      !CHECK(proto_has(&m, PROTO_A_DESC)))
    goto done;
  *size = m.attr_len[PROTO_A_DESC];
  c = malloc(*size);  /* aligned for any type, and exact for ASan */
  memcpy(c, m.attr[PROTO_A_DESC], *size);
done:
  proto_buf_free(&b);
  return c;
}


static void encode_nested (void) {
  /* offsets from the uapi layout: tables, then 8-aligned data */
  size_t tables = sizeof(struct provium_call) + 4 * sizeof(struct provium_buf) +
                  2 * sizeof(struct provium_patch);
  size_t off[4], size, i;
  uint8_t zero[24] = { 0 };
  const struct provium_buf *tb;
  const struct provium_patch *tp;
  struct provium_call *c;
  struct call_spec s;
  char err[300] = "";
  const uint8_t *d;
  CHECK_EQ_INT(sizeof(struct provium_call), 112);
  CHECK_EQ_INT(sizeof(struct provium_buf), 16);
  CHECK_EQ_INT(sizeof(struct provium_patch), 16);
  off[0] = (tables + 7) & ~(size_t)7;
  off[1] = (off[0] + 16 + 7) & ~(size_t)7;
  off[2] = (off[1] + 24 + 7) & ~(size_t)7;
  off[3] = (off[2] + 5 + 7) & ~(size_t)7;
  nested_spec(&s);
  c = encode(&s, &size, err, sizeof(err));
  if (!CHECK(c != NULL)) {
    unit_note("%s", err);
    return;
  }
  d = (const uint8_t *)c;
  CHECK_EQ_INT(provium_desc_check(c), 0);
  CHECK_EQ_INT(c->size, size);
  CHECK_EQ_INT(size, off[3]);
  CHECK_EQ_INT(c->version, PROVIUM_UAPI_VERSION);
  CHECK_EQ_INT(c->flags, 0);
  CHECK_EQ_INT(c->nbufs, 4);
  CHECK_EQ_INT(c->npatches, 2);
  CHECK_EQ_U64(c->nr, 0x123);
  CHECK_EQ_U64(c->args[0], 7);
  CHECK_EQ_U64(c->args[1], 0);
  CHECK_EQ_U64(c->args[2], UINT64_MAX);
  CHECK_EQ_U64(c->args[5], UINT64_C(0x8000000000000001));
  CHECK_EQ_INT(c->ret, 0);
  CHECK_EQ_INT(c->status, 0);
  tb = provium_desc_bufs(c);
  tp = provium_desc_patches(c);
  for (i = 0; i < 4; i++) {
    CHECK_EQ_INT(tb[i].offset, off[i]);
    CHECK_EQ_INT(tb[i].len, s.bufs[i].len);
    CHECK_EQ_INT(tb[i].flags, s.bufs[i].out ? PROVIUM_BUF_OUT : 0);
    CHECK_EQ_INT(tb[i].arg, s.bufs[i].arg);
  }
  CHECK_EQ_INT(tp[0].buf, 0);
  CHECK_EQ_INT(tp[0].offset, 0);
  CHECK_EQ_INT(tp[0].target, 1);
  CHECK_EQ_INT(tp[0].reserved, 0);
  CHECK_EQ_INT(tp[1].buf, 1);
  CHECK_EQ_INT(tp[1].offset, 8);
  CHECK_EQ_INT(tp[1].target, 2);
  CHECK_EQ_INT(tp[1].reserved, 0);
  /* data copied, the rest of each buffer and the gaps zero */
  CHECK_MEM(d + off[0], zero, 16);
  CHECK_MEM(d + off[1], "BBBBBBBB", 8);
  CHECK_MEM(d + off[1] + 8, zero, 16);
  CHECK_MEM(d + off[2], "hello", 5);
  CHECK_MEM(d + off[2] + 5, zero, off[3] - off[2] - 5);
  free(c);
}


/* what vm:set_trace asks the module to record travels in the header */
static void encode_flags (void) {
  struct call_spec s;
  struct provium_call *c;
  char err[300] = "";
  size_t size;
  spec_init(&s, 0, 0);
  s.flags = PROVIUM_CALL_ERRNO | PROVIUM_CALL_GRAPH;
  c = encode(&s, &size, err, sizeof(err));
  if (CHECK(c != NULL))
    CHECK_EQ_INT(c->flags, PROVIUM_CALL_ERRNO | PROVIUM_CALL_GRAPH);
  free(c);
  s.flags = 1u << 2;
  c = encode(&s, &size, err, sizeof(err));
  CHECK(c == NULL);
  CHECK_HAS(err, "unknown call flags 0x4");
  free(c);
}


static void encode_rejects (void) {
  struct call_spec s;
  struct provium_call *c;
  char err[300] = "";
  size_t size;
  /* two non-argument buffers pointing at each other */
  spec_init(&s, 3, 8);
  s.bufs[0].arg = 0;
  add_patch(&s, 1, 0, 2);
  add_patch(&s, 2, 0, 1);
  CHECK_SPEC(&s, "");  /* each reached once: only the graph is wrong */
  c = encode(&s, &size, err, sizeof(err));
  CHECK(c == NULL);
  CHECK_HAS(err, "call description rejected: ");
  CHECK_HAS(err, "(pointer cycle)");
  free(c);
  /* a buffer pointing at itself */
  spec_init(&s, 2, 8);
  s.bufs[0].arg = 0;
  add_patch(&s, 1, 0, 1);
  err[0] = '\0';
  c = encode(&s, &size, err, sizeof(err));
  CHECK(c == NULL);
  CHECK_HAS(err, "(pointer cycle)");
  free(c);
  /* a rejected call leaves the frame as it was */
  {
    struct proto_buf b = { 0 };
    proto_begin(&b, PROTO_MSG_CALL, 1, 0);
    CHECK_EQ_INT(call_encode(&s, &b, err, sizeof(err)), -1);
    CHECK_EQ_INT(b.len, PROTO_HDR_LEN);
    proto_buf_free(&b);
  }
  /* call_check's own errors come through unchanged */
  spec_init(&s, 1, 8);
  s.bufs[0].arg = 9;
  err[0] = '\0';
  c = encode(&s, &size, err, sizeof(err));
  CHECK(c == NULL);
  CHECK_STR(err, "buffer 1: argument index 9 outside 0-5");
  free(c);
}


/*
** Decoding a CALL reply
*/

/*
** A reply for nested_spec: RESULT and LOG, then the OUTBUFs of B (@b_len
** bytes) and C as @nout > 0, > 1, and TIMED_OUT if @nout > 2.
*/
static int reply (struct proto_buf *b, struct proto_msg *m, int nout,
                  size_t b_len) {
  struct provium_call res;
  struct proto_hdr h;
  uint8_t bbuf[32];
  char err[200] = "";
  memset(&res, 0, sizeof(res));
  res.ret = -4;
  res.kernel_ret = -PROVIUM_ERESTARTSYS;
  res.time_ns = 123456;
  res.executor = PROVIUM_EXEC_USER;
  memset(bbuf, 'b', sizeof(bbuf));
  proto_begin(b, PROTO_MSG_CALL, 1, 0);
  proto_put(b, PROTO_A_RESULT, &res, sizeof(res));
  proto_put_str(b, PROTO_A_LOG, "warn: x\n");
  if (nout > 0)
    proto_put(b, PROTO_A_OUTBUF, bbuf, b_len);
  if (nout > 1)
    proto_put(b, PROTO_A_OUTBUF, "HELLO", 5);
  if (nout > 2)
    proto_put_u32(b, PROTO_A_TIMED_OUT, 1);
  if (!CHECK_EQ_INT(proto_finish(b), 0) ||
      !CHECK_EQ_INT(proto_hdr_decode(b->data, &h), 0))
    return -1;
  if (!CHECK_EQ_INT(proto_decode(&h, b->data + PROTO_HDR_LEN, m, err,
                                 sizeof(err)), 0))
    return -1;
  return 0;
}


static void decode_reply (void) {
  struct proto_buf b = { 0 };
  struct call_result r;
  struct call_spec s;
  struct proto_msg m;
  char err[300] = "";
  nested_spec(&s);
  if (reply(&b, &m, 2, 24))
    goto done;
  if (!CHECK_EQ_INT(call_decode(&s, &m, &r, err, sizeof(err)), 0)) {
    unit_note("%s", err);
    goto done;
  }
  CHECK_EQ_INT(r.ret, -4);
  CHECK_EQ_INT(r.kernel_ret, -512);
  CHECK_EQ_U64(r.time_ns, 123456);
  CHECK_EQ_INT(r.executor, PROVIUM_EXEC_USER);
  CHECK(r.out[0] == NULL && r.out_len[0] == 0);
  CHECK(r.out[3] == NULL && r.out_len[3] == 0);
  CHECK_EQ_INT(r.out_len[1], 24);
  CHECK(r.out[1] != NULL && r.out[1][0] == 'b' && r.out[1][23] == 'b');
  CHECK_EQ_INT(r.out_len[2], 5);
  if (r.out[2])
    CHECK_MEM(r.out[2], "HELLO", 5);
  CHECK_EQ_INT(r.log_len, 8);
  if (r.log)
    CHECK_MEM(r.log, "warn: x\n", 8);
  CHECK_EQ_INT(r.timed_out, 0);
  /* the same with TIMED_OUT set */
  if (reply(&b, &m, 3, 24) == 0 &&
      CHECK_EQ_INT(call_decode(&s, &m, &r, err, sizeof(err)), 0))
    CHECK_EQ_INT(r.timed_out, 1);
done:
  proto_buf_free(&b);
}


static void decode_missing (void) {
  struct proto_buf b = { 0 };
  struct call_result r;
  struct call_spec s;
  struct proto_msg m;
  char err[300] = "";
  nested_spec(&s);
  if (reply(&b, &m, 1, 24) == 0) {
    CHECK_EQ_INT(call_decode(&s, &m, &r, err, sizeof(err)), -1);
    CHECK_STR(err, "CALL reply lacks output buffer 3");
  }
  if (reply(&b, &m, 0, 24) == 0) {
    CHECK_EQ_INT(call_decode(&s, &m, &r, err, sizeof(err)), -1);
    CHECK_STR(err, "CALL reply lacks output buffer 2");
  }
  if (reply(&b, &m, 2, 23) == 0) {  /* B one byte short */
    CHECK_EQ_INT(call_decode(&s, &m, &r, err, sizeof(err)), -1);
    CHECK_STR(err, "CALL reply lacks output buffer 2");
  }
  /* no RESULT at all, or one of the wrong size */
  proto_begin(&b, PROTO_MSG_CALL, 1, 0);
  proto_put(&b, PROTO_A_OUTBUF, "x", 1);
  if (CHECK_EQ_INT(proto_finish(&b), 0)) {
    struct proto_hdr h;
    proto_hdr_decode(b.data, &h);
    if (CHECK_EQ_INT(proto_decode(&h, b.data + PROTO_HDR_LEN, &m, err,
                                  sizeof(err)), 0)) {
      CHECK_EQ_INT(call_decode(&s, &m, &r, err, sizeof(err)), -1);
      CHECK_STR(err, "CALL reply without a result");
    }
  }
  proto_begin(&b, PROTO_MSG_CALL, 1, 0);
  proto_put(&b, PROTO_A_RESULT, "short", 5);
  if (CHECK_EQ_INT(proto_finish(&b), 0)) {
    struct proto_hdr h;
    proto_hdr_decode(b.data, &h);
    if (CHECK_EQ_INT(proto_decode(&h, b.data + PROTO_HDR_LEN, &m, err,
                                  sizeof(err)), 0)) {
      err[0] = '\0';
      CHECK_EQ_INT(call_decode(&s, &m, &r, err, sizeof(err)), -1);
      CHECK_STR(err, "CALL reply without a result");
    }
  }
  proto_buf_free(&b);
}


static const struct unit_case cases[] = {
  { "valid specs accepted", accepted },
  { "argument index 6, -2 and duplicates", bad_arg },
  { "data longer than len, buffer over the limit", bad_len },
  { "total size over the description limit", bad_total },
  { "pointer offsets and missing buffers", bad_patch_place },
  { "same offset, reached twice, reached by nothing", bad_patch_graph },
  { "too many buffers and pointers", too_many },
  { "errors use the caller's names", named },
  { "encode nested buffers", encode_nested },
  { "encode reports pointer cycles", encode_rejects },
  { "encode the flags of a traced call", encode_flags },
  { "decode a reply", decode_reply },
  { "decode a reply lacking parts", decode_missing },
  { NULL, NULL }
};

const struct unit_suite unit_call = { "call", cases };
