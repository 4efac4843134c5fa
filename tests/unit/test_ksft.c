/* test_ksft.c - host/ksft.c and host/ksft_report.c: an install tree, selections, exit codes, reports */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "../../host/ksft.h"
#include "../../host/ksft_report.h"
#include "../../host/util.h"
#include "unit.h"

#define CAPTURE(out, write) do { \
  size_t len_; \
  FILE *f_ = open_memstream(&(out), &len_); \
  if (f_) { write; fclose(f_); } \
} while (0)

static void put (const char *dir, const char *name, const char *text) {
  char *p = xasprintf("%s/%s", dir, name);
  char *slash = strrchr(p, '/');
  *slash = '\0';
  mkdir_p(p, 0755);
  *slash = '/';
  write_whole_file(p, text, strlen(text));
  free(p);
}

static void settings (void) {
  struct error e;
  int t = -1;
  static const char ok[] = "# a comment\n\n  \nfoo=bar\ntimeout=300  \n";
  static const char bin[] = "timeout=1\0junk";
  CHECK_EQ_INT(ksft_settings_parse(ok, strlen(ok), "s", &t, &e), 0);
  CHECK_EQ_INT(t, 300);
  CHECK_EQ_INT(ksft_settings_parse("timeout=0\n", 10, "s", &t, &e), 0);
  CHECK_EQ_INT(t, 0);
  CHECK_EQ_INT(ksft_settings_parse("", 0, "s", &t, &e), 0);
  CHECK_EQ_INT(t, KSFT_DEFAULT_TIMEOUT);
  CHECK_EQ_INT(ksft_settings_parse("timeout=1\nthis is garbage\n", 26, "x/settings", &t, &e), -1);
  CHECK_HAS(e.msg, "x/settings:2: 'this is garbage' is not key=value");
  CHECK_EQ_INT(ksft_settings_parse("timeout=45s\n", 12, "s", &t, &e), -1);
  CHECK_HAS(e.msg, "s:1: timeout=45s: want whole seconds");
  CHECK_EQ_INT(ksft_settings_parse("timeout=-1", 10, "s", &t, &e), -1);
  CHECK_EQ_INT(ksft_settings_parse("=5", 2, "s", &t, &e), -1);
  CHECK_EQ_INT(ksft_settings_parse(bin, sizeof(bin) - 1, "s", &t, &e), -1);
  CHECK_HAS(e.msg, "binary data");
}

static void tree (void) {
  const char *d = unit_tmpdir();
  struct ksft_tree t;
  struct error e;
  char *sub;
  if (!CHECK(d))
    return;
  CHECK_EQ_INT(ksft_tree_load(d, &t, &e), -1);
  CHECK_HAS(e.msg, "is not a kselftest install: it has no kselftest-list.txt");
  put(d, "kselftest-list.txt", "a:one\nb:x.sh\n\na:two\nnet/fwd:t\n");
  put(d, "a/settings", "timeout=5\n");
  CHECK_EQ_INT(ksft_tree_load(d, &t, &e), 0);
  CHECK_EQ_INT(t.ncols, 3);
  if (t.ncols == 3) {
    CHECK_STR(t.cols[0].name, "a");
    CHECK_EQ_INT(t.cols[0].ntests, 2);
    CHECK_STR(t.cols[0].tests[1], "two");
    CHECK_EQ_INT(t.cols[0].timeout_s, 5);
    CHECK_EQ_INT(t.cols[1].timeout_s, KSFT_DEFAULT_TIMEOUT);
    CHECK_STR(t.cols[2].name, "net/fwd");
  }
  ksft_tree_free(&t);
  put(d, "b/settings", "timeout=forever\n");
  CHECK_EQ_INT(ksft_tree_load(d, &t, &e), -1);
  CHECK_HAS(e.msg, "/b/settings:1: timeout=forever");
  put(d, "b/settings", "timeout=9\n");
  put(d, "kselftest-list.txt", "a:one\njust-a-name\n");
  CHECK_EQ_INT(ksft_tree_load(d, &t, &e), -1);
  CHECK_HAS(e.msg, "kselftest-list.txt:2: 'just-a-name' is not collection:test");
  put(d, "kselftest-list.txt", "\n");
  CHECK_EQ_INT(ksft_tree_load(d, &t, &e), -1);
  CHECK_HAS(e.msg, "lists no tests");
  sub = xasprintf("%s/kselftest-list.txt", d);
  CHECK_EQ_INT(ksft_tree_load(sub, &t, &e), -1);
  CHECK_HAS(e.msg, "is not a directory");
  free(sub);
  CHECK_EQ_INT(ksft_tree_load("/no/such/dir", &t, &e), -1);
  CHECK_HAS(e.msg, "/no/such/dir: No such file or directory");
}

