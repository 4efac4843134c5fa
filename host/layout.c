/*
 * layout.c - where provium's own parts are. Three shapes:
 *
 *   source tree   <root>/build/provium, <root>/lua, <root>/kmod,
 *                 <root>/build/provium-agent, <root>/build/lua (tables)
 *   installed     <prefix>/bin/provium, <prefix>/share/provium/{lua,kmod,examples},
 *                 <prefix>/lib/provium/provium-agent, <prefix>/share/doc/provium
 *   PROVIUM_HOME  either of the two homes above, named directly
 *
 * An installation is recognised by its files, relative to the program, so a
 * staged copy (make install DESTDIR=...) or a moved prefix works as well.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "layout.h"
#include "util.h"

static void set(char *dst, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int readable(const char *fmt, const char *dir)
{
	char path[PATH_MAX];

	set(path, sizeof(path), fmt, dir);
	return access(path, R_OK) == 0;
}

/* @path without its last component ("/a/b" -> "/a", "/a" -> "/"). */
static void parent(char *path)
{
	char *slash = strrchr(path, '/');

	if (!slash)
		set(path, PATH_MAX, ".");
	else if (slash == path)
		path[1] = '\0';
	else
		*slash = '\0';
}

/* paths longer than PATH_MAX are cut: access() then fails and says so */
static void set(char *dst, size_t len, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(dst, len, fmt, ap);
	va_end(ap);
}

#define SET(field, ...) set(l->field, sizeof(l->field), __VA_ARGS__)

static void installed(struct layout *l, const char *prefix)
{
	l->kind = LAYOUT_INSTALLED;
	SET(root, "%s", prefix);
	SET(home, "%s/share/provium", prefix);
	SET(agent, "%s/lib/provium/provium-agent", prefix);
	SET(tables, "%s/share/provium/lua", prefix);
	SET(meta, "%s/share/provium/lua/meta", prefix);
	SET(doc, "%s/share/doc/provium", prefix);
}

static void tree(struct layout *l, const char *root)
{
	l->kind = LAYOUT_TREE;
	SET(root, "%s", root);
	SET(home, "%s", root);
	SET(agent, "%s/build/provium-agent", root);
	SET(tables, "%s/build/lua", root);
	SET(meta, "%s/lua/meta", root);
	SET(doc, "%s/docs", root);
}

void layout_find(struct layout *l, const char *exe, const char *env)
{
	char dir[PATH_MAX];

	memset(l, 0, sizeof(*l));
	SET(exe, "%s", exe);
	if (env && *env) {
		char prefix[PATH_MAX];

		/* a home of either shape: build/ beside it, or PREFIX/share/provium */
		set(prefix, sizeof(prefix), "%s", env);
		parent(prefix);
		parent(prefix);
		if (!readable("%s/build", env) && readable("%s/lib/provium/provium-agent", prefix))
			installed(l, prefix);
		else
			tree(l, env);
		l->kind = LAYOUT_ENV;
		SET(root, "%s", env);
		SET(home, "%s", env);
		return;
	}
	/* <prefix>/bin/provium or <root>/build/provium */
	set(dir, sizeof(dir), "%s", exe);
	parent(dir);
	parent(dir);
	if (readable("%s/share/provium/lua/provium/init.lua", dir))
		installed(l, dir);
	else
		tree(l, dir);
}

const struct layout *layout(void)
{
	static struct layout l;
	static int found;
	char exe[PATH_MAX];
	ssize_t n;

	if (found)
		return &l;
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	exe[n > 0 ? n : 0] = '\0';
	layout_find(&l, n > 0 ? exe : "./build/provium", getenv("PROVIUM_HOME"));
	found = 1;
	return &l;
}

const char *layout_origin(void)
{
	static char origin[PATH_MAX + 32];
	const struct layout *l = layout();

	switch (l->kind) {
	case LAYOUT_INSTALLED:
		set(origin, sizeof(origin), "installed in %s", l->root);
		break;
	case LAYOUT_ENV:
		set(origin, sizeof(origin), "PROVIUM_HOME=%s", l->root);
		break;
	default:
		set(origin, sizeof(origin), "source tree %s", l->root);
		break;
	}
	return origin;
}

const char *provium_home(void)
{
	return layout()->home;
}
