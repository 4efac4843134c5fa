/* test_desc.c - kmod/provium_desc.h: hostile descriptions, layout, ret */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/syscall.h>

#include "../../kmod/provium_desc.h"
#include "unit.h"

#define BLOB_MAX  4096

/* a description under construction */
static union {
  struct provium_call c;
  uint8_t b[BLOB_MAX];
} blob;

#define C  (&blob.c)

static struct provium_buf *tbuf (unsigned int i) {
  return (struct provium_buf *)(C + 1) + i;
}

static struct provium_patch *tpatch (unsigned int i) {
  return (struct provium_patch *)tbuf(C->nbufs) + i;
}

static uint32_t tables_end (void) {
  return sizeof(struct provium_call) + C->nbufs * sizeof(struct provium_buf) +
         C->npatches * sizeof(struct provium_patch);
}


static void start (unsigned int nbufs, unsigned int npatches) {
  memset(&blob, 0, sizeof(blob));
  C->version = PROVIUM_UAPI_VERSION;
  C->nbufs = nbufs;
  C->npatches = npatches;
  C->size = tables_end();
}


/* buffer @i of @len bytes at the end of the blob so far */
static void add_buf (unsigned int i, uint32_t len, int arg) {
  tbuf(i)->offset = C->size;
  tbuf(i)->len = len;
  tbuf(i)->arg = arg;
  C->size += len;
}


static void set_patch (unsigned int i, uint32_t buf, uint32_t offset,
                       uint32_t target) {
  tpatch(i)->buf = buf;
  tpatch(i)->offset = offset;
  tpatch(i)->target = target;
}


/* A arg 0 -> (at 0) B -> (at 8) C */
static void base (void) {
  start(3, 2);
  add_buf(0, 16, 0);
  add_buf(1, 16, PROVIUM_ARG_NONE);
  add_buf(2, 8, PROVIUM_ARG_NONE);
  set_patch(0, 0, 0, 1);
  set_patch(1, 1, 8, 2);
}


/* provium_desc_check on a heap copy of exactly the bytes the blob claims */
static int check (void) {
  size_t n = C->size;
  void *copy;
  int rc;
  if (n < sizeof(struct provium_call))
    n = sizeof(struct provium_call);
  if (n > BLOB_MAX)
    n = BLOB_MAX;
  copy = malloc(n);
  memcpy(copy, &blob, n);
  rc = provium_desc_check(copy);
  free(copy);
  return rc;
}


static void accepted (void) {
  base();
  CHECK_EQ_INT(check(), 0);
  start(0, 0);
  CHECK_EQ_INT(check(), 0);
  start(1, 0);
  add_buf(0, 0, 5);  /* empty argument buffer */
  CHECK_EQ_INT(check(), 0);
  /* the header alone may claim the whole limit */
  start(0, 0);
  C->size = PROVIUM_MAX_DESC_LEN;
  CHECK_EQ_INT(provium_desc_check_header(C), 0);
  /* out flag, bytes beyond the buffers */
  base();
  tbuf(1)->flags = PROVIUM_BUF_OUT;
  C->size += 40;
  CHECK_EQ_INT(check(), 0);
}


static void bad_header (void) {
  base();
  C->size = sizeof(struct provium_call) - 1;
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  C->size = PROVIUM_MAX_DESC_LEN + 1;
  CHECK_EQ_INT(check(), -E2BIG);
  base();
  C->version = 0;
  CHECK_EQ_INT(check(), -EINVAL);
  C->version = PROVIUM_UAPI_VERSION + 1;
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  C->flags = PROVIUM_CALL_FLAGS;      /* what a call may ask the module to record */
  CHECK_EQ_INT(check(), 0);
  C->flags = 1u << 2;                 /* the first unknown bit */
  CHECK_EQ_INT(check(), -EINVAL);
  C->flags = 0x8000;
  CHECK_EQ_INT(check(), -EINVAL);
}


static void bad_counts (void) {
  start(PROVIUM_MAX_BUFS + 1, 0);
  CHECK_EQ_INT(check(), -E2BIG);
  start(0, PROVIUM_MAX_PATCHES + 1);
  CHECK_EQ_INT(check(), -E2BIG);
  base();
  C->nbufs = 0xFFFFFFFF;  /* would overflow a 32-bit table size */
  CHECK_EQ_INT(check(), -E2BIG);
  /* tables that do not fit the claimed size */
  base();
  C->size = tables_end() - 1;
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  C->size = sizeof(struct provium_call) + 16;
  CHECK_EQ_INT(check(), -EINVAL);
}