static void selection (void) {
  const char *d = unit_tmpdir();
  struct ksft_tree t;
  struct ksft_pick *p;
  struct error e;
  size_t n;
  const char *all[] = { "b", "a:two", "a:one", "b:y" };
  const char *bad1[] = { "zz" }, *bad2[] = { "a:three" };
  if (!CHECK(d))
    return;
  put(d, "kselftest-list.txt", "a:one\na:two\na:three0\nb:x\nb:y\nc:z\n");
  if (!CHECK_EQ_INT(ksft_tree_load(d, &t, &e), 0))
    return;
  CHECK_EQ_INT(ksft_select(&t, NULL, 0, &p, &n, &e), 0);
  CHECK_EQ_INT(n, 3);
  ksft_picks_free(p, n);
  /* list order, each once; a whole collection wins over its single tests */
  CHECK_EQ_INT(ksft_select(&t, all, 4, &p, &n, &e), 0);
  if (CHECK_EQ_INT(n, 2)) {
    CHECK_STR(p[0].col->name, "a");
    CHECK_EQ_INT(p[0].ntests, 2);
    CHECK_STR(p[0].tests[0], "one");
    CHECK_STR(p[0].tests[1], "two");
    CHECK_STR(p[1].col->name, "b");
    CHECK_EQ_INT(p[1].ntests, 2);
  }
  ksft_picks_free(p, n);
  CHECK_EQ_INT(ksft_select(&t, bad1, 1, &p, &n, &e), -1);
  CHECK_HAS(e.msg, "no collection 'zz' in ");
  CHECK_HAS(e.msg, "(it has: a, b, c)");
  CHECK_EQ_INT(ksft_select(&t, bad2, 1, &p, &n, &e), -1);
  CHECK_HAS(e.msg, "no test 'three' in collection 'a' (it has: one, two, three0)");
  CHECK(p == NULL && n == 0);
  ksft_tree_free(&t);
}

static enum ksft_status map (int code, int timed_out, const char *out, const char *want_reason) {
  struct ktap *k = ktap_parse(out, strlen(out));
  char *reason = NULL;
  enum ksft_status s = ksft_map_exit(code, timed_out, 180, k, &reason);
  CHECK_STR(reason, want_reason);
  free(reason);
  ktap_free(k);
  return s;
}

static void exit_codes (void) {
  static const char totals[] = "# Totals: pass:0 fail:0 xfail:1 xpass:0 skip:0 error:0\n";
  CHECK_EQ_INT(map(0, 0, "", ""), KSFT_PASS);
  CHECK_EQ_INT(map(1, 0, "", "exit=1"), KSFT_FAIL);
  CHECK_EQ_INT(map(137, 0, "", "exit=137"), KSFT_FAIL);
  CHECK_EQ_INT(map(4, 0, "TAP version 13\n1..0 # SKIP no module\n", "no module"), KSFT_SKIP);
  CHECK_EQ_INT(map(137, 1, "", "180 seconds"), KSFT_TIMEOUT);
  CHECK_EQ_INT(map(2, 0, totals, ""), KSFT_XFAIL);
  CHECK_EQ_INT(map(3, 0, totals, "exit=3 XPASS"), KSFT_XPASS);
  /* a script that exits with its count of failures is no kselftest.h xfail */
  CHECK_EQ_INT(map(2, 0, "FAIL: a\nFAIL: b\n", "exit=2"), KSFT_FAIL);
  CHECK_EQ_INT(map(0, 0, "1..2\nok 1 a\nnot ok 2 b\n", "exit=0 but 1 of its results failed"),
               KSFT_FAIL);
  CHECK_EQ_INT(map(0, 0, "1..2\nok 1 a\nnot ok 2 b # SKIP\n", ""), KSFT_PASS);
  CHECK(ksft_status_failed(KSFT_XPASS) && ksft_status_failed(KSFT_ERROR));
  CHECK(!ksft_status_failed(KSFT_XFAIL) && !ksft_status_failed(KSFT_NOTRUN));
}

