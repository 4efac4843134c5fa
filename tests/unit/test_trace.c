/*
** test_trace.c - tracing without a guest: the agent's BTF return classes
** (agent/btf.c) and kallsyms/ftrace matching (agent/ksyms.c) on blobs and
** texts built here, and the host's decoding of what a traced call brings
** back (host/trace.c): provium.ko's errno origin record, function_graph
** lines as the 6.1 tracer prints them, reports inside a CALL reply.
*/
#include <stdio.h>
#include <stdlib.h>

#include "../../agent/btf.h"
#include "../../agent/ksyms.h"
#include "../../host/trace.h"
#include "unit.h"

/* ---- BTF built by hand ---- */

struct blob {
  uint8_t d[4096];
  size_t len;
};

static void put32 (struct blob *b, uint32_t v) {
  memcpy(b->d + b->len, &v, 4);
  b->len += 4;
}

/* a type record: name offset, kind, vlen, size-or-type */
static void type (struct blob *b, uint32_t name, unsigned kind, unsigned vlen, uint32_t st) {
  put32(b, name);
  put32(b, kind << 24 | vlen);
  put32(b, st);
}

enum { K_INT = 1, K_PTR, K_STRUCT = 4, K_ENUM = 6, K_TYPEDEF = 8, K_CONST = 10,
       K_FUNC = 12, K_PROTO = 13 };

/*
** Header, types, strings. Strings: "\0int\0_Bool\0long\0u8\0s\0e\0td\0"
** then one name per function.
*/
static const char strs[] =
  "\0int\0_Bool\0long\0u8\0s\0e\0td\0"
  "f_int\0f_bool\0f_long\0f_u8\0f_ptr\0f_void\0f_td\0f_cptr\0f_struct\0f_enum\0";

static uint32_t str_off (const char *name) {
  size_t i = 0;
  while (i < sizeof(strs)) {
    if (!strcmp(strs + i, name))
      return (uint32_t)i;
    i += strlen(strs + i) + 1;
  }
  return 0;
}

static void build_vmlinux (struct blob *b) {
  struct blob t = { { 0 }, 0 };
  uint32_t hdr[6];
  /* 1 int, 2 _Bool, 3 long, 4 u8, 5 int *, 6 struct s, 7 enum e, 8 td -> int,
     9 const -> 5 */
  type(&t, str_off("int"), K_INT, 0, 4);       put32(&t, 1u << 24 | 32);  /* signed */
  type(&t, str_off("_Bool"), K_INT, 0, 1);     put32(&t, 4u << 24 | 8);   /* bool */
  type(&t, str_off("long"), K_INT, 0, 8);      put32(&t, 1u << 24 | 64);
  type(&t, str_off("u8"), K_INT, 0, 1);        put32(&t, 8);
  type(&t, 0, K_PTR, 0, 1);
  type(&t, str_off("s"), K_STRUCT, 1, 8);      put32(&t, 0); put32(&t, 3); put32(&t, 0);
  type(&t, str_off("e"), K_ENUM, 1, 4);        put32(&t, 0); put32(&t, (uint32_t)-1);
  type(&t, str_off("td"), K_TYPEDEF, 0, 1);
  type(&t, 0, K_CONST, 0, 5);
  /* prototypes 10.. returning int, bool, long, u8, int *, void, td, const ptr,
     struct, enum; each with one parameter (int) */
  {
    const uint32_t rets[] = { 1, 2, 3, 4, 5, 0, 8, 9, 6, 7 };
    const char *const names[] = { "f_int", "f_bool", "f_long", "f_u8", "f_ptr", "f_void",
                                  "f_td", "f_cptr", "f_struct", "f_enum" };
    size_t i;
    for (i = 0; i < 10; i++) {
      type(&t, 0, K_PROTO, 1, rets[i]);
      put32(&t, 0); put32(&t, 1);
    }
    for (i = 0; i < 10; i++)
      type(&t, str_off(names[i]), K_FUNC, 1, (uint32_t)(10 + i));
  }
  hdr[0] = 0xeB9F | 1u << 16;  /* magic, version 1, flags 0 */
  hdr[1] = 24;                  /* hdr_len */
  hdr[2] = 0;                   /* type_off */
  hdr[3] = (uint32_t)t.len;
  hdr[4] = (uint32_t)t.len;     /* str_off */
  hdr[5] = sizeof(strs);
  memcpy(b->d, hdr, 24);
  memcpy(b->d + 24, t.d, t.len);
  memcpy(b->d + 24 + t.len, strs, sizeof(strs));
  b->len = 24 + t.len + sizeof(strs);
}