static void bad_buffers (void) {
  base();
  tbuf(0)->offset = tables_end() - 8;  /* inside the patch table */
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  tbuf(0)->offset = 0;
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  C->size -= 1;  /* C ends one byte past the blob */
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  tbuf(2)->offset = 0xFFFFFFF8;  /* offset + len wraps in 32 bits */
  tbuf(2)->len = 0x10;
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  tbuf(1)->len = PROVIUM_MAX_BUF_LEN + 1;
  CHECK_EQ_INT(check(), -E2BIG);
  base();
  tbuf(1)->offset -= 1;  /* overlaps A by a byte */
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  tbuf(2)->offset = tbuf(0)->offset + 8;  /* inside A */
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  tbuf(0)->offset = tbuf(1)->offset;  /* same place */
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  tbuf(0)->flags = 1u << 1;
  CHECK_EQ_INT(check(), -EINVAL);
  tbuf(0)->flags = 0x80000000u | PROVIUM_BUF_OUT;
  CHECK_EQ_INT(check(), -EINVAL);
}


static void bad_args (void) {
  base();
  tbuf(0)->arg = PROVIUM_NARGS;
  CHECK_EQ_INT(check(), -EINVAL);
  tbuf(0)->arg = -2;
  CHECK_EQ_INT(check(), -EINVAL);
  tbuf(0)->arg = INT32_MIN;
  CHECK_EQ_INT(check(), -EINVAL);
  tbuf(0)->arg = INT32_MAX;
  CHECK_EQ_INT(check(), -EINVAL);
  start(2, 0);
  add_buf(0, 8, 3);
  add_buf(1, 8, 3);
  CHECK_EQ_INT(check(), -EINVAL);
  tbuf(1)->arg = 2;
  CHECK_EQ_INT(check(), 0);
}


static void bad_patches (void) {
  base();
  tpatch(1)->reserved = 1;
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  tpatch(1)->buf = 3;
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  tpatch(1)->target = 3;
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  tpatch(1)->target = 0xFFFFFFFF;
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  tpatch(1)->offset = 4;
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  tpatch(1)->offset = 16;  /* B is 16 bytes: 16 + 8 past its end */
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  tpatch(1)->offset = 0xFFFFFFF8;  /* + 8 wraps in 32 bits */
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  tpatch(1)->buf = 2;  /* C is 8 bytes: offset 8 past it */
  CHECK_EQ_INT(check(), -EINVAL);
  /* same buffer and offset, different targets */
  start(3, 2);
  add_buf(0, 16, 0);
  add_buf(1, 8, PROVIUM_ARG_NONE);
  add_buf(2, 8, PROVIUM_ARG_NONE);
  set_patch(0, 0, 8, 1);
  set_patch(1, 0, 8, 2);
  CHECK_EQ_INT(check(), -EINVAL);
  tpatch(1)->offset = 0;
  CHECK_EQ_INT(check(), 0);
}


static void bad_reach (void) {
  base();
  tpatch(1)->target = 0;  /* A is an argument buffer */
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  tpatch(1)->target = 1;  /* B reached twice */
  CHECK_EQ_INT(check(), -EINVAL);
  base();
  C->npatches = 1;  /* B -> C dropped: C orphaned */
  CHECK_EQ_INT(check(), -EINVAL);
  /* an orphan that is not even a target */
  start(2, 0);
  add_buf(0, 8, 0);
  add_buf(1, 8, PROVIUM_ARG_NONE);
  CHECK_EQ_INT(check(), -EINVAL);
}


static void cycles (void) {
  /* A arg; B -> C -> B */
  start(3, 2);
  add_buf(0, 8, 0);
  add_buf(1, 8, PROVIUM_ARG_NONE);
  add_buf(2, 8, PROVIUM_ARG_NONE);
  set_patch(0, 1, 0, 2);
  set_patch(1, 2, 0, 1);
  CHECK_EQ_INT(check(), -ELOOP);
  /* B points at itself */
  start(2, 1);
  add_buf(0, 8, 0);
  add_buf(1, 8, PROVIUM_ARG_NONE);
  set_patch(0, 1, 0, 1);
  CHECK_EQ_INT(check(), -ELOOP);
  /* only buffer, pointing at itself */
  start(1, 1);
  add_buf(0, 8, PROVIUM_ARG_NONE);
  set_patch(0, 0, 0, 0);
  CHECK_EQ_INT(check(), -ELOOP);
}


