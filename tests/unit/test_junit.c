/* test_junit.c - host/junit_merge.c: the JUnit files of shards as one */
#include <stdio.h>
#include <stdlib.h>

#include "../../host/junit_merge.h"
#include "../../host/util.h"
#include "unit.h"

static const char shard1[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<testsuites name=\"provium\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"1.500\">\n"
  "  <testsuite name=\"a.lua\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\"1.000\">\n"
  "    <testcase classname=\"a.lua\" name=\"x &gt; y\" time=\"0.100\"/>\n"
  "    <testcase classname=\"a.lua\" name=\"fails\" time=\"0.100\">\n"
  "      <failure message=\"boom\">a.lua:3: boom</failure>\n"
  "    </testcase>\n"
  "  </testsuite>\n"
  "  <testsuite name=\"b.lua\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0.250\">\n"
  "    <testcase classname=\"b.lua\" name=\"(file)\" time=\"0.000\"/>\n"
  "  </testsuite>\n"
  "</testsuites>\n";

/* another writer: a lone <testsuite>, a '>' in a value, CDATA holding a tag */
static const char other[] =
  "<!-- written elsewhere -->\n"
  "<testsuite name=\"c &gt; d\" note='1 > 0' tests=\"2\" failures=\"0\" errors=\"1\" skipped=\"1\" time=\"2\">\n"
  "  <testcase name=\"e\"><error><![CDATA[<testsuite tests=\"99\">]]></error></testcase>\n"
  "  <testcase name=\"s\"><skipped/></testcase>\n"
  "</testsuite>\n";

/* a root without counts: its suites are summed */
static const char bare[] =
  "<testsuites>\n"
  "  <testsuite name=\"f.lua\" tests=\"4\" failures=\"2\" skipped=\"1\" time=\"0.5\"></testsuite>\n"
  "</testsuites>";

static char *merge (const char *const *docs, int n, int *rc, struct error *e) {
  static const char *const names[] = { "one.xml", "two.xml", "three.xml" };
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  *rc = junit_merge(f, docs, names, n, e);
  fclose(f);
  return buf;
}


static void merges_counts_and_suites (void) {
  const char *docs[] = { shard1, other, bare };
  struct error e;
  int rc;
  char *out = merge(docs, 3, &rc, &e);
  CHECK_EQ_INT(rc, 0);
  CHECK_HAS(out, "<testsuites name=\"provium\" tests=\"9\" failures=\"3\" errors=\"1\" "
                 "skipped=\"2\" time=\"4.000\">\n");
  /* every suite, as it was, in input order */
  CHECK_HAS(out, "\n  <testsuite name=\"a.lua\"");
  CHECK_HAS(out, "<failure message=\"boom\">a.lua:3: boom</failure>");
  CHECK_HAS(out, "<testsuite name=\"b.lua\"");
  CHECK_HAS(out, "<testsuite name=\"c &gt; d\" note='1 > 0'");
  CHECK_HAS(out, "<![CDATA[<testsuite tests=\"99\">]]>");
  CHECK_HAS(out, "<testsuite name=\"f.lua\"");
  CHECK(strstr(out, "a.lua") < strstr(out, "c &gt; d"));
  CHECK(strstr(out, "c &gt; d") < strstr(out, "f.lua"));
  /* one root, no prolog or comment of the inputs inside it */
  CHECK_EQ_INT(strstr(strstr(out, "<testsuites") + 1, "<testsuites") == NULL, 1);
  CHECK(strstr(out, "written elsewhere") == NULL);
  CHECK(strstr(out, "</testsuite>\n</testsuites>\n") != NULL);
  free(out);
}


static void refuses_what_is_not_junit (void) {
  const char *html[] = { shard1, "<html><body>oops</body></html>" };
  const char *cut[] = { "<testsuites name=\"x\">\n  <testsuite name=\"a\">" };
  const char *empty[] = { "" };
  struct error e;
  int rc;
  free(merge(html, 2, &rc, &e));
  CHECK_EQ_INT(rc, -1);
  CHECK_HAS(e.msg, "two.xml: not JUnit XML");
  free(merge(cut, 1, &rc, &e));
  CHECK_EQ_INT(rc, -1);
  CHECK_HAS(e.msg, "one.xml: <testsuites> is not closed");
  free(merge(empty, 1, &rc, &e));
  CHECK_EQ_INT(rc, -1);
  CHECK_HAS(e.msg, "one.xml: not XML");
}


static const struct unit_case cases[] = {
  { "counts summed, suites copied in order", merges_counts_and_suites },
  { "what is not JUnit is refused, naming the file", refuses_what_is_not_junit },
  { NULL, NULL }
};

const struct unit_suite unit_junit = { "junit", cases };
