/*
 * config.c - provium.toml: [profile.NAME] tables with kernel or release,
 * initrd, rootfs, init, append, kbuild, modules, memory and cpus, found by walking up from the
 * working directory; paths are relative to the file. Only the TOML this
 * needs is read: tables, and string, integer and boolean values.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "initramfs.h"
#include "module.h"
#include "rootfs.h"

struct profile {
	char kernel[512], release[128], initrd[512], init[512], append[1024], kbuild[512],
	     modules[512], rootfs[512];
	long memory_mb, cpus;
	int found;
};

static char script_dir[PATH_MAX];

void config_set_script(const char *path)
{
	char *real = realpath(path, NULL);
	char *slash;

	script_dir[0] = '\0';
	if (!real)
		return;
	slash = strrchr(real, '/');
	if (slash && slash != real) {
		*slash = '\0';
		copy_str(script_dir, sizeof(script_dir), real);
	}
	free(real);
}

/* provium.toml in @start or the nearest parent directory. */
static int find_upward(const char *start, char *out, size_t len)
{
	char dir[PATH_MAX];

	if (copy_str(dir, sizeof(dir), start))
		return -1;
	for (;;) {
		char *slash;

		snprintf(out, len, "%s/provium.toml", dir);
		if (access(out, R_OK) == 0)
			return 0;
		slash = strrchr(dir, '/');
		if (!slash || slash == dir) {
			snprintf(out, len, "/provium.toml");
			return access(out, R_OK) == 0 ? 0 : -1;
		}
		*slash = '\0';
	}
}

int config_find(char *out, size_t len)
{
	char dir[PATH_MAX];
	const char *env = getenv("PROVIUM_CONFIG");

	if (env && *env) {
		snprintf(out, len, "%s", env);
		return access(out, R_OK) == 0 ? 0 : -1;
	}
	if (script_dir[0] && find_upward(script_dir, out, len) == 0)
		return 0;
	if (!getcwd(dir, sizeof(dir)))
		return -1;
	return find_upward(dir, out, len);
}

static char *trim(char *s)
{
	char *end;

	while (*s == ' ' || *s == '\t')
		s++;
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
		*--end = '\0';
	return s;
}

/* A basic or literal TOML string starting at @s; the rest must be a comment. */
static int parse_string(char *s, char *out, size_t len)
{
	char q = *s++, *o = out;

	while (*s && *s != q) {
		char c = *s++;

		if (q == '"' && c == '\\') {
			c = *s++;
			c = c == 'n' ? '\n' : c == 't' ? '\t' : c;
			if (!c)
				return -1;
		}
		if ((size_t)(o - out) + 1 >= len)
			return -1;
		*o++ = c;
	}
	if (*s != q)
		return -1;
	*o = '\0';
	s = trim(s + 1);
	return *s && *s != '#' ? -1 : 0;
}

/* Relative paths are relative to the configuration file's directory; -1 if too long. */
static int resolve(char *path, size_t len, const char *base)
{
	char *tmp;
	int rc;

	if (!path[0] || path[0] == '/')
		return 0;
	tmp = xasprintf("%s/%s", base, path);
	rc = copy_str(path, len, tmp);
	free(tmp);
	return rc;
}