static void btf_classes (void) {
  struct blob b;
  struct btf btf;
  char err[128];
  build_vmlinux(&b);
  if (!CHECK_EQ_INT(0, btf_parse(&btf, b.d, b.len, NULL, err, sizeof(err))))
    return;
  CHECK_EQ_INT(PROVIUM_RET_INT, btf_func_ret(&btf, "f_int"));
  CHECK_EQ_INT(PROVIUM_RET_NONE, btf_func_ret(&btf, "f_bool"));   /* bool never fails */
  CHECK_EQ_INT(PROVIUM_RET_LONG, btf_func_ret(&btf, "f_long"));
  CHECK_EQ_INT(PROVIUM_RET_NONE, btf_func_ret(&btf, "f_u8"));     /* too narrow */
  CHECK_EQ_INT(PROVIUM_RET_PTR, btf_func_ret(&btf, "f_ptr"));
  CHECK_EQ_INT(PROVIUM_RET_NONE, btf_func_ret(&btf, "f_void"));
  CHECK_EQ_INT(PROVIUM_RET_INT, btf_func_ret(&btf, "f_td"));      /* typedef of int */
  CHECK_EQ_INT(PROVIUM_RET_PTR, btf_func_ret(&btf, "f_cptr"));    /* const pointer */
  CHECK_EQ_INT(PROVIUM_RET_NONE, btf_func_ret(&btf, "f_struct"));
  CHECK_EQ_INT(PROVIUM_RET_INT, btf_func_ret(&btf, "f_enum"));
  CHECK_EQ_INT(-1, btf_func_ret(&btf, "nosuch"));
  btf_free(&btf);
}

/* A module's BTF: ids and strings go on from vmlinux's. */
static void btf_split (void) {
  static const char mstrs[] = "\0m_long\0m_ptr\0";
  struct blob b, m = { { 0 }, 0 }, t = { { 0 }, 0 };
  struct btf base, mod;
  uint32_t hdr[6], nbase = 29;  /* 9 types, 10 prototypes, 10 functions */
  char err[128];
  build_vmlinux(&b);
  if (!CHECK_EQ_INT(0, btf_parse(&base, b.d, b.len, NULL, err, sizeof(err))))
    return;
  CHECK_EQ_INT(nbase, base.ntypes);
  /* nbase+1: proto -> long (base id 3); nbase+2: proto -> const ptr (base 9) */
  type(&t, 0, K_PROTO, 0, 3);
  type(&t, 0, K_PROTO, 0, 9);
  type(&t, (uint32_t)sizeof(strs) + 1, K_FUNC, 1, nbase + 1);
  type(&t, (uint32_t)sizeof(strs) + 8, K_FUNC, 1, nbase + 2);
  hdr[0] = 0xeB9F | 1u << 16;
  hdr[1] = 24;
  hdr[2] = 0;
  hdr[3] = (uint32_t)t.len;
  hdr[4] = (uint32_t)t.len;
  hdr[5] = sizeof(mstrs);
  memcpy(m.d, hdr, 24);
  memcpy(m.d + 24, t.d, t.len);
  memcpy(m.d + 24 + t.len, mstrs, sizeof(mstrs));
  m.len = 24 + t.len + sizeof(mstrs);
  if (CHECK_EQ_INT(0, btf_parse(&mod, m.d, m.len, &base, err, sizeof(err)))) {
    CHECK_EQ_INT(PROVIUM_RET_LONG, btf_func_ret(&mod, "m_long"));
    CHECK_EQ_INT(PROVIUM_RET_PTR, btf_func_ret(&mod, "m_ptr"));
    CHECK_EQ_INT(PROVIUM_RET_INT, btf_func_ret(&mod, "f_int"));  /* from the base */
    btf_free(&mod);
  }
  btf_free(&base);
}