static void timeouts (void) {
  struct ksft_collection c = { 0 };
  c.timeout_s = 45;
  CHECK_EQ_INT(ksft_timeout(&c, 4), 180);
  CHECK_EQ_INT(ksft_timeout(&c, 0.01), 1);
  c.timeout_s = 0;
  CHECK_EQ_INT(ksft_timeout(&c, 2), 2 * KSFT_NO_LIMIT);
}

static void encoding (void) {
  struct ksft_result r = { 0 }, back;
  char *line = NULL;
  r.collection = "c";
  r.test = "t.sh";
  r.status = KSFT_TIMEOUT;
  r.exit_code = -1;
  r.timeout_s = 20;
  r.secs = 1.5;
  r.reason = "20 seconds";
  r.output = "a\tb\\n\nTAP version 13\n1..1\nok 1 x\n\r";
  r.splats = "";
  CAPTURE(line, ksft_result_encode(f_, &r));
  if (!CHECK(line))
    return;
  CHECK(strchr(line, '\n') == line + strlen(line) - 1);
  line[strlen(line) - 1] = '\0';
  if (!CHECK_EQ_INT(ksft_result_decode(line, &back), 0))
    return;
  CHECK_STR(back.collection, "c");
  CHECK_STR(back.test, "t.sh");
  CHECK_EQ_INT(back.status, KSFT_TIMEOUT);
  CHECK_EQ_INT(back.exit_code, -1);
  CHECK_EQ_INT(back.timeout_s, 20);
  CHECK_STR(back.output, r.output);
  CHECK_STR(back.splats, "");
  CHECK(back.tap && back.tap->nresults == 1);
  ksft_result_free(&back);
  free(line);
  line = xstrdup("result\tbogus\t0\t0\t0\tc\tt\t\t\t");
  CHECK_EQ_INT(ksft_result_decode(line, &back), -1);
  free(line);
}

/*
 * A VM that recorded 200 splats keeps the first VM_EVENTS_HEAD and the
 * latest VM_EVENTS_TAIL (vm.c): a test's are those after the count it
 * started with, whichever slots they went to.
 */
static void splats_of_a_test (void) {
  struct vm vm;
  uint64_t i;
  char *s;
  memset(&vm, 0, sizeof(vm));
  vm.events = xcalloc(VM_EVENTS_HEAD + VM_EVENTS_TAIL, sizeof(*vm.events));
  for (i = 1; i <= 200; i++) {
    struct vm_event *ev = &vm.events[i <= VM_EVENTS_HEAD ? i - 1 :
                                     VM_EVENTS_HEAD + (i - VM_EVENTS_HEAD - 1) % VM_EVENTS_TAIL];
    free(ev->kind);
    free(ev->text);
    ev->kind = xstrdup(i % 2 ? "warning" : "bug");
    ev->text = xasprintf("splat %llu", (unsigned long long)i);
  }
  vm.nevents = 200;
  s = ksft_splats_since(&vm, 198);
  CHECK_STR(s, "guest kernel warning:\nsplat 199\nguest kernel bug:\nsplat 200");
  free(s);
  s = ksft_splats_since(&vm, 150);
  CHECK(strncmp(s, "guest kernel warning:\nsplat 151\n", 32) == 0);
  CHECK(!strstr(s, "splat 150\n") && !strstr(s, "splat 87\n"));
  CHECK_HAS(s, "splat 200");
  free(s);
  /* 101..136 went by unkept: counted, then the latest 64 */
  s = ksft_splats_since(&vm, 100);
  CHECK(strncmp(s, "[36 more reports not kept]\nguest kernel warning:\nsplat 137\n", 59) == 0);
  free(s);
  s = ksft_splats_since(&vm, 10);
  CHECK(strncmp(s, "guest kernel warning:\nsplat 11\n", 31) == 0);
  CHECK_HAS(s, "splat 64\n[72 more reports not kept]\nguest kernel warning:\nsplat 137\n");
  free(s);
  s = ksft_splats_since(&vm, 200);
  CHECK_STR(s, "");
  free(s);
  vm_free_events(&vm);
}