/* 64 buffers: 0 is argument 0, each points at the next */
static void chain (int cyclic) {
  unsigned int i;
  start(PROVIUM_MAX_BUFS, PROVIUM_MAX_BUFS - 1);
  for (i = 0; i < PROVIUM_MAX_BUFS; i++)
    add_buf(i, 8, i == 0 ? 0 : PROVIUM_ARG_NONE);
  for (i = 1; i < PROVIUM_MAX_BUFS; i++)
    set_patch(i - 1, i - 1, 0, i);
  if (cyclic)  /* 1 reached from 63 instead: 1 -> 2 ... 63 -> 1 */
    tpatch(0)->buf = PROVIUM_MAX_BUFS - 1;
}


static void long_chains (void) {
  chain(0);
  CHECK(C->size <= BLOB_MAX);
  CHECK_EQ_INT(check(), 0);
  chain(1);
  CHECK_EQ_INT(check(), -ELOOP);
}


static void layout (void) {
  static const uint32_t lens[] = { 0, 0, 1, 16, 17, 5, 0 };
  static const uint64_t want[] = { 0, 16, 32, 48, 64, 96, 112 };
  __u64 place[8], total;
  unsigned int i, j;
  start(7, 0);
  for (i = 0; i < 7; i++)
    add_buf(i, lens[i], (int)i < PROVIUM_NARGS ? (int)i : PROVIUM_ARG_NONE);
  total = provium_desc_layout(C, place);
  CHECK_EQ_U64(total, 128);
  for (i = 0; i < 7; i++) {
    CHECK_EQ_U64(place[i], want[i]);
    CHECK_EQ_U64(place[i] % 16, 0);
    CHECK(place[i] + (lens[i] ? lens[i] : 1) <= total);
    for (j = 0; j < i; j++)  /* distinct, even when empty */
      CHECK(place[j] + (lens[j] ? lens[j] : 1) <= place[i]);
  }
  start(0, 0);
  CHECK_EQ_U64(provium_desc_layout(C, place), 0);
}


static void user_ret (void) {
  static const int64_t same[] = {
    0, 1, -1, -EINTR, -EFAULT, -511, -515, -517, 512, 513, 514, 516,
    INT64_MIN, INT64_MAX, INT64_MIN + 512,
  };
  size_t i;
  CHECK_EQ_INT(provium_user_ret(-512), -EINTR);
  CHECK_EQ_INT(provium_user_ret(-513), -EINTR);
  CHECK_EQ_INT(provium_user_ret(-514), -EINTR);
  CHECK_EQ_INT(provium_user_ret(-516), -EINTR);
  for (i = 0; i < sizeof(same) / sizeof(same[0]); i++)
    CHECK_EQ_INT(provium_user_ret(same[i]), same[i]);
}


#ifndef SYS_clone3
#define SYS_clone3  435  /* x86_64, older libc headers */
#endif

static void needs_frame (void) {
  static const long frame[] = {
    SYS_clone, SYS_fork, SYS_vfork, SYS_execve, SYS_exit, SYS_exit_group,
    SYS_rt_sigreturn, SYS_execveat, SYS_clone3,
  };
  static const long plain[] = {
    SYS_getpid, SYS_read, SYS_write, SYS_rt_sigaction, SYS_rt_sigprocmask,
    SYS_wait4, SYS_kill, SYS_ptrace, SYS_pidfd_open, 0, 1000,
  };
  size_t i;
  for (i = 0; i < sizeof(frame) / sizeof(frame[0]); i++)
    if (!CHECK_EQ_INT(provium_call_needs_frame(frame[i]), 1))
      unit_note("syscall %ld", frame[i]);
  for (i = 0; i < sizeof(plain) / sizeof(plain[0]); i++)
    if (!CHECK_EQ_INT(provium_call_needs_frame(plain[i]), 0))
      unit_note("syscall %ld", plain[i]);
  /* the number is 64 bits wide: high bits are not ignored */
  CHECK_EQ_INT(provium_call_needs_frame((UINT64_C(1) << 32) | SYS_execve), 0);
  CHECK_EQ_INT(provium_call_needs_frame(UINT64_MAX), 0);
}


static const struct unit_case cases[] = {
  { "valid descriptions accepted", accepted },
  { "size, version, flags", bad_header },
  { "counts and tables past the end", bad_counts },
  { "buffer placement, length, flags", bad_buffers },
  { "argument range and duplicates", bad_args },
  { "patch fields", bad_patches },
  { "targets reached twice or never", bad_reach },
  { "cycles and self-pointers are -ELOOP", cycles },
  { "64-deep chain and 63-long cycle", long_chains },
  { "staging layout", layout },
  { "provium_user_ret", user_ret },
  { "provium_call_needs_frame", needs_frame },
  { NULL, NULL }
};

const struct unit_suite unit_desc = { "desc", cases };
