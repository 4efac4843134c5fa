/* test_pool.c - host/pool.c: the resource pool's books and decisions */
#include <stdio.h>
#include <stdlib.h>

#include "../../host/pool.h"
#include "unit.h"

static char *meminfo (long avail_kb) {
  char *path = xasprintf("%s/meminfo", unit_tmpdir());
  FILE *f = fopen(path, "w");
  fprintf(f, "MemTotal:       24000000 kB\nMemFree:  100 kB\nMemAvailable:   %ld kB\n",
          avail_kb);
  fclose(f);
  return path;
}

/* decisions for clients a, b, c as "a+ b- c+" (grant, refuse) */
static char *schedule (struct pool *p, struct pool_client *c, size_t n) {
  struct pool_client *cl[8];
  struct pool_decision d[8];
  char *s = xstrdup("");
  size_t i, nd;
  for (i = 0; i < n; i++)
    cl[i] = &c[i];
  nd = pool_schedule(p, cl, n, d);
  for (i = 0; i < nd; i++)
    xappendf(&s, "%s%c%c", i ? " " : "", (char)('a' + d[i].client),
             d[i].verdict == POOL_GRANT ? '+' : '-');
  return s;
}

#define SCHED(p, c, n, want) do { \
  char *s_ = schedule(p, c, n); \
  CHECK_STR(s_, want); \
  free(s_); } while (0)


static void budgets (void) {
  struct pool p;
  struct error e;
  char line[256], *mi = meminfo(4000 * 1024);
  CHECK_EQ_INT(pool_init(&p, "4G", 8, mi, &e), 0);
  pool_describe(&p, line, sizeof(line));
  CHECK_STR(line, "resource pool: 4096M memory, 8 CPUs");
  CHECK_EQ_INT(pool_init(&p, NULL, 0, mi, &e), 0);
  pool_describe(&p, line, sizeof(line));
  CHECK_STR(line, "resource pool: 2464M memory (MemAvailable 4000M less 1536M), "
            "CPUs not limited");
  CHECK_EQ_INT(pool_init(&p, NULL, 1, "/no/such/meminfo", &e), 0);
  pool_describe(&p, line, sizeof(line));
  CHECK_STR(line, "resource pool: memory not limited (no MemAvailable), 1 CPU");
  CHECK_EQ_INT(pool_init(&p, "lots", 0, mi, &e), -1);
  CHECK_HAS(e.msg, "--mem lots");
  CHECK_EQ_INT(pool_parse_mem("512"), 512);
  CHECK_EQ_INT(pool_parse_mem("1.5G"), 1536);
  CHECK_EQ_INT(pool_parse_mem("1T"), 1024 * 1024);
  CHECK_EQ_INT(pool_parse_mem("32M"), -1);
  CHECK_EQ_INT(pool_parse_mem("4X"), -1);
  free(mi);
}


/* a fixed budget: what fits is granted, the rest waits for a give-back */
static void grants_and_waits (void) {
  struct pool p;
  struct pool_client c[3] = { { 0 } };
  struct error e;
  pool_init(&p, "1024M", 2, NULL, &e);
  pool_request(&p, &c[0], 1, 512, 1);
  pool_request(&p, &c[1], 1, 512, 1);
  pool_request(&p, &c[2], 1, 512, 1);
  SCHED(&p, c, 3, "a+ b+");
  CHECK_EQ_INT(p.mem_used, 1024);
  CHECK_EQ_INT(p.vms, 2);
  CHECK(c[2].waiting);
  SCHED(&p, c, 3, "");  /* nothing changed: still waiting, no decision */
  pool_release(&p, &c[0], 1);
  SCHED(&p, c, 3, "c+");
  CHECK_EQ_INT(c[2].mem_held, 512);
  /* CPUs count as well: 2 in use */
  pool_request(&p, &c[0], 2, 64, 1);
  SCHED(&p, c, 3, "");
  pool_release(&p, &c[1], 7);  /* unknown id: nothing */
  SCHED(&p, c, 3, "");
  pool_reclaim(&p, &c[1]);     /* b died holding a VM */
  SCHED(&p, c, 3, "a+");
  CHECK_EQ_INT(p.mem_used, 576);
  CHECK_EQ_INT(p.cpus_used, 2);
  for (int i = 0; i < 3; i++)
    pool_client_free(&c[i]);
}


/* requests answered in order; a small one may pass a big one that waits */
static void order (void) {
  struct pool p;
  struct pool_client c[3] = { { 0 } };
  struct error e;
  pool_init(&p, "1024M", 0, NULL, &e);
  pool_request(&p, &c[0], 1, 768, 1);
  SCHED(&p, c, 3, "a+");
  pool_request(&p, &c[1], 1, 512, 1);  /* asked first */
  pool_request(&p, &c[2], 1, 256, 1);
  SCHED(&p, c, 3, "c+");
  pool_release(&p, &c[0], 1);
  SCHED(&p, c, 3, "b+");
  for (int i = 0; i < 3; i++)
    pool_client_free(&c[i]);
}