/* a run of two collections: one with every kind of result, one that never booted */
static struct ksft_result results[6];
static struct ksft_col_run cols[2];
static struct ksft_run run;

static void result (int i, const char *test, enum ksft_status s, const char *reason,
                    const char *out, const char *splats) {
  struct ksft_result *r = &results[i];
  memset(r, 0, sizeof(*r));
  r->collection = "c#1";
  r->test = (char *)test;
  r->status = s;
  r->exit_code = s == KSFT_PASS ? 0 : -1;
  r->timeout_s = 180;
  r->reason = (char *)reason;
  r->output = (char *)out;
  r->splats = (char *)splats;
  r->tap = ktap_parse(out, strlen(out));
}

static void sample (void) {
  result(0, "ok.sh", KSFT_PASS, "", "TAP version 13\n1..1\n# hi\nok 1 inner\n", "");
  result(1, "fail", KSFT_FAIL, "exit=1", "line <1>\n", "");
  result(2, "skip", KSFT_SKIP, "no module", "", "");
  result(3, "slow", KSFT_TIMEOUT, "180 seconds", "", "");
  result(4, "warn", KSFT_FAIL, "kernel warning: WARNING: at x", "",
         "guest kernel warning:\nWARNING: at x\nCall Trace:");
  result(5, "panic", KSFT_ERROR, "kernel panic", "", "");
  memset(cols, 0, sizeof(cols));
  cols[0].name = "c#1";
  cols[0].results = results;
  cols[0].n = 6;
  cols[0].ran = 1;
  cols[0].secs = 2;
  cols[0].console = "/tmp/console.log";
  cols[1].name = "d";
  cols[1].ran = 1;
  cols[1].error = "the guest did not boot";
  memset(&run, 0, sizeof(run));
  run.dir = "/inst";
  run.accel = "tcg";
  run.factor = 4;
  run.cols = cols;
  run.ncols = 2;
  run.secs = 3;
}

static void free_sample (void) {
  int i;
  for (i = 0; i < 6; i++)
    ktap_free(results[i].tap);
}

static void ktap_document (void) {
  char *out = NULL;
  sample();
  CAPTURE(out, (ksft_report_ktap_begin(f_, &run), ksft_report_ktap_collection(f_, &cols[0], 1, NULL),
                ksft_report_ktap_collection(f_, &cols[1], 2, NULL), ksft_report_ktap_end(f_, &run)));
  CHECK_STR(out,
    "KTAP version 1\n"
    "# provium kselftest: /inst\n"
    "# timeouts: settings x4 (tcg)\n"
    "1..2\n"
    "  KTAP version 1\n"
    "  1..6\n"
    "    KTAP version 1\n"
    "    1..1\n"
    "    # hi\n"
    "    ok 1 inner\n"
    "  ok 1 selftests: c\\#1: ok.sh\n"
    "  # line <1>\n"
    "  not ok 2 selftests: c\\#1: fail # exit=1\n"
    "  ok 3 selftests: c\\#1: skip # SKIP no module\n"
    "  not ok 4 selftests: c\\#1: slow # TIMEOUT 180 seconds\n"
    "  # guest kernel warning:\n"
    "  # WARNING: at x\n"
    "  # Call Trace:\n"
    "  not ok 5 selftests: c\\#1: warn # kernel warning: WARNING: at x\n"
    "  not ok 6 selftests: c\\#1: panic # ERROR kernel panic\n"
    "# console: /tmp/console.log\n"
    "not ok 1 selftests: c\\#1\n"
    "  KTAP version 1\n"
    "  1..0\n"
    "not ok 2 selftests: d # ERROR the guest did not boot\n"
    "# Totals: pass:1 fail:3 xfail:0 xpass:0 skip:1 error:2\n");
  free(out);
  free_sample();
}

