/* test_report.c - host/report.c: human, TAP 13, JSON and JUnit output, escaping */
#include <stdio.h>
#include <stdlib.h>

#include "../../host/report.h"
#include "unit.h"

/* what @write printed, as a string (caller frees) */
#define CAPTURE(out, write) do { \
  size_t len_; \
  FILE *f_ = open_memstream(&(out), &len_); \
  if (f_) { write; fclose(f_); } \
} while (0)

static struct subtest pass_tests[] = {
  { "ok", 0.1, "a\"b", "" },
};

static struct subtest fail_tests[] = {
  { "fail", 0, "t\x01#1", "line1\nline2\t\xff" },
  { "skip", 0, "needs kvm", "no /dev/kvm" },
  { "todo", 0, "later", "" },
};

/* three files: one passed, one failed (and timed out), one never ran */
static void sample_run (struct test_run *r, struct test_file tf[3]) {
  memset(tf, 0, 3 * sizeof(tf[0]));
  tf[0].path = "a.lua";
  tf[0].state = TEST_DONE;
  tf[0].order = 2;
  tf[0].end_ns = 1500000000;
  tf[0].tests = pass_tests;
  tf[0].ntests = 1;
  tf[0].passed = 1;
  tf[0].log = "/tmp/l/001-a.lua.log";
  tf[1].path = "b\\#.lua";
  tf[1].state = TEST_DONE;
  tf[1].order = 1;
  tf[1].tests = fail_tests;
  tf[1].ntests = 3;
  tf[1].failed = 2;
  tf[1].skipped = 2;
  tf[1].why = "timed out after 1 s";
  tf[1].error = "boom\nat x.lua:3";
  tf[1].log = "/tmp/l/002-b.lua.log";
  tf[1].output = "out<&>\r\"";
  tf[2].path = "c.lua";
  tf[2].state = TEST_PENDING;
  memset(r, 0, sizeof(*r));
  r->tf = tf;
  r->n = 3;
  r->passed = 1;
  r->failed = 2;
  r->skipped = 3;
  r->not_run = "--fail-fast";
  r->logdir = "/tmp/l";
  r->vms = (struct vm_starts){ .warm = 7, .fixture = 2, .cold = 1, .built = 1 };
  r->secs = 2;
}


static void human (void) {
  struct test_file tf[3];
  struct test_run r;
  char *out = NULL;
  sample_run(&r, tf);
  CAPTURE(out, report_human(f_, &tf[0]));
  CHECK_STR(out, "  ok    a\"b (0.10s)\nPASS a.lua (1.50s)\n");
  free(out);
  out = NULL;
  CAPTURE(out, report_human(f_, &tf[1]));
  CHECK_STR(out,
            "  FAIL  t\x01#1 (0.00s)\n"
            "      line1\n"
            "      line2\t\xff\n"
            "  skip  needs kvm: no /dev/kvm\n"
            "  todo  later\n"
            "  FAIL  b\\#.lua: timed out after 1 s\n"
            "      boom\n"
            "      at x.lua:3\n"
            "FAIL b\\#.lua (0.00s)\n"
            "    out<&>\r\"\n");
  free(out);
  out = NULL;
  CAPTURE(out, report_not_run(f_, &tf[2], "interrupted", 0));
  CHECK_STR(out, "SKIP c.lua (not run: interrupted)\n");
  free(out);
  out = NULL;
  CAPTURE(out, (report_end(f_, &r, 0), report_summary(f_, &r)));
  CHECK_STR(out, "logs: /tmp/l\nVMs: 7 restored from snapshots (1 snapshot built), "
                 "2 from fixtures, 1 cold-booted\n1 passed, 2 failed, 3 skipped\n");
  free(out);
}