static void btf_malformed (void) {
  struct blob b;
  struct btf btf;
  char err[128];
  uint32_t len;
  build_vmlinux(&b);
  CHECK_EQ_INT(-1, btf_parse(&btf, b.d, 10, NULL, err, sizeof(err)));
  CHECK_HAS(err, "shorter than its header");
  b.d[0] ^= 0xff;                       /* magic */
  CHECK_EQ_INT(-1, btf_parse(&btf, b.d, b.len, NULL, err, sizeof(err)));
  CHECK_HAS(err, "bad header");
  build_vmlinux(&b);
  memcpy(&len, b.d + 12, 4);            /* type_len cut inside a record */
  len -= 6;
  memcpy(b.d + 12, &len, 4);
  CHECK_EQ_INT(-1, btf_parse(&btf, b.d, b.len, NULL, err, sizeof(err)));
  CHECK_HAS(err, "malformed type");
  build_vmlinux(&b);
  b.d[24 + 4 + 3] = 31;                 /* an unknown kind */
  CHECK_EQ_INT(-1, btf_parse(&btf, b.d, b.len, NULL, err, sizeof(err)));
}

/* ---- kallsyms and available_filter_functions ---- */

static void ksyms_addresses (void) {
  /* two static "helper"s; only the second can be traced; modules out of
     address order in kallsyms; a weak function ftrace dropped */
  char kall[] =
    "0000000000000000 A fixed_percpu_data\n"
    "ffffffff81000100 T alpha\n"
    "ffffffff81000200 t helper\n"
    "ffffffff81000280 D some_data\n"
    "ffffffff81000300 t beta\n"
    "ffffffff81000400 t helper\n"
    "ffffffffc0002000 t mod_two\t[mymod]\n"
    "ffffffffc0001000 t mod_one\t[mymod]\n"
    "ffffffffc0003000 t helper\t[other]\n";
  char filt[] =
    "alpha\n"
    "beta\n"
    "__ftrace_invalid_address___64\n"
    "helper\n"
    "mod_one [mymod]\n"
    "mod_two [mymod]\n"
    "helper [other]\n";
  struct ksyms k;
  char err[128];
  if (!CHECK_EQ_INT(0, ksyms_parse(&k, kall, strlen(kall), filt, strlen(filt), err,
                                   sizeof(err))))
    return;
  if (!CHECK_EQ_INT(6, k.nfuncs))
    return;
  CHECK_STR("alpha", k.funcs[0].name);
  CHECK_EQ_U64(0xffffffff81000100ull, k.funcs[0].addr);
  CHECK_EQ_U64(0xffffffff81000300ull, k.funcs[1].addr);
  /* the traceable helper is the one after beta, not the first */
  CHECK_STR("helper", k.funcs[2].name);
  CHECK(k.funcs[2].mod == NULL);
  CHECK_EQ_U64(0xffffffff81000400ull, k.funcs[2].addr);
  CHECK_STR("mymod", k.funcs[3].mod);
  CHECK_EQ_U64(0xffffffffc0001000ull, k.funcs[3].addr);
  CHECK_EQ_U64(0xffffffffc0002000ull, k.funcs[4].addr);
  CHECK_STR("other", k.funcs[5].mod);
  CHECK_EQ_U64(0xffffffffc0003000ull, k.funcs[5].addr);
  CHECK(ksyms_known(&k, "helper"));
  CHECK(!ksyms_known(&k, "some_data"));  /* data, not text */
  CHECK(!ksyms_known(&k, "gamma"));
  ksyms_free(&k);
}

static void ksyms_hidden (void) {
  /* what a reader without CAP_SYSLOG sees under kptr_restrict: no addresses */
  char kall[] = "0000000000000000 T alpha\n0000000000000000 t beta\n";
  char filt[] = "alpha\n";
  struct ksyms k;
  char err[128];
  CHECK_EQ_INT(-1, ksyms_parse(&k, kall, strlen(kall), filt, strlen(filt), err, sizeof(err)));
  CHECK_HAS(err, "kptr_restrict");
}