static void json_junit_human (void) {
  char *json = NULL, *xml = NULL, *text = NULL, *sum = NULL;
  sample();
  CAPTURE(json, ksft_report_json(f_, &run));
  CAPTURE(xml, ksft_report_junit(f_, &run));
  CAPTURE(text, ksft_report_human(f_, &cols[0]));
  CAPTURE(sum, ksft_report_summary(f_, &run));
  CHECK_HAS(json, "{\"install\":\"/inst\",\"accel\":\"tcg\",\"timeout_factor\":4,");
  CHECK_HAS(json, "{\"name\":\"ok.sh\",\"status\":\"pass\",\"exit_code\":0,");
  CHECK_HAS(json, "\"subtests\":[{\"name\":\"inner\",\"status\":\"pass\",\"directive\":null,"
                  "\"reason\":null,\"subtests\":[]}]");
  CHECK_HAS(json, "{\"name\":\"slow\",\"status\":\"timeout\",\"exit_code\":null,");
  CHECK_HAS(json, "\"name\":\"d\",\"status\":\"fail\",\"duration\":0.000,"
                  "\"error\":\"the guest did not boot\"");
  CHECK_HAS(json, "\"totals\":{\"pass\":1,\"fail\":3,\"xfail\":0,\"xpass\":0,\"skip\":1,"
                  "\"error\":2},\"passed\":1,\"failed\":5,\"skipped\":1,");
  CHECK_HAS(xml, "<testsuites name=\"provium kselftest\" tests=\"7\" failures=\"3\" errors=\"2\" "
                 "skipped=\"1\"");
  CHECK_HAS(xml, "<testsuite name=\"c#1\" tests=\"6\" failures=\"3\" errors=\"1\" skipped=\"1\"");
  CHECK_HAS(xml, "<failure message=\"exit=1\"></failure>");
  CHECK_HAS(xml, "<system-out>line &lt;1&gt;\n</system-out>");
  CHECK_HAS(xml, "<failure message=\"TIMEOUT 180 seconds\">");
  CHECK_HAS(xml, "<error message=\"ERROR kernel panic\">");
  CHECK_HAS(xml, "<skipped message=\"SKIP no module\"/>");
  CHECK_HAS(xml, "name=\"(collection)\" time=\"0.000\">\n      <error message=\"the guest did not boot\">");
  CHECK_HAS(text, "  ok      ok.sh (0.00s)\n  FAIL    fail (0.00s): exit=1\n      line <1>\n");
  CHECK_HAS(text, "  TIMEOUT slow (0.00s): 180 seconds\n");
  CHECK_HAS(text, "      guest kernel warning:\n      WARNING: at x\n");
  CHECK_HAS(text, "FAIL c#1 (2.00s)\n    console: /tmp/console.log\n");
  CHECK_STR(sum, "1 passed, 5 failed, 1 skipped\n");
  free(json);
  free(xml);
  free(text);
  free(sum);
  free_sample();
}

static const struct unit_case cases[] = {
  { "settings files", settings },
  { "an install tree", tree },
  { "selecting collections and tests", selection },
  { "exit codes as the runner maps them", exit_codes },
  { "timeouts with a factor", timeouts },
  { "a result through a child's pipe", encoding },
  { "the splats of a test, after a flood", splats_of_a_test },
  { "the merged KTAP document", ktap_document },
  { "JSON, JUnit, human text", json_junit_human },
  { NULL, NULL }
};

const struct unit_suite unit_ksft = { "ksft", cases };