static int parse_file(const char *file, const char *want, struct profile *p, struct error *e)
{
	char line[2048], section[256] = "", base[PATH_MAX], *slash;
	FILE *f = fopen(file, "re");
	int lineno = 0;

	if (!f)
		return errorf(e, "cannot read %s: %s", file, strerror(errno));
	snprintf(base, sizeof(base), "%s", file);
	slash = strrchr(base, '/');
	if (slash)
		*slash = '\0';
	else
		snprintf(base, sizeof(base), ".");
	memset(p, 0, sizeof(*p));
	while (fgets(line, sizeof(line), f)) {
		char *s = trim(line), *eq, *key, *val, str[1024];
		int in_want, too_long = 0;

		lineno++;
		s[strcspn(s, "\n")] = '\0';
		if (!*s || *s == '#')
			continue;
		if (*s == '[') {
			char *end = strchr(s, ']');

			if (!end || s[1] == '[') {
				fclose(f);
				return errorf(e, "%s:%d: bad table header", file, lineno);
			}
			*end = '\0';
			snprintf(section, sizeof(section), "%s", trim(s + 1));
			if (!strncmp(section, "profile.", 8) && !strcmp(section + 8, want))
				p->found = 1;
			continue;
		}
		eq = strchr(s, '=');
		if (!eq) {
			fclose(f);
			return errorf(e, "%s:%d: expected key = value", file, lineno);
		}
		*eq = '\0';
		key = trim(s);
		val = trim(eq + 1);
		in_want = !strncmp(section, "profile.", 8) && !strcmp(section + 8, want);
		if (*val == '"' || *val == '\'') {
			if (parse_string(val, str, sizeof(str))) {
				fclose(f);
				return errorf(e, "%s:%d: bad string for %s", file, lineno, key);
			}
		} else {
			char *end;

			val[strcspn(val, " \t#")] = '\0';
			strtol(val, &end, 0);
			if (*end && strcmp(val, "true") && strcmp(val, "false")) {
				fclose(f);
				return errorf(e, "%s:%d: %s: unsupported value '%s' (strings must be "
					      "quoted)", file, lineno, key, val);
			}
			snprintf(str, sizeof(str), "%s", val);
		}
		if (!in_want)
			continue;
		/* copy_str empties what does not fit: that must not pass silently */
		if (!strcmp(key, "kernel"))
			too_long = copy_str(p->kernel, sizeof(p->kernel), str);
		else if (!strcmp(key, "release"))
			too_long = copy_str(p->release, sizeof(p->release), str);
		else if (!strcmp(key, "initrd"))
			too_long = copy_str(p->initrd, sizeof(p->initrd), str);
		else if (!strcmp(key, "init"))
			too_long = copy_str(p->init, sizeof(p->init), str);
		else if (!strcmp(key, "rootfs"))
			too_long = copy_str(p->rootfs, sizeof(p->rootfs), str);
		else if (!strcmp(key, "append"))
			too_long = copy_str(p->append, sizeof(p->append), str);
		else if (!strcmp(key, "kbuild"))
			too_long = copy_str(p->kbuild, sizeof(p->kbuild), str);
		else if (!strcmp(key, "modules"))
			too_long = copy_str(p->modules, sizeof(p->modules), str);
		else if (!strcmp(key, "memory"))
			p->memory_mb = config_parse_memory(str);
		else if (!strcmp(key, "cpus"))
			p->cpus = strtol(str, NULL, 0);
		else {
			fclose(f);
			return errorf(e, "%s:%d: unknown key '%s' in [profile.%s] (known: kernel, "
				      "release, initrd, rootfs, init, append, kbuild, modules, "
				      "memory, cpus)", file,
				      lineno, key, want);
		}
		if (too_long) {
			fclose(f);
			return errorf(e, "%s:%d: %s is too long", file, lineno, key);
		}
		if ((!strcmp(key, "memory") && p->memory_mb <= 0) ||
		    (!strcmp(key, "cpus") && (p->cpus < 1 || p->cpus > 64))) {
			fclose(f);
			return errorf(e, "%s:%d: bad %s '%s'", file, lineno, key, str);
		}
	}
	fclose(f);
	/* "host" names a kind of root (rootfs.c), not a file next to provium.toml */
	if (resolve(p->kernel, sizeof(p->kernel), base) ||
	    resolve(p->initrd, sizeof(p->initrd), base) ||
	    (strcmp(p->rootfs, ROOTFS_HOST) && resolve(p->rootfs, sizeof(p->rootfs), base)) ||
	    resolve(p->kbuild, sizeof(p->kbuild), base) ||
	    resolve(p->modules, sizeof(p->modules), base))
		return errorf(e, "%s: a path is too long once made relative to %s", file, base);
	return 0;
}

long config_parse_memory(const char *s)
{
	char *end;
	double n = strtod(s, &end);

	if (end == s || n <= 0)
		return -1;
	if (*end == 'G' || *end == 'g')
		n *= 1024;
	else if (*end && *end != 'M' && *end != 'm')
		return -1;
	if (n < 64 || n > 65536)
		return -1;
	return (long)n;
}

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The profile's kernel: a release, a kernel tree, an image, or the default one. */
static int profile_kernel(const char *name, const struct profile *p, struct kernel *k,
			  struct error *e)
{
	struct error inner;
	char moddir[600];

