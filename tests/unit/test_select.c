/* test_select.c - host/test_select.c: discovery, -f, --shard, the rerun record */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../host/test_results.h"
#include "../../host/test_select.h"
#include "../../host/util.h"
#include "unit.h"

/* create @rel (and its directories) below @dir */
static void touch (const char *dir, const char *rel) {
  char *p = xasprintf("%s/%s", dir, rel), *slash = strrchr(p, '/');
  *slash = '\0';
  mkdir_p(p, 0755);
  *slash = '/';
  CHECK_EQ_INT(write_whole_file(p, "-- test\n", 8), 0);
  free(p);
}


/* the selected paths below @dir, relative to it, one per line */
static char *selected (const struct test_opts *o, const char *dir, int *rc) {
  char *paths[1] = { (char *)dir }, *list = xstrdup("");
  struct test_file *tf = NULL;
  size_t n = 0, i;
  int empty;
  *rc = test_select_files(o, paths, o->rerun_failed ? 0 : 1, &tf, &n, &empty);
  for (i = 0; i < n; i++) {
    const char *p = tf[i].path;
    if (!strncmp(p, dir, strlen(dir)))
      p += strlen(dir) + 1;
    CHECK_EQ_INT(tf[i].idx, (int)i);
    CHECK_EQ_INT(tf[i].events, -1);
    xappendf(&list, "%s\n", p);
    test_results_free(&tf[i]);
  }
  free(tf);
  return list;
}


static const char *tree[] = {
  "b.lua", "a.lua", "sub/c.lua", "sub/deeper/d.lua", "a_2.lua",
  ".hidden/x.lua", "fixtures/f.lua", "lib/l.lua", "sub/.git/y.lua",
  "notes.txt", "z.luax", "lua",
};

static const char *dir_with_tree (void) {
  const char *dir = unit_tmpdir();
  size_t i;
  if (!dir)
    return NULL;
  for (i = 0; i < sizeof(tree) / sizeof(tree[0]); i++)
    touch(dir, tree[i]);
  return dir;
}


static void discovery (void) {
  struct test_opts o = { 0 };
  const char *dir = dir_with_tree();
  char *list, *slashed;
  int rc;
  if (!CHECK(dir))
    return;
  list = selected(&o, dir, &rc);
  CHECK_EQ_INT(rc, 0);
  /* sorted by path; hidden, fixtures/ and lib/ skipped; only *.lua */
  CHECK_STR(list, "a.lua\na_2.lua\nb.lua\nsub/c.lua\nsub/deeper/d.lua\n");
  free(list);
  /* a trailing slash changes nothing */
  slashed = xasprintf("%s//", dir);
  {
    char *paths[1] = { slashed };
    struct test_file *tf = NULL;
    size_t n = 0, i;
    int empty;
    CHECK_EQ_INT(test_select_files(&o, paths, 1, &tf, &n, &empty), 0);
    if (CHECK_EQ_INT(n, 5)) {
      char *want = xasprintf("%s/a.lua", dir);
      CHECK_STR(tf[0].path, want);
      free(want);
    }
    for (i = 0; i < n; i++)
      test_results_free(&tf[i]);
    free(tf);
  }
  free(slashed);
}


/* a file named on the command line runs even if discovery would skip it */
static void named_file (void) {
  struct test_opts o = { 0 };
  const char *dir = dir_with_tree();
  char *p, *paths[2];
  struct test_file *tf = NULL;
  size_t n = 0, i;
  int empty;
  if (!CHECK(dir))
    return;
  p = xasprintf("%s/lib/l.lua", dir);
  paths[0] = p;
  paths[1] = p;  /* named twice: runs once */
  CHECK_EQ_INT(test_select_files(&o, paths, 2, &tf, &n, &empty), 0);
  if (CHECK_EQ_INT(n, 1))
    CHECK_STR(tf[0].path, p);
  for (i = 0; i < n; i++)
    test_results_free(&tf[i]);
  free(tf);
  free(p);
}


static void filters (void) {
  struct test_opts o = { 0 };
  const char *dir = dir_with_tree();
  char *list;
  int rc;
  if (!CHECK(dir))
    return;
  o.filters[o.nfilters++] = "sub/";  /* a substring */
  list = selected(&o, dir, &rc);
  CHECK_STR(list, "sub/c.lua\nsub/deeper/d.lua\n");
  free(list);
  o.filters[0] = "*/a*.lua";  /* a glob over the whole path: '*' crosses '/' */
  list = selected(&o, dir, &rc);
  CHECK_STR(list, "a.lua\na_2.lua\n");
  free(list);
  o.filters[o.nfilters++] = "d.l";  /* several: any may match */
  list = selected(&o, dir, &rc);
  CHECK_STR(list, "a.lua\na_2.lua\nsub/deeper/d.lua\n");
  free(list);
  /* without a '/', only the file name counts, as in the original */
  o.nfilters = 1;
  o.filters[0] = "deeper";
  list = selected(&o, dir, &rc);
  CHECK_STR(list, "");
  free(list);
  o.filters[0] = "_2";  /* a substring of the name */
  list = selected(&o, dir, &rc);
  CHECK_STR(list, "a_2.lua\n");
  free(list);
  o.filters[0] = "[bc].lua";  /* a glob over the name */
  list = selected(&o, dir, &rc);
  CHECK_STR(list, "b.lua\nsub/c.lua\n");
  free(list);
  o.filters[0] = "deeper/";
  list = selected(&o, dir, &rc);
  CHECK_STR(list, "sub/deeper/d.lua\n");
  free(list);
  o.nfilters = 1;
  o.filters[0] = "nothing-matches";
  list = selected(&o, dir, &rc);
  CHECK_EQ_INT(rc, 0);
  CHECK_STR(list, "");
  free(list);
}