/* what can never fit is refused at once, with the numbers */
static void never_fits (void) {
  struct pool p;
  struct pool_client c[2] = { { 0 } };
  struct pool_client *cl[2] = { &c[0], &c[1] };
  struct pool_decision d[2];
  struct error e;
  pool_init(&p, "1024M", 4, NULL, &e);
  pool_request(&p, &c[0], 1, 2048, 1);
  CHECK_EQ_INT(pool_schedule(&p, cl, 2, d), 1);
  CHECK_EQ_INT(d[0].verdict, POOL_REFUSE);
  CHECK_HAS(d[0].why, "can never hold this VM: it wants 2048M memory, 1 CPU");
  CHECK_HAS(d[0].why, "the pool has 1024M memory, 4 CPUs in all");
  /* with what the file holds already */
  pool_request(&p, &c[0], 2, 768, 2);
  SCHED(&p, c, 2, "a+");
  pool_request(&p, &c[0], 3, 512, 1);
  SCHED(&p, c, 2, "a-");
  pool_request(&p, &c[1], 1, 256, 5);
  SCHED(&p, c, 2, "b-");
  for (int i = 0; i < 2; i++)
    pool_client_free(&c[i]);
}


/* automatic memory: one VM always runs, whatever MemAvailable says */
static void auto_memory (void) {
  struct pool p;
  struct pool_client c[2] = { { 0 } };
  struct error e;
  char *mi = meminfo((1536 + 300) * 1024);
  pool_init(&p, NULL, 0, mi, &e);
  CHECK_EQ_INT(p.mem_mb, 300);
  pool_request(&p, &c[0], 1, 512, 1);  /* more than the budget: runs alone */
  pool_request(&p, &c[1], 1, 256, 1);
  SCHED(&p, c, 2, "a+");
  pool_release(&p, &c[0], 1);
  SCHED(&p, c, 2, "b+");
  pool_request(&p, &c[0], 2, 32, 1);   /* fits beside b: 288M of 300M */
  SCHED(&p, c, 2, "a+");
  free(mi);
  for (int i = 0; i < 2; i++)
    pool_client_free(&c[i]);
}


/* every VM held by files that wait for more: the latest request is refused */
static void deadlock (void) {
  struct pool p;
  struct pool_client c[3] = { { 0 } };
  struct pool_client *cl[3] = { &c[0], &c[1], &c[2] };
  struct pool_decision d[3];
  struct error e;
  pool_init(&p, "512M", 0, NULL, &e);
  pool_request(&p, &c[0], 1, 256, 1);
  pool_request(&p, &c[1], 1, 256, 1);
  SCHED(&p, c, 3, "a+ b+");
  pool_request(&p, &c[2], 1, 256, 1);  /* holds nothing: waiting is fine */
  pool_request(&p, &c[1], 2, 256, 1);
  SCHED(&p, c, 3, "");                 /* a can still give back */
  pool_request(&p, &c[0], 2, 256, 1);
  CHECK_EQ_INT(pool_schedule(&p, cl, 3, d), 1);
  CHECK_EQ_INT(d[0].client, 0);        /* a asked last */
  CHECK_EQ_INT(d[0].verdict, POOL_REFUSE);
  CHECK_HAS(d[0].why, "deadlock");
  CHECK_HAS(d[0].why, "this file holds 256M memory, 1 CPU and wants 256M memory, 1 CPU more");
  /* a gives up its VM on the error: c asked before b's second VM, then b */
  pool_release(&p, &c[0], 1);
  SCHED(&p, c, 3, "c+");
  pool_reclaim(&p, &c[2]);
  SCHED(&p, c, 3, "b+");
  for (int i = 0; i < 3; i++)
    pool_client_free(&c[i]);
}


/* a request given up (interrupted), and the run stopping */
static void giving_up (void) {
  struct pool p;
  struct pool_client c[2] = { { 0 } };
  struct pool_client *cl[2] = { &c[0], &c[1] };
  struct pool_decision d[2];
  struct error e;
  pool_init(&p, "256M", 0, NULL, &e);
  pool_request(&p, &c[0], 1, 256, 1);
  pool_request(&p, &c[1], 1, 256, 1);
  SCHED(&p, c, 2, "a+");
  pool_release(&p, &c[1], 1);  /* b stopped waiting */
  CHECK(!c[1].waiting);
  CHECK_EQ_INT(p.mem_used, 256);
  pool_request(&p, &c[1], 2, 256, 1);
  CHECK_EQ_INT(pool_refuse_all(&p, cl, 2, "interrupted", d), 1);
  CHECK_EQ_INT(d[0].client, 1);
  CHECK_STR(d[0].why, "interrupted");
  for (int i = 0; i < 2; i++)
    pool_client_free(&c[i]);
}


static const struct unit_case cases[] = {
  { "budgets: --mem/--cpus, MemAvailable less the reserve", budgets },
  { "grants, waits, give-backs, reclaim", grants_and_waits },
  { "request order, small ones pass", order },
  { "what can never fit is refused", never_fits },
  { "automatic memory lets one VM run", auto_memory },
  { "deadlock: the latest holder's request is refused", deadlock },
  { "a request given up; the run stopping", giving_up },
  { NULL, NULL }
};

const struct unit_suite unit_pool = { "pool", cases };
