/*
 * ksyms.c - traceable kernel functions and where they start.
 *
 * available_filter_functions lists one line per ftrace site, "name" or
 * "name [module]", in address order within vmlinux and within each module
 * (ftrace sorts its records). /proc/kallsyms gives addresses by name, but a
 * static function's name may occur several times. Walking both in address
 * order, per module, pairs each traceable function with its own address:
 * the next kallsyms symbol of that name after the previous match. Pure
 * parsing, no I/O.
 */
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ksyms.h"

void ksyms_free(struct ksyms *k)
{
	free(k->funcs);
	free(k->syms);

	memset(k, 0, sizeof(*k));
}

/* NULL-safe: vmlinux (NULL) before every module. */
static int mod_cmp(const char *a, const char *b)
{
	if (!a || !b)
		return a ? 1 : b ? -1 : 0;
	return strcmp(a, b);
}

static int sym_cmp(const void *x, const void *y)
{
	const struct ksym *a = x, *b = y;
	int c = mod_cmp(a->mod, b->mod);

	if (c)
		return c;
	return a->addr < b->addr ? -1 : a->addr > b->addr;
}

/* Split a line (NUL-terminated, cut in place): name and optional [module]. */
static void split_mod(char *s, const char **name, const char **mod)
{
	char *open = strchr(s, '[');

	*mod = NULL;
	if (open) {
		char *close = strchr(open, ']');

		if (close)
			*close = '\0';
		*mod = open + 1;
		/* the name ends at the blank (or tab) before '[' */
		while (open > s && (open[-1] == ' ' || open[-1] == '\t'))
			open--;
		*open = '\0';
	}
	*name = s;
}

static int parse_kallsyms(struct ksyms *k, char *text, size_t len)
{
	size_t cap = 0, i, from;
	char *p = text, *end = text + len;

	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		char *line = p, *type;
		unsigned long long addr;

		if (!nl)
			nl = end;
		*nl = '\0';
		p = nl + 1;
		/* "ffffffff81000000 T _stext" or "... t name\t[mod]" */
		addr = strtoull(line, &type, 16);
		if (type == line || type[0] != ' ' || !type[1] || type[2] != ' ')
			continue;
		if (type[1] != 't' && type[1] != 'T' && type[1] != 'w' && type[1] != 'W')
			continue;
		if (!addr)
			continue;	/* kptr_restrict hides addresses: no use */
		if (k->nsyms == cap) {
			cap = cap ? 2 * cap : 65536;
			k->syms = realloc(k->syms, cap * sizeof(*k->syms));
			if (!k->syms)
				return -1;
		}
		split_mod(type + 3, &k->syms[k->nsyms].name, &k->syms[k->nsyms].mod);
		k->syms[k->nsyms].addr = addr;
		k->nsyms++;
	}
	/*
	 * vmlinux comes first and in address order; each module's symbols
	 * follow together, in no order: sort those (few) by address.
	 */
	for (i = 0; i < k->nsyms && !k->syms[i].mod; i++)
		;
	while (i < k->nsyms) {
		for (from = i; i < k->nsyms && !mod_cmp(k->syms[i].mod, k->syms[from].mod); i++)
			;
		qsort(k->syms + from, i - from, sizeof(*k->syms), sym_cmp);
	}
	return 0;
}

/* First symbol of module @mod (NULL: vmlinux) in syms, and one past its last. */
static void mod_range(const struct ksyms *k, const char *mod, size_t *from, size_t *to)
{
	size_t i = 0;

	while (i < k->nsyms && mod_cmp(k->syms[i].mod, mod))
		i++;
	*from = i;
	while (i < k->nsyms && !mod_cmp(k->syms[i].mod, mod))
		i++;
	*to = i;
}

int ksyms_parse(struct ksyms *k, char *kallsyms, size_t klen, char *filter, size_t flen,
		char *err, size_t errlen)
{
	static const char invalid[] = "__ftrace_invalid_address__";
	const char *cur_mod = NULL;
	size_t from = 0, to = 0, cursor = 0, cap = 0;
	char *p = filter, *end = filter + flen;
	int started = 0;

	memset(k, 0, sizeof(*k));
	if (parse_kallsyms(k, kallsyms, klen))
		goto oom;
	if (!k->nsyms) {
		snprintf(err, errlen, "/proc/kallsyms lists no text symbols "
			 "(CONFIG_KALLSYMS off, or addresses hidden by kptr_restrict)");
		return -1;
	}
	while (p < end) {
		char *nl = memchr(p, '\n', (size_t)(end - p));
		struct ksym *f;
		size_t i;

		if (!nl)
			nl = end;
		*nl = '\0';
		/* blank lines, and the places of weak functions the linker dropped */
		if (!*p || !strncmp(p, invalid, sizeof(invalid) - 1)) {
			p = nl + 1;
			continue;
		}
		if (k->nfuncs == cap) {
			cap = cap ? 2 * cap : 65536;
			k->funcs = realloc(k->funcs, cap * sizeof(*k->funcs));
			if (!k->funcs)
				goto oom;
		}
		f = &k->funcs[k->nfuncs++];
		split_mod(p, &f->name, &f->mod);
		p = nl + 1;
		f->addr = 0;
		if (!started || mod_cmp(f->mod, cur_mod)) {
			/* the next module's functions: walk its symbols */
			started = 1;
			cur_mod = f->mod;
			mod_range(k, f->mod, &from, &to);
			cursor = from;
		}
		/* the next symbol of that name: both lists go up in address */
		for (i = cursor; i < to && strcmp(k->syms[i].name, f->name); i++)
			;
		if (i < to) {
			f->addr = k->syms[i].addr;
			cursor = i + 1;
			continue;
		}
		/* not ahead (cannot happen): any of that name, and stay put */
		for (i = from; i < cursor && strcmp(k->syms[i].name, f->name); i++)
			;
		if (i < cursor)
			f->addr = k->syms[i].addr;
	}
	return 0;

oom:
	snprintf(err, errlen, "out of memory reading the kernel's symbols");
	ksyms_free(k);
	return -1;
}

int ksyms_glob(const char *pat, const char *name)
{
	const char *star = NULL, *resume = NULL;

	if (strchr(pat, '['))
		return fnmatch(pat, name, 0) == 0;
	/* '*' and '?' by backtracking to the last star: no recursion */
	while (*name) {
		if (*pat == '*') {
			star = pat++;
			resume = name;
		} else if (*pat == '?' || *pat == *name) {
			pat++;
			name++;
		} else if (star) {
			pat = star + 1;
			name = ++resume;
		} else {
			return 0;
		}
	}
	while (*pat == '*')
		pat++;
	return !*pat;
}

int ksyms_known(const struct ksyms *k, const char *name)
{
	size_t i;

	for (i = 0; i < k->nsyms; i++)
		if (!strcmp(k->syms[i].name, name))
			return 1;
	return 0;
}