static void tap (void) {
  struct test_file tf[3];
  struct test_run r;
  char *out = NULL;
  sample_run(&r, tf);
  CAPTURE(out, (report_tap_plan(f_, r.n), report_tap(f_, &tf[1]), report_tap(f_, &tf[0])));
  CHECK_STR(out,
            "TAP version 13\n"
            "1..3\n"
            "    1..3\n"
            "    not ok 1 t\x01\\#1\n"  /* '#' would start a directive */
            "    # line1\n"
            "    # line2\t\xff\n"
            "    ok 2 needs kvm # SKIP no /dev/kvm\n"
            "    ok 3 later # TODO \n"
            "# b\\#.lua: timed out after 1 s\n"
            "# boom\n"
            "# at x.lua:3\n"
            "# out<&>\r\"\n"
            "not ok 1 b\\\\\\#.lua\n"
            "    1..1\n"
            "    ok 1 a\"b\n"
            "ok 2 a.lua\n");
  free(out);
  out = NULL;
  tf[2].order = 3;
  CAPTURE(out, report_not_run(f_, &tf[2], "--fail-fast", 1));
  CHECK_STR(out, "ok 3 c.lua # SKIP not run: --fail-fast\n");
  free(out);
  out = NULL;
  CAPTURE(out, report_end(f_, &r, 1));
  CHECK_STR(out, "# logs: /tmp/l\n"
                 "# Totals: pass:1 fail:2 xfail:0 xpass:0 skip:3 error:0\n");
  free(out);
  out = NULL;
  CAPTURE(out, report_tap_desc(f_, "two\nlines\r#x\\"));
  CHECK_STR(out, "two lines \\#x\\\\");
  free(out);
}


static void json (void) {
  struct test_file tf[3];
  struct test_run r;
  char *out = NULL;
  sample_run(&r, tf);
  CAPTURE(out, report_json(f_, &r));
  CHECK_STR(out,
    "{\"files\":[\n"
    "  {\"path\":\"a.lua\",\"status\":\"pass\",\"duration\":1.500,\"tests\":[\n"
    "    {\"name\":\"a\\\"b\",\"status\":\"ok\",\"duration\":0.100,\"message\":\"\"}],"
    "\"error\":null,\"log\":\"/tmp/l/001-a.lua.log\",\"output\":null},\n"
    "  {\"path\":\"b\\\\#.lua\",\"status\":\"fail\",\"duration\":0.000,\"tests\":[\n"
    "    {\"name\":\"t\\u0001#1\",\"status\":\"fail\",\"duration\":0.000,"
    "\"message\":\"line1\\nline2\\t\\ufffd\"},\n"
    "    {\"name\":\"needs kvm\",\"status\":\"skip\",\"duration\":0.000,"
    "\"message\":\"no /dev/kvm\"},\n"
    "    {\"name\":\"later\",\"status\":\"todo\",\"duration\":0.000,\"message\":\"\"}],"
    "\"error\":\"timed out after 1 s: boom\\nat x.lua:3\",\"log\":\"/tmp/l/002-b.lua.log\","
    "\"output\":\"out<&>\\u000d\\\"\"},\n"
    "  {\"path\":\"c.lua\",\"status\":\"skip\",\"duration\":0.000,\"tests\":[],"
    "\"error\":\"not run: --fail-fast\",\"log\":null,\"output\":null}\n"
    "],\"passed\":1,\"failed\":2,\"skipped\":3,\"duration\":2.000,"
    "\"vms\":{\"warm\":7,\"fixture\":2,\"cold\":1,\"snapshots_built\":1},"
    "\"logs\":\"/tmp/l\"}\n");
  free(out);
  out = NULL;
  /* logs removed (a passing run): no log paths */
  r.logdir = NULL;
  CAPTURE(out, report_json(f_, &r));
  CHECK_HAS(out, "\"log\":null,\"output\":null},\n  {\"path\":\"b");
  CHECK_HAS(out, "\"logs\":null}\n");
  free(out);
}