static void ksyms_globs (void) {
  CHECK(ksyms_glob("*", "anything"));
  CHECK(ksyms_glob("array_map_*", "array_map_alloc_check"));
  CHECK(!ksyms_glob("array_map_*", "fd_array_map_alloc_check"));
  CHECK(ksyms_glob("*map*", "fd_array_map_alloc_check"));
  CHECK(ksyms_glob("*bpf*", "__x64_sys_bpf"));
  CHECK(ksyms_glob("do_sys_open?t2", "do_sys_openat2"));
  CHECK(!ksyms_glob("do_sys_open", "do_sys_openat2"));
  CHECK(ksyms_glob("a*b*c", "axxbyyc"));
  CHECK(!ksyms_glob("a*b*c", "axxbyy"));
  CHECK(ksyms_glob("sys_[rw]*", "sys_read"));
  CHECK(!ksyms_glob("sys_[rw]*", "sys_open"));
}

/* ---- decoding what a traced call brings back ---- */

static void origin_decode (void) {
  uint8_t buf[512];
  struct provium_errno_result r = { 0 };
  static const char text[] =
    "__x64_sys_bpf\0__sys_bpf\0map_create\0array_map_alloc_check\0"
    "array_map_alloc_check\0map_create+0xf9/0x7a0\0";
  struct trace_origin o;
  char err[128];
  r.version = PROVIUM_UAPI_VERSION;
  r.flags = PROVIUM_ERRNO_ORIGIN;
  r.nchain = 4;
  r.nstack = 2;
  r.ret = -22;
  r.entries = 4;
  r.size = (uint32_t)(sizeof(r) + sizeof(text) - 1);
  memcpy(buf, &r, sizeof(r));
  memcpy(buf + sizeof(r), text, sizeof(text) - 1);
  if (!CHECK_EQ_INT(0, trace_origin_decode(buf, r.size, &o, err, sizeof(err))))
    return;
  CHECK_EQ_INT(-22, o.ret);
  CHECK_EQ_INT(4, o.nchain);
  CHECK_EQ_INT(2, o.nstack);
  CHECK(o.chain[3].len == strlen("array_map_alloc_check") &&
        !memcmp(o.chain[3].s, "array_map_alloc_check", o.chain[3].len));
  CHECK(o.stack[1].len == strlen("map_create+0xf9/0x7a0"));
  /* a text the module cut short: what is whole is kept */
  r.size = (uint32_t)(sizeof(r) + 20);
  memcpy(buf, &r, sizeof(r));
  CHECK_EQ_INT(0, trace_origin_decode(buf, r.size, &o, err, sizeof(err)));
  CHECK_EQ_INT(1, o.nchain);
  CHECK_EQ_INT(0, o.nstack);
  /* lies about its size or counts */
  CHECK_EQ_INT(-1, trace_origin_decode(buf, r.size + 1, &o, err, sizeof(err)));
  r.nchain = PROVIUM_ERRNO_MAX_DEPTH + 1;
  memcpy(buf, &r, sizeof(r));
  CHECK_EQ_INT(-1, trace_origin_decode(buf, r.size, &o, err, sizeof(err)));
  CHECK_EQ_INT(-1, trace_origin_decode(buf, 8, &o, err, sizeof(err)));
}