/* --shard K/N: slices of the sorted selection, disjoint, covering it, stable */
static void shards (void) {
  struct test_opts o = { 0 };
  const char *dir = unit_tmpdir();
  char *all, *slice[4], *again, *joined = xstrdup("");
  int rc, k;
  if (!CHECK(dir))
    return;
  for (k = 0; k < 7; k++) {
    char name[32];
    snprintf(name, sizeof(name), "t%d.lua", 6 - k);  /* created out of order */
    touch(dir, name);
  }
  all = selected(&o, dir, &rc);
  CHECK_STR(all, "t0.lua\nt1.lua\nt2.lua\nt3.lua\nt4.lua\nt5.lua\nt6.lua\n");
  o.shard_n = 3;
  for (k = 1; k <= 3; k++) {
    o.shard_k = k;
    slice[k] = selected(&o, dir, &rc);
  }
  CHECK_STR(slice[1], "t0.lua\nt3.lua\nt6.lua\n");
  CHECK_STR(slice[2], "t1.lua\nt4.lua\n");
  CHECK_STR(slice[3], "t2.lua\nt5.lua\n");
  o.shard_k = 2;
  again = selected(&o, dir, &rc);
  CHECK_STR(again, slice[2]);
  /* the shard is taken after -f: slices of what the filter kept */
  o.filters[o.nfilters++] = "*t[1-4].lua";
  free(again);
  again = selected(&o, dir, &rc);
  CHECK_STR(again, "t2.lua\n");
  free(again);
  for (k = 1; k <= 3; k++) {
    xappendf(&joined, "%s", slice[k]);
    free(slice[k]);
  }
  CHECK_EQ_INT(strlen(joined), strlen(all));
  free(joined);
  free(all);
}


/* the record of failed files, and --rerun-failed reading it */
static void rerun_record (void) {
  struct test_opts o = { 0 };
  const char *dir = dir_with_tree();
  char *cache, *list, *paths[1];
  struct test_file tf[3] = { 0 };
  struct test_run r = { 0 };
  char cwd[4096];
  int rc, i;
  if (!CHECK(dir))
    return;
  cache = xasprintf("%s/cache", dir);
  setenv("PROVIUM_CACHE", cache, 1);
  /* never write over the real record */
  if (!CHECK_STR(cache_dir(), cache)) {
    free(cache);
    return;
  }
  for (i = 0; i < 3; i++) {
    tf[i].path = xasprintf("%s/%s", dir, (const char *[]){ "a.lua", "b.lua", "sub/c.lua" }[i]);
    tf[i].state = TEST_DONE;
  }
  tf[1].failed = 1;
  tf[2].failed = 2;
  r.tf = tf;
  r.n = 3;
  /* the record is the project's (no provium.toml here: the working
   * directory); the run selects its files first */
  if (!CHECK(getcwd(cwd, sizeof(cwd))) || !CHECK_EQ_INT(chdir(dir), 0))
    return;
  list = selected(&o, dir, &rc);
  free(list);
  test_select_record(&r);
  o.rerun_failed = 1;
  list = selected(&o, dir, &rc);
  CHECK_EQ_INT(rc, 0);
  CHECK_STR(list, "b.lua\nsub/c.lua\n");
  free(list);
  /* with paths: only the recorded files among them */
  paths[0] = xasprintf("%s/sub", dir);
  {
    struct test_file *got = NULL;
    size_t n = 0, k;
    int empty;
    CHECK_EQ_INT(test_select_files(&o, paths, 1, &got, &n, &empty), 0);
    if (CHECK_EQ_INT(n, 1))
      CHECK_STR(got[0].path, "sub/c.lua");	/* shown relative to the working directory */
    for (k = 0; k < n; k++)
      test_results_free(&got[k]);
    free(got);
  }
  free(paths[0]);
  /* a run without failures leaves an empty record */
  tf[1].failed = tf[2].failed = 0;
  test_select_record(&r);
  {
    struct test_file *got = NULL;
    size_t n = 7;
    int empty = 0;
    /* it says the last complete run passed: not into the unit report */
    int err = dup(2), null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null >= 0)
      dup2(null, 2);
    CHECK_EQ_INT(test_select_files(&o, NULL, 0, &got, &n, &empty), 0);
    if (err >= 0) {
      dup2(err, 2);
      close(err);
    }
    if (null >= 0)
      close(null);
    CHECK_EQ_INT(n, 0);
    CHECK_EQ_INT(empty, 1);
    free(got);
  }
  for (i = 0; i < 3; i++)
    free(tf[i].path);
  free(cache);
  CHECK_EQ_INT(chdir(cwd), 0);
}


static const struct unit_case cases[] = {
  { "discovery: sorted, hidden/fixtures/lib skipped", discovery },
  { "a file named directly, named twice", named_file },
  { "-f: file names, or paths with a /; substrings and globs", filters },
  { "--shard K/N partitions deterministically", shards },
  { "the failure record and --rerun-failed", rerun_record },
  { NULL, NULL }
};

const struct unit_suite unit_select = { "select", cases };