/* JSON strings: UTF-8 passes, anything else becomes U+FFFD, controls are escaped */
static void json_utf8 (void) {
  static struct subtest t = { "ok", 0, NULL, "" };
  struct test_file tf = { 0 };
  struct test_run r = { 0 };
  char *out = NULL;
  t.name = "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"  /* é € 😀 */
           "|\xc0\x80"          /* overlong NUL */
           "|\xed\xa0\x80"      /* a surrogate */
           "|\xf4\x90\x80\x80"  /* above U+10FFFF */
           "|\xe2\x82"          /* cut short */
           "|\x7f\x1f";
  tf.path = "x.lua";
  tf.state = TEST_DONE;
  tf.tests = &t;
  tf.ntests = 1;
  r.tf = &tf;
  r.n = 1;
  CAPTURE(out, report_json(f_, &r));
  CHECK_HAS(out, "{\"name\":\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80"
                 "|\\ufffd\\ufffd"
                 "|\\ufffd\\ufffd\\ufffd"
                 "|\\ufffd\\ufffd\\ufffd\\ufffd"
                 "|\\ufffd\\ufffd"
                 "|\\u007f\\u001f\",");
  free(out);
}


static void junit (void) {
  struct test_file tf[3];
  struct test_run r;
  char *out = NULL;
  sample_run(&r, tf);
  CAPTURE(out, report_junit(f_, &r));
  CHECK_STR(out,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<testsuites name=\"provium\" tests=\"6\" failures=\"2\" errors=\"0\" skipped=\"3\" "
    "time=\"2.000\">\n"
    "  <testsuite name=\"a.lua\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\" "
    "time=\"1.500\">\n"
    "    <testcase classname=\"a.lua\" name=\"a&quot;b\" time=\"0.100\"/>\n"
    "  </testsuite>\n"
    "  <testsuite name=\"b\\#.lua\" tests=\"4\" failures=\"2\" errors=\"0\" skipped=\"2\" "
    "time=\"0.000\">\n"
    "    <testcase classname=\"b\\#.lua\" name=\"t#1\" time=\"0.000\">\n"
    "      <failure message=\"line1\">line1\nline2\t\xef\xbf\xbd</failure>\n"
    "    </testcase>\n"
    "    <testcase classname=\"b\\#.lua\" name=\"needs kvm\" time=\"0.000\">\n"
    "      <skipped message=\"skip: no /dev/kvm\"/>\n"
    "    </testcase>\n"
    "    <testcase classname=\"b\\#.lua\" name=\"later\" time=\"0.000\">\n"
    "      <skipped message=\"todo\"/>\n"
    "    </testcase>\n"
    "    <testcase classname=\"b\\#.lua\" name=\"(file)\" time=\"0.000\">\n"
    "      <failure message=\"timed out after 1 s\">boom\nat x.lua:3\n</failure>\n"
    "    </testcase>\n"
    "    <system-out>out&lt;&amp;&gt;&#13;\"</system-out>\n"
    "  </testsuite>\n"
    "  <testsuite name=\"c.lua\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"1\" "
    "time=\"0.000\">\n"
    "    <testcase classname=\"c.lua\" name=\"(file)\" time=\"0.000\">\n"
    "      <skipped message=\"not run: --fail-fast\"/>\n"
    "    </testcase>\n"
    "  </testsuite>\n"
    "</testsuites>\n");
  free(out);
  out = NULL;
  /* attribute values keep their newlines and tabs as references */
  tf[1].why = "a\nb\tc\"<";
  CAPTURE(out, report_junit(f_, &r));
  CHECK_HAS(out, "<failure message=\"a&#10;b&#9;c&quot;&lt;\">");
  free(out);
}


static const struct unit_case cases[] = {
  { "human report, not-run files, summary", human },
  { "TAP 13: nested tests, directives, escaping", tap },
  { "JSON document", json },
  { "JSON strings: UTF-8 kept, the rest replaced", json_utf8 },
  { "JUnit XML document and escaping", junit },
  { NULL, NULL }
};

const struct unit_suite unit_report = { "report", cases };