/* trace_pipe as the 6.1 tracer prints it (funcgraph-proc, -tail, no overhead) */
static const char graph_text[] =
  " 1)     sh-89      |   6.472 us    |          apparmor_path_truncate();\n"
  " 1)     sh-89      |   61079.38 us |    } /* do_filp_open */\n"
  " 0)    agent-1     |               |  provium_graph_call [provium]() {\n"
  " 0)    agent-1     |               |    provium_fill_regs [provium]() {\n"
  " 0)    agent-1     |   0.500 us    |      memset();\n"
  " 0)    agent-1     |   2.000 us    |    } /* provium_fill_regs [provium] */\n"
  " 0)    agent-1     |   0.400 us    |    provium_ext_get [provium]();\n"
  " 0)    agent-1     |               |    __x64_sys_openat() {\n"
  " 0)    agent-1     |               |      do_sys_openat2() {\n"
  " 0)    agent-1     |   19.989 us   |        getname();\n"
  " 0)    agent-1     |   1.100 us    |        irq_enter_rcu();\n"
  " 0)    agent-1     |               |        __do_softirq() {\n"
  " 0)    agent-1     |   3.000 us    |          run_timer_softirq();\n"
  " 0)    agent-1     |   5.000 us    |        } /* __do_softirq */\n"
  " 0)    agent-1     |               |        do_filp_open() {\n"
  " 1)     sh-89      |   2.003 us    |    _raw_spin_lock();\n"
  " ------------------------------------------\n"
  " 1)    agent-1     =>    sh-89    \n"
  " ------------------------------------------\n"
  " 1)    agent-1     |               |          path_openat() {\n"
  " 1)    agent-1     |   112.988 us  |            do_dentry_open();\n"
  " 1)    agent-1     |   3911.295 us |          } /* path_openat */\n"
  " 1)    agent-1     |   3918.068 us |        } /* do_filp_open */\n"
  " 1)    agent-1     |   1.500 us    |        putname(); /* = 0x0 */\n"
  " 1)    agent-1     |   4032.870 us |      } /* do_sys_openat2 = 3 */\n"
  " 1)    agent-1     |   4040.1 us   |    } /* __x64_sys_openat */\n"
  " 1)    agent-1     |   4050.000 us |  } /* provium_graph_call [provium] */\n"
  " 1)    agent-1     |   1.000 us    |  after_the_call();\n";

static void graph_parse (void) {
  struct trace_graph g;
  const struct trace_graph_entry *e;
  if (!CHECK_EQ_INT(0, trace_graph_parse(graph_text, sizeof(graph_text) - 1, 1, 0, &g)))
    return;
  /* sh's lines, the root, provium.ko's own frames under it, an interrupt
     on the way and what follows the call are not the call's */
  if (!CHECK_EQ_INT(7, g.n))
    return;
  e = g.e;
  CHECK_STR("__x64_sys_openat", e[0].func);
  CHECK_EQ_INT(1, e[0].depth);
  CHECK_EQ_U64(4040100, e[0].ns);       /* from its closing line */
  CHECK_STR("do_sys_openat2", e[1].func);
  CHECK_EQ_INT(2, e[1].depth);
  CHECK_EQ_U64(4032870, e[1].ns);
  CHECK(e[1].has_ret && e[1].ret == 3);  /* funcgraph-retval */
  CHECK_STR("getname", e[2].func);
  CHECK_EQ_INT(3, e[2].depth);
  CHECK_EQ_U64(19989, e[2].ns);
  CHECK_STR("do_filp_open", e[3].func);
  CHECK_EQ_U64(3918068, e[3].ns);
  CHECK_STR("path_openat", e[4].func);   /* on another CPU now: still the call's */
  CHECK_EQ_INT(4, e[4].depth);
  CHECK_EQ_U64(3911295, e[4].ns);
  CHECK_STR("do_dentry_open", e[5].func);
  CHECK_EQ_INT(5, e[5].depth);
  CHECK_STR("putname", e[6].func);
  CHECK(e[6].has_ret && e[6].ret == 0);
  CHECK(!g.incomplete && !g.lost);
  trace_graph_free(&g);

  /* two levels only */
  CHECK_EQ_INT(0, trace_graph_parse(graph_text, sizeof(graph_text) - 1, 1, 2, &g));
  CHECK_EQ_INT(2, g.n);
  trace_graph_free(&g);
  /* another thread's lines are no graph of this call */
  CHECK_EQ_INT(0, trace_graph_parse(graph_text, sizeof(graph_text) - 1, 89, 0, &g));
  CHECK_EQ_INT(0, g.n);
  trace_graph_free(&g);
  /* the call's end never came */
  CHECK_EQ_INT(0, trace_graph_parse(graph_text, 1000, 1, 0, &g));
  CHECK(g.incomplete);
  trace_graph_free(&g);
}

