/* test_layout.c - host/layout.c: a source tree, an installation, PROVIUM_HOME */
#include <stdio.h>
#include <stdlib.h>

#include "../../host/layout.h"
#include "../../host/util.h"
#include "unit.h"

/* create @rel (and its directories) below @dir */
static void touch (const char *dir, const char *rel) {
  char *p = xasprintf("%s/%s", dir, rel), *slash = strrchr(p, '/');
  *slash = '\0';
  mkdir_p(p, 0755);
  *slash = '/';
  CHECK_EQ_INT(write_whole_file(p, "x", 1), 0);
  free(p);
}


static void check_paths (const struct layout *l, const char *home, const char *agent,
                         const char *tables, const char *meta) {
  CHECK_STR(l->home, home);
  CHECK_STR(l->agent, agent);
  CHECK_STR(l->tables, tables);
  CHECK_STR(l->meta, meta);
}


static void source_tree (void) {
  struct layout l;
  const char *d = unit_tmpdir();
  char *exe = xasprintf("%s/build/provium", d);
  char *agent = xasprintf("%s/build/provium-agent", d);
  char *tables = xasprintf("%s/build/lua", d), *meta = xasprintf("%s/lua/meta", d);
  touch(d, "lua/provium/init.lua");
  layout_find(&l, exe, NULL);
  CHECK_EQ_INT(l.kind, LAYOUT_TREE);
  CHECK_STR(l.root, d);
  check_paths(&l, d, agent, tables, meta);
  free(exe);
  free(agent);
  free(tables);
  free(meta);
}


static void installed (void) {
  struct layout l;
  const char *d = unit_tmpdir();
  char *exe = xasprintf("%s/usr/bin/provium", d), *prefix = xasprintf("%s/usr", d);
  char *home = xasprintf("%s/usr/share/provium", d);
  char *agent = xasprintf("%s/usr/lib/provium/provium-agent", d);
  char *lua = xasprintf("%s/usr/share/provium/lua", d);
  char *meta = xasprintf("%s/usr/share/provium/lua/meta", d);
  char *doc = xasprintf("%s/usr/share/doc/provium", d);
  touch(d, "usr/share/provium/lua/provium/init.lua");
  layout_find(&l, exe, NULL);
  CHECK_EQ_INT(l.kind, LAYOUT_INSTALLED);
  CHECK_STR(l.root, prefix);
  check_paths(&l, home, agent, lua, meta);
  CHECK_STR(l.doc, doc);
  /* PROVIUM_HOME naming an installed home keeps the installed shape */
  touch(d, "usr/lib/provium/provium-agent");
  layout_find(&l, "/elsewhere/build/provium", home);
  CHECK_EQ_INT(l.kind, LAYOUT_ENV);
  CHECK_STR(l.root, home);
  check_paths(&l, home, agent, lua, meta);
  free(exe);
  free(prefix);
  free(home);
  free(agent);
  free(lua);
  free(meta);
  free(doc);
}


/* bin/provium without share/provium beside it is not an installation */
static void not_installed (void) {
  struct layout l;
  const char *d = unit_tmpdir();
  char *exe = xasprintf("%s/bin/provium", d);
  layout_find(&l, exe, NULL);
  CHECK_EQ_INT(l.kind, LAYOUT_TREE);
  CHECK_STR(l.home, d);
  free(exe);
}


static void env_tree (void) {
  struct layout l;
  const char *d = unit_tmpdir();
  char *agent = xasprintf("%s/build/provium-agent", d);
  char *tables = xasprintf("%s/build/lua", d), *meta = xasprintf("%s/lua/meta", d);
  touch(d, "build/provium-agent");
  layout_find(&l, "/usr/bin/provium", d);
  CHECK_EQ_INT(l.kind, LAYOUT_ENV);
  check_paths(&l, d, agent, tables, meta);
  free(agent);
  free(tables);
  free(meta);
}


static const struct unit_case cases[] = {
  { "a source tree: build/provium", source_tree },
  { "an installation: PREFIX/bin/provium, PREFIX/share/provium", installed },
  { "bin/provium alone is a tree, as before", not_installed },
  { "PROVIUM_HOME naming a source tree", env_tree },
  { NULL, NULL }
};

const struct unit_suite unit_layout = { "layout", cases };
