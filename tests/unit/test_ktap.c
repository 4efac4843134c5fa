/* test_ktap.c - host/ktap.c: a test's KTAP / kselftest TAP 13 output, parsed and written */
#include <stdio.h>
#include <stdlib.h>

#include "../../host/ktap.h"
#include "unit.h"

static struct ktap *parse (const char *s) {
  return ktap_parse(s, strlen(s));
}

/* what ktap_write printed for @k at @depth (caller frees) */
static char *written (const struct ktap *k, int depth) {
  char *out = NULL;
  size_t len;
  FILE *f = open_memstream(&out, &len);
  if (!f)
    return NULL;
  ktap_write(f, k, depth);
  fclose(f);
  return out;
}

/* kselftest_harness.h's own output: results, their diagnostics, totals */
static void harness_output (void) {
  struct ktap *k = parse(
    "TAP version 13\n"
    "1..3\n"
    "# Starting 3 tests from 1 test cases.\n"
    "#  RUN           global.first ...\n"
    "#            OK  global.first\n"
    "ok 1 global.first\n"
    "#  RUN           global.second ...\n"
    "# t.c:12:second:Expected 1 (1) == 2 (2)\n"
    "not ok 2 global.second\n"
    "ok 3 global.third # SKIP no /dev/kvm\n"
    "# FAILED: 1 / 3 tests passed.\n"
    "# Totals: pass:1 fail:1 xfail:0 xpass:0 skip:1 error:0\n");
  if (!CHECK(k))
    return;
  CHECK_EQ_INT(k->plan, 3);
  CHECK_EQ_INT(k->nresults, 3);
  CHECK_EQ_INT(ktap_failures(k), 1);
  CHECK_STR(k->results[0].desc, "global.first");
  CHECK_EQ_INT(k->results[0].nlines, 3);
  CHECK_STR(k->results[0].lines[1], " RUN           global.first ...");
  CHECK_EQ_INT(k->results[1].ok, 0);
  CHECK_STR(k->results[1].lines[1], "t.c:12:second:Expected 1 (1) == 2 (2)");
  CHECK_STR(k->results[2].directive, "SKIP");
  CHECK_STR(k->results[2].diag, "no /dev/kvm");
  CHECK_STR(k->results[2].desc, "global.third");
  CHECK_EQ_INT(k->nlines, 2);
  CHECK_STR(k->lines[1], "Totals: pass:1 fail:1 xfail:0 xpass:0 skip:1 error:0");
  ktap_free(k);
}

/* kselftest.h's variants: no description, lower-case "error", 1..0 # SKIP, Bail out! */
static void kselftest_h_variants (void) {
  struct ktap *k = parse(
    "TAP version 13\n1..4\nok 1 # XFAIL expected\nnot ok 2 # error broken\n"
    "ok 3 - dash style\nnot ok 4 t \\# 4 # TODO later\nBail out! no memory\n");
  struct ktap *s = parse("TAP version 13\n1..0 # SKIP no support\n");
  if (!CHECK(k) || !CHECK(s))
    return;
  CHECK_STR(k->results[0].desc, "");
  CHECK_STR(k->results[0].directive, "XFAIL");
  CHECK_STR(k->results[0].diag, "expected");
  CHECK_STR(k->results[1].directive, "ERROR");
  CHECK_STR(k->results[1].diag, "broken");
  CHECK_STR(k->results[2].desc, "dash style");
  CHECK_STR(k->results[3].desc, "t # 4");
  CHECK_STR(k->results[3].directive, "TODO");
  CHECK_EQ_INT(ktap_failures(k), 1);
  CHECK_STR(k->bail_out, "no memory");
  CHECK_EQ_INT(s->plan, 0);
  CHECK_STR(s->plan_skip, "no support");
  CHECK_EQ_INT(s->nresults, 0);
  ktap_free(k);
  ktap_free(s);
}

/* KTAP's nesting by indentation, the specification's example */
static void ktap_indented (void) {
  struct ktap *k = parse(
    "KTAP version 1\n1..2\n"
    "  KTAP version 1\n  1..2\n"
    "    KTAP version 1\n    1..2\n    not ok 1 test_1\n    ok 2 test_2\n"
    "  not ok 1 test_3\n  ok 2 test_4 # SKIP\n"
    "not ok 1 example_test_1\nok 2 example_test_2\n");
  const struct ktap *a;
  if (!CHECK(k) || !CHECK_EQ_INT(k->nresults, 2))
    return;
  a = k->results[0].sub;
  if (!CHECK(a) || !CHECK_EQ_INT(a->nresults, 2))
    return;
  CHECK(!k->results[1].sub);
  CHECK_STR(a->results[0].desc, "test_3");
  CHECK(a->results[0].sub && a->results[0].sub->nresults == 2);
  CHECK_STR(a->results[0].sub->results[1].desc, "test_2");
  CHECK_STR(a->results[1].directive, "SKIP");
  CHECK(a->results[1].diag == NULL);
  ktap_free(k);
}

