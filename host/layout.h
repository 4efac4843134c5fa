/*
 * layout.h - where provium's own parts are: a source tree (build/provium
 * beside lua/, kmod/ and build/), an installation (PREFIX/bin/provium with
 * PREFIX/share/provium and PREFIX/lib/provium), or $PROVIUM_HOME.
 */
#ifndef PROVIUM_LAYOUT_H
#define PROVIUM_LAYOUT_H

#include <limits.h>

enum layout_kind {
	LAYOUT_TREE,		/* build/provium in a source tree */
	LAYOUT_INSTALLED,	/* PREFIX/bin/provium, 'make install' or the package */
	LAYOUT_ENV,		/* $PROVIUM_HOME */
};

struct layout {
	enum layout_kind kind;
	char exe[PATH_MAX];	/* this program, symlinks resolved */
	char root[PATH_MAX];	/* the source tree, the install prefix or $PROVIUM_HOME */
	char home[PATH_MAX];	/* lua/, kmod/ (the module's sources), examples/ */
	char agent[PATH_MAX];	/* the static guest agent */
	char tables[PATH_MAX];	/* holds provium/nr.lua and provium/errno.lua */
	char meta[PATH_MAX];	/* the Lua language server stubs (---@meta) */
	char doc[PATH_MAX];	/* the Markdown documentation */
};

/* Found once, from $PROVIUM_HOME or this program's own path. */
const struct layout *layout(void);
/* "source tree /src/provium", "installed in /usr", "PROVIUM_HOME=/x" */
const char *layout_origin(void);
/*
 * Decide the layout for a program at @exe with @env as $PROVIUM_HOME (NULL
 * if unset); exposed for the unit tests.
 */
void layout_find(struct layout *l, const char *exe, const char *env);

#endif
