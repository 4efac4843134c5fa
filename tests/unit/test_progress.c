/* test_progress.c - host/progress.c: the status line's text */
#include <stdio.h>
#include <stdlib.h>

#include "../../host/progress.h"
#include "../../host/util.h"
#include "unit.h"

#define S 1000000000ull

static void line_text (void) {
  struct test_file tf[4] = {
    { .path = "t/a.lua", .state = TEST_DONE },
    { .path = "t/b.lua", .state = TEST_RUNNING, .start_ns = 10 * S },
    { .path = "t/c.lua", .state = TEST_RUNNING, .start_ns = 19 * S + S / 2 },
    { .path = "t/d.lua", .state = TEST_PENDING },
  };
  struct test_run r = { .tf = tf, .n = 4 };
  char out[256];
  progress_format(out, sizeof(out), &r, 22 * S, 200);
  CHECK_STR(out, "1/4 done | running: t/b.lua 12s, t/c.lua 2s");
  r.failed = 3;
  progress_format(out, sizeof(out), &r, 22 * S, 200);
  CHECK_STR(out, "1/4 done, 3 failed | running: t/b.lua 12s, t/c.lua 2s");
  tf[1].state = tf[2].state = TEST_DONE;
  progress_format(out, sizeof(out), &r, 22 * S, 200);
  CHECK_STR(out, "3/4 done, 3 failed");
}


/* never as wide as the terminal: a full line could wrap and not be erased */
static void cut_to_width (void) {
  struct test_file tf[1] = {
    { .path = "tests/a/very/long/path/to/a/test/file.lua", .state = TEST_RUNNING },
  };
  struct test_run r = { .tf = tf, .n = 1 };
  char out[256];
  progress_format(out, sizeof(out), &r, 0, 30);
  CHECK_EQ_INT(strlen(out), 29);
  CHECK_STR(out, "0/1 done | running: tests/...");
}


static const struct unit_case cases[] = {
  { "done/total, failures, running files with their time", line_text },
  { "cut one column short of the terminal", cut_to_width },
  { NULL, NULL }
};

const struct unit_suite unit_progress = { "progress", cases };
