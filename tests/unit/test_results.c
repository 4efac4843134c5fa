/* test_results.c - host/test_results.c: a child's events and exit status -> results */
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "../../host/test_results.h"
#include "../../host/util.h"
#include "unit.h"

#define EXITED(code)  ((code) << 8)  /* a wait status */

/* a file that ran as pid 42 and sent @events, ending with wait status @status */
static void ran (struct test_file *t, const char *events, int status) {
  memset(t, 0, sizeof(*t));
  t->path = xstrdup("tests/e2e/x.lua");
  t->pid = 42;
  t->events = -1;
  t->buf = events ? xstrdup(events) : NULL;
  t->len = events ? strlen(events) : 0;
  t->status = status;
}


static void passing (void) {
  struct test_file t;
  ran(&t, "start\tfirst\n"
          "test\tok\t0.25\tfirst\t\n"
          "test\tskip\t0\tsecond\tno /dev/kvm\n"
          "test\ttodo\t0.5\tthird\tnot yet\n"
          "end\n", EXITED(0));
  test_results_parse(&t, 0);
  CHECK(t.buf == NULL);  /* consumed */
  if (CHECK_EQ_INT(t.ntests, 3)) {
    CHECK_STR(t.tests[0].status, "ok");
    CHECK_STR(t.tests[0].name, "first");
    CHECK_STR(t.tests[0].msg, "");
    CHECK(t.tests[0].secs == 0.25);
    CHECK_STR(t.tests[1].status, "skip");
    CHECK_STR(t.tests[1].msg, "no /dev/kvm");
    CHECK_STR(t.tests[2].status, "todo");
    CHECK(t.tests[2].secs == 0.5);
  }
  CHECK_EQ_INT(t.passed, 1);
  CHECK_EQ_INT(t.failed, 0);
  CHECK_EQ_INT(t.skipped, 2);  /* todo and skip */
  CHECK(t.why == NULL);
  CHECK(t.current == NULL);
  test_results_free(&t);
}


/* \v stands for a newline inside a field: a space in names, a newline in messages */
static void failing_and_folded (void) {
  struct test_file t;
  ran(&t, "test\tfail\t1.5\ttwo\vlines\texpected 1\vgot 2\n"
          "test\tweird\t0\tx\t\n"  /* an unknown status counts as a failure */
          "end\n", EXITED(1));
  test_results_parse(&t, 0);
  if (CHECK_EQ_INT(t.ntests, 2)) {
    CHECK_STR(t.tests[0].status, "fail");
    CHECK_STR(t.tests[0].name, "two lines");
    CHECK_STR(t.tests[0].msg, "expected 1\ngot 2");
    CHECK_STR(t.tests[1].status, "fail");
  }
  CHECK_EQ_INT(t.failed, 2);
  CHECK(t.why == NULL);  /* the tests failed, the file did not */
  test_results_free(&t);
}


static void no_tests (void) {
  struct test_file t;
  ran(&t, "end\n", EXITED(0));
  test_results_parse(&t, 0);
  CHECK_EQ_INT(t.ntests, 0);
  CHECK_EQ_INT(t.passed, 1);  /* a script without test() is one test */
  CHECK(t.why == NULL);
  test_results_free(&t);
  ran(&t, NULL, EXITED(0));  /* no events at all: it never said "end" */
  test_results_parse(&t, 0);
  CHECK_STR(t.why, "exited before finishing (status 0)");
  CHECK_EQ_INT(t.failed, 1);
  CHECK_EQ_INT(t.passed, 0);
  test_results_free(&t);
}


static void file_failures (void) {
  struct test_file t;
  ran(&t, "error\tboom\vtraceback\nend\n", EXITED(1));
  test_results_parse(&t, 0);
  CHECK_STR(t.why, "error outside a test");
  CHECK_STR(t.error, "boom\ntraceback");
  CHECK_EQ_INT(t.failed, 1);
  test_results_free(&t);

  /* killed while a test ran: the test is named */
  ran(&t, "test\tok\t0\tfirst\t\nstart\tsecond\vone\n", SIGKILL);
  test_results_parse(&t, 0);
  CHECK_STR(t.why, "killed by signal 9 (Killed) in test \"second one\"");
  CHECK_EQ_INT(t.passed, 1);
  CHECK_EQ_INT(t.failed, 1);
  test_results_free(&t);

  /* SIGALRM is --timeout's only when one was given */
  ran(&t, "start\tslow\n", SIGALRM);
  test_results_parse(&t, 3);
  CHECK_STR(t.why, "timed out after 3 s in test \"slow\"");
  test_results_free(&t);
  ran(&t, "", SIGALRM);
  test_results_parse(&t, 0);
  CHECK_STR(t.why, "killed by signal 14 (Alarm clock)");
  test_results_free(&t);

  ran(&t, "test\tok\t0\ta\t\n", EXITED(3));
  test_results_parse(&t, 0);
  CHECK_STR(t.why, "exited before finishing (status 3)");
  test_results_free(&t);

  ran(&t, NULL, 0);
  t.pid = 0;  /* fork failed */
  test_results_parse(&t, 0);
  CHECK_STR(t.why, "could not start a process for this file");
  CHECK_EQ_INT(t.failed, 1);
  test_results_free(&t);
}


/* short or garbled lines are ignored, never read past */
static void malformed (void) {
  struct test_file t;
  ran(&t, "test\n"
          "test\tok\n"
          "test\tok\t1\n"
          "start\n"
          "error\n"
          "bogus\tline\n"
          "\n\n"
          "test\tok\t0\tlast\n"  /* no message field: "" */
          "end\n", EXITED(0));
  test_results_parse(&t, 0);
  if (CHECK_EQ_INT(t.ntests, 1)) {
    CHECK_STR(t.tests[0].name, "last");
    CHECK_STR(t.tests[0].msg, "");
  }
  CHECK(t.why == NULL);
  CHECK(t.error == NULL);
  test_results_free(&t);
}


/* "vm" lines: how each VM started, counted for the run's summary */
static void vm_starts (void) {
  struct test_file t;
  ran(&t, "vm\twarm built\n"
          "vm\twarm\n"
          "vm\twarm\n"
          "vm\tfixture\n"
          "vm\tcold\n"
          "vm\n"  /* short: ignored */
          "end\n", EXITED(0));
  test_results_parse(&t, 0);
  CHECK_EQ_INT(t.vms.warm, 3);
  CHECK_EQ_INT(t.vms.built, 1);
  CHECK_EQ_INT(t.vms.fixture, 1);
  CHECK_EQ_INT(t.vms.cold, 1);
  CHECK_EQ_INT(t.passed, 1);
  test_results_free(&t);
}


static const struct unit_case cases[] = {
  { "how VMs started", vm_starts },
  { "passing, skipped and todo tests", passing },
  { "failed tests, folded newlines", failing_and_folded },
  { "a file without tests or events", no_tests },
  { "errors, signals, timeouts, early exits", file_failures },
  { "malformed event lines", malformed },
  { NULL, NULL }
};

const struct unit_suite unit_results = { "results", cases };