/* kselftest's runner nests a test's own TAP behind "# " */
static void hash_prefixed (void) {
  struct ktap *k = parse(
    "TAP version 13\n1..1\n# selftests: c: t\n"
    "# TAP version 13\n# 1..2\n# # setting up\n# ok 1 a\n# not ok 2 b\n"
    "# # Totals: pass:1 fail:1 xfail:0 xpass:0 skip:0 error:0\n"
    "not ok 1 selftests: c: t # exit=1\n");
  const struct ktap *s;
  if (!CHECK(k) || !CHECK_EQ_INT(k->nresults, 1))
    return;
  CHECK_STR(k->results[0].lines[0], "selftests: c: t");
  CHECK_STR(k->results[0].diag, "exit=1");
  CHECK(k->results[0].directive == NULL);
  s = k->results[0].sub;
  if (!CHECK(s) || !CHECK_EQ_INT(s->nresults, 2))
    return;
  CHECK_STR(s->results[0].lines[0], "setting up");
  CHECK_EQ_INT(ktap_failures(s), 1);
  CHECK_EQ_INT(s->nlines, 1);
  ktap_free(k);
}

/* a nested block whose parent never reports (the test died) stays as lines */
static void orphaned_block (void) {
  struct ktap *k = parse("TAP version 13\n1..2\nok 1 first\n"
                         "  KTAP version 1\n  1..1\n  ok 1 inner\nSegmentation fault\n");
  if (!CHECK(k))
    return;
  CHECK_EQ_INT(k->nresults, 1);
  CHECK(!k->results[0].sub);
  CHECK_EQ_INT(k->nlines, 4);
  if (k->nlines == 4) {
    CHECK_STR(k->lines[0], "  KTAP version 1");
    CHECK_STR(k->lines[2], "  ok 1 inner");
    CHECK_STR(k->lines[3], "Segmentation fault");
  }
  ktap_free(k);
}

/* a shell test running two programs: two streams, the plans add up */
static void concatenated_streams (void) {
  struct ktap *k = parse("TAP version 13\n1..1\nok 1 a\nTAP version 13\n1..2\nok 1 b\n"
                         "ok 2 c\r\nno newline at the end");
  if (!CHECK(k))
    return;
  CHECK_EQ_INT(k->plan, 3);
  CHECK_EQ_INT(k->nresults, 3);
  CHECK_STR(k->results[2].desc, "c");
  CHECK_EQ_INT(k->nlines, 1);
  CHECK_STR(k->lines[0], "no newline at the end");
  ktap_free(k);
}

/* plain text, NULs and lines that only look like results */
static void not_tap (void) {
  static const char text[] = "okay then\nok1\nnotok 2\nbinary\0junk\n";
  struct ktap *k = ktap_parse(text, sizeof(text) - 1);
  if (!CHECK(k))
    return;
  CHECK_EQ_INT(k->plan, -1);
  CHECK_EQ_INT(k->nresults, 0);
  CHECK_EQ_INT(k->nlines, 4);
  CHECK_STR(k->lines[3], "binary junk");
  ktap_free(k);
}

/* written back: renumbered, escaped, nested by two spaces, plan = results */
static void write_back (void) {
  struct ktap *k = parse(
    "TAP version 13\n1..4\n# RUN a\nok 1 a # SKIP why\n"
    "  KTAP version 1\n  1..1\n  not ok 1 in\nnot ok 7 b \\\\ c # exit=1\n"
    "ok 3 # XFAIL\ntrailing\n");
  char *out;
  if (!CHECK(k))
    return;
  out = written(k, 1);
  CHECK_STR(out,
    "  KTAP version 1\n"
    "  1..3\n"
    "  # RUN a\n"
    "  ok 1 a # SKIP why\n"
    "    KTAP version 1\n"
    "    1..1\n"
    "    not ok 1 in\n"
    "  not ok 2 b \\\\ c # exit=1\n"
    "  ok 3 # XFAIL\n"
    "  # trailing\n"
    "  # planned 4, reported 3\n");
  free(out);
  ktap_free(k);
  k = parse("x\\#y # bare\n1..0 # SKIP nothing\n");
  out = written(k, 0);
  CHECK_STR(out, "KTAP version 1\n1..0 # SKIP nothing\n# x\\#y # bare\n");
  free(out);
  ktap_free(k);
}

/* a description with '#' and '\' as the writer escapes it */
static void desc_escaping (void) {
  char *out = NULL;
  size_t len;
  FILE *f = open_memstream(&out, &len);
  if (!CHECK(f))
    return;
  ktap_write_desc(f, "a#b\\c\nd");
  ktap_write_diag(f, 2, "one\n\ntwo\n");
  fclose(f);
  CHECK_STR(out, "a\\#b\\\\c d    # one\n    #\n    # two\n");
  free(out);
}

static const struct unit_case cases[] = {
  { "kselftest_harness.h output", harness_output },
  { "kselftest.h variants", kselftest_h_variants },
  { "KTAP nesting by indentation", ktap_indented },
  { "kselftest nesting behind '# '", hash_prefixed },
  { "a block without its parent's result", orphaned_block },
  { "concatenated streams", concatenated_streams },
  { "lines that are not TAP", not_tap },
  { "written back as KTAP", write_back },
  { "descriptions and diagnostics", desc_escaping },
  { NULL, NULL }
};

const struct unit_suite unit_ktap = { "ktap", cases };
