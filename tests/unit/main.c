/*
** main.c - runs every unit suite (or those named on the command line)
** and ends with "unit: N passed, N failed".
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../host/util.h"
#include "unit.h"

extern const struct unit_suite unit_pack, unit_proto, unit_cpio, unit_call,
                               unit_desc, unit_kernel, unit_client, unit_results,
                               unit_report, unit_select, unit_kmsg, unit_layout,
                               unit_junit, unit_progress, unit_vm, unit_pool, unit_ktap, unit_ksft,
                               unit_logcap, unit_trace, unit_snapshot;

static const struct unit_suite *const suites[] = {
  &unit_pack, &unit_proto, &unit_cpio, &unit_call, &unit_desc, &unit_kernel,
  &unit_client, &unit_results, &unit_report, &unit_select, &unit_kmsg, &unit_layout,
  &unit_junit, &unit_progress, &unit_vm, &unit_pool, &unit_ktap, &unit_ksft, &unit_logcap,
  &unit_trace,
  &unit_snapshot,
};

#define MAXLINES  16

/* what the running case recorded */
static struct {
  int checks, failed, dropped;
  int nlines;
  char lines[MAXLINES][512];
  char tmp[64];
} cur;


static void add_line (const char *fmt, va_list ap) {
  if (cur.nlines == MAXLINES) {
    cur.dropped++;
    return;
  }
  vsnprintf(cur.lines[cur.nlines++], sizeof(cur.lines[0]), fmt, ap);
}


static void add_linef (const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  add_line(fmt, ap);
  va_end(ap);
}


int unit_check (int ok, const char *file, int line, const char *fmt, ...) {
  const char *base = strrchr(file, '/');
  char what[400];
  va_list ap;
  cur.checks++;
  if (ok)
    return 1;
  cur.failed++;
  va_start(ap, fmt);
  vsnprintf(what, sizeof(what), fmt, ap);
  va_end(ap);
  add_linef("#   %s:%d: %s", base ? base + 1 : file, line, what);
  return 0;
}


void unit_note (const char *fmt, ...) {
  char text[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(text, sizeof(text), fmt, ap);
  va_end(ap);
  add_linef("#   %s", text);
}


const char *unit_tmpdir (void) {
  if (!cur.tmp[0]) {
    snprintf(cur.tmp, sizeof(cur.tmp), "/tmp/provium-unit-XXXXXX");
    if (!mkdtemp(cur.tmp)) {
      cur.tmp[0] = '\0';
      return NULL;
    }
  }
  return cur.tmp;
}


/* Run one case; returns 1 if it passed. */
static int run_case (int n, const char *suite, const struct unit_case *c) {
  int i, passed;
  memset(&cur, 0, sizeof(cur));
  c->fn();
  if (cur.checks == 0) {
    cur.failed++;
    add_linef("#   the case checked nothing");
  }
  if (cur.tmp[0])
    rm_rf(cur.tmp);
  passed = cur.failed == 0;
  printf("%s %d - %s: %s\n", passed ? "ok" : "not ok", n, suite, c->name);
  for (i = 0; i < cur.nlines; i++)
    printf("%s\n", cur.lines[i]);
  if (cur.dropped)
    printf("#   ... %d more lines\n", cur.dropped);
  fflush(stdout);
  return passed;
}


static int wanted (const struct unit_suite *s, int argc, char **argv) {
  int i;
  if (argc < 2)
    return 1;
  for (i = 1; i < argc; i++)
    if (strcmp(argv[i], s->name) == 0)
      return 1;
  return 0;
}


int main (int argc, char **argv) {
  int passed = 0, failed = 0, n = 0;
  size_t i;
  for (i = 0; i < sizeof(suites) / sizeof(suites[0]); i++) {
    const struct unit_case *c;
    if (!wanted(suites[i], argc, argv))
      continue;
    for (c = suites[i]->cases; c->name; c++) {
      if (run_case(++n, suites[i]->name, c))
        passed++;
      else
        failed++;
    }
  }
  printf("unit: %d passed, %d failed\n", passed, failed);
  return failed == 0 ? 0 : 1;
}