	if (p->release[0] && p->kernel[0])
		return errorf(e, "profile %s: set kernel or release, not both", name);
	if (p->release[0]) {
		if (kernel_find_release(p->release, k, &inner))
			return errorf(e, "profile %s: %s", name, inner.msg);
	} else if (!p->kernel[0]) {
		if (kernel_find_default(k, e))
			return -1;
	} else if (is_dir(p->kernel)) {
		if (kernel_from_tree(p->kernel, k, &inner))
			return errorf(e, "profile %s: %s", name, inner.msg);
	} else {
		if (access(p->kernel, R_OK))
			return errorf(e, "profile %s: kernel %s: %s", name, p->kernel,
				      strerror(errno));
		memset(k, 0, sizeof(*k));
		snprintf(k->image, sizeof(k->image), "%s", p->kernel);
		if (kernel_image_release(p->kernel, k->release, sizeof(k->release)))
			k->release[0] = '\0';
		/* modules: the installed tree of the same release, if any */
		snprintf(moddir, sizeof(moddir), "/lib/modules/%s/modules.dep", k->release);
		if (k->release[0] && access(moddir, R_OK) == 0)
			snprintf(k->moddir, sizeof(k->moddir), "/lib/modules/%s", k->release);
	}
	if (p->modules[0]) {
		char *dep = xasprintf("%s/modules.dep", p->modules);

		k->moddir[0] = '\0';
		if (access(dep, R_OK) == 0)
			copy_str(k->moddir, sizeof(k->moddir), p->modules);
		free(dep);
	}
	if (p->kbuild[0])
		snprintf(k->kbuild, sizeof(k->kbuild), "%s", p->kbuild);
	kernel_locate_config(k);
	return 0;
}

static int profile_config(const char *name, const struct profile *p, struct vm_config *cfg,
			  struct error *e)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->memory_mb = p->memory_mb > 0 ? (unsigned int)p->memory_mb : 512;
	cfg->cpus = p->cpus > 0 ? (unsigned int)p->cpus : 1;
	cfg->boot_timeout_ms = 30000;
	snprintf(cfg->initrd, sizeof(cfg->initrd), "%s", p->initrd);
	snprintf(cfg->init, sizeof(cfg->init), "%s", p->init);
	snprintf(cfg->append, sizeof(cfg->append), "%s", p->append);
	snprintf(cfg->rootfs, sizeof(cfg->rootfs), "%s", p->rootfs);
	if (p->initrd[0] && access(p->initrd, R_OK))
		return errorf(e, "profile %s: initrd %s: %s", name, p->initrd, strerror(errno));
	if (p->rootfs[0] && strcmp(p->rootfs, ROOTFS_HOST) && access(p->rootfs, R_OK))
		return errorf(e, "profile %s: rootfs %s: %s", name, p->rootfs, strerror(errno));
	if (profile_kernel(name, p, &cfg->kernel, e))
		return -1;
	return module_for_kernel(&cfg->kernel, cfg->module, sizeof(cfg->module),
				 cfg->module_note, sizeof(cfg->module_note), e);
}

/* The profile in force without its module: file, section, and whether there is one. */
static int profile_lookup(const char *name, const char *config, struct profile *p,
			  char *file, size_t flen, struct error *e)
{
	memset(p, 0, sizeof(*p));
	if (config && copy_str(file, flen, config))
		return errorf(e, "configuration path too long");
	if (config && access(file, R_OK))
		return errorf(e, "cannot read %s: %s", file, strerror(errno));
	if (!config && config_find(file, flen)) {
		if (strcmp(name, "default"))
			return errorf(e, "no profile '%s': there is no provium.toml here or in a "
				      "parent directory (only 'default' exists without one)", name);
		return 0;
	}
	if (parse_file(file, name, p, e))
		return -1;
	if (!p->found && strcmp(name, "default"))
		return errorf(e, "no [profile.%s] in %s", name, file);
	return 0;
}

int config_profile_kernel(const char *name, const char *config, struct kernel *k,
			  struct error *e)
{
	struct profile p;
	char file[PATH_MAX];

	if (profile_lookup(name, config, &p, file, sizeof(file), e))
		return -1;
	return profile_kernel(name, &p, k, e);
}

const char *config_default_profile(void)
{
	const char *p = getenv("PROVIUM_PROFILE");

	return p && *p ? p : "default";
}

int config_profile(const char *name, const char *config, struct vm_config *cfg,
		   struct error *e)
{
	struct profile p;
	char file[PATH_MAX];

	if (profile_lookup(name, config, &p, file, sizeof(file), e))
		return -1;
	if (!p.found)
		return vm_config_default(cfg, e);
	logv("profile %s from %s", name, file);
	return profile_config(name, &p, cfg, e);
}