static void graph_lost (void) {
  static const char text[] =
    " 0)    agent-1     |               |  provium_graph_call [provium]() {\n"
    "CPU:0 [LOST 1200 EVENTS]\n"
    " 0)    agent-1     |   2.000 us    |    __x64_sys_getpid();\n"
    " 0)    agent-1     |   9.000 us    |  } /* provium_graph_call [provium] */\n";
  struct trace_graph g;
  CHECK_EQ_INT(0, trace_graph_parse(text, sizeof(text) - 1, 1, 0, &g));
  CHECK(g.lost);
  CHECK_EQ_INT(1, g.n);
  trace_graph_free(&g);
}

/* A report inside a CALL reply: a whole EVENT frame in a SPLAT attribute. */
static void event_decode (void) {
  struct proto_buf f = { 0 };
  struct proto_msg m;
  struct trace_event ev;
  char err[128];
  proto_begin(&f, PROTO_MSG_EVENT, 0, 0);
  proto_put_str(&f, PROTO_A_EVENT_KIND, "warning");
  proto_put_str(&f, PROTO_A_MESSAGE, "WARNING: CPU: 0 PID: 1 at x.c:1");
  proto_put_str(&f, PROTO_A_EVENT_SOURCE, "module");
  proto_put_str(&f, PROTO_A_EVENT_CONTEXT, "concurrent");
  proto_put_u32(&f, PROTO_A_EVENT_PID, 17);
  proto_put_str(&f, PROTO_A_EVENT_COMM, "kworker/0:1");
  proto_put_u32(&f, PROTO_A_EVENT_CALL_PID, 1);
  proto_put_u64(&f, PROTO_A_EVENT_CALL_NR, 16);
  proto_put_str(&f, PROTO_A_EVENT_VIA, "console");
  if (!CHECK_EQ_INT(0, proto_finish(&f)))
    return;
  if (CHECK_EQ_INT(0, trace_event_decode(f.data, f.len, &m, &ev, err, sizeof(err)))) {
    CHECK(ev.attributed);
    CHECK(ev.context.len == 10 && !memcmp(ev.context.s, "concurrent", 10));
    CHECK(ev.source.len == 6 && !memcmp(ev.source.s, "module", 6));
    CHECK_EQ_INT(17, ev.pid);
    CHECK_EQ_INT(1, ev.call_pid);
    CHECK_EQ_U64(16, ev.call_nr);
  }
  /* cut short, or not an EVENT */
  CHECK_EQ_INT(-1, trace_event_decode(f.data, f.len - 4, &m, &ev, err, sizeof(err)));
  f.data[8] = PROTO_MSG_CALL;
  CHECK_EQ_INT(-1, trace_event_decode(f.data, f.len, &m, &ev, err, sizeof(err)));
  proto_buf_free(&f);

  /* from the kmsg scraper: a source, nothing attributed */
  proto_begin(&f, PROTO_MSG_EVENT, 0, 0);
  proto_put_str(&f, PROTO_A_EVENT_KIND, "bug");
  proto_put_str(&f, PROTO_A_MESSAGE, "BUG: x");
  proto_put_str(&f, PROTO_A_EVENT_SOURCE, "kmsg");
  proto_finish(&f);
  if (CHECK_EQ_INT(0, trace_event_decode(f.data, f.len, &m, &ev, err, sizeof(err))))
    CHECK(!ev.attributed);
  proto_buf_free(&f);
}

static const struct unit_case cases[] = {
  { "BTF return classes: void, bool, u8, struct never fail", btf_classes },
  { "BTF of a module on top of vmlinux's", btf_split },
  { "malformed BTF is refused", btf_malformed },
  { "each traceable function gets its own address", ksyms_addresses },
  { "kallsyms without addresses is an error", ksyms_hidden },
  { "globs", ksyms_globs },
  { "errno origin records, whole and cut", origin_decode },
  { "function_graph lines of the call's thread", graph_parse },
  { "lost events mark the graph", graph_lost },
  { "reports inside a CALL reply", event_decode },
  { NULL, NULL }
};

const struct unit_suite unit_trace = { "trace", cases };
