/*
 * trace.c - decoding what a traced call brings back: provium.ko's errno
 * origin record, the function_graph tracer's lines for the call's thread,
 * and kernel reports. See trace.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "trace.h"

int trace_origin_decode(const uint8_t *p, size_t len, struct trace_origin *o,
			char *err, size_t errlen)
{
	struct provium_errno_result r;
	const char *text, *end;
	size_t i;

	memset(o, 0, sizeof(*o));
	if (len < sizeof(r)) {
		snprintf(err, errlen, "errno origin record of %zu bytes, shorter than its header",
			 len);
		return -1;
	}
	memcpy(&r, p, sizeof(r));
	if (r.size != len || r.nchain > PROVIUM_ERRNO_MAX_DEPTH ||
	    r.nstack > PROVIUM_ERRNO_MAX_STACK) {
		snprintf(err, errlen, "malformed errno origin record (size %u of %zu, %u "
			 "callers, %u stack lines)", r.size, len, r.nchain, r.nstack);
		return -1;
	}
	o->flags = r.flags;
	o->missed = r.missed;
	o->failures = r.failures;
	o->handled = r.handled;
	o->entries = r.entries;
	o->ret = r.ret;
	text = (const char *)p + sizeof(r);
	end = (const char *)p + len;
	/* nchain names then nstack lines, each NUL-terminated; a cut text ends early */
	for (i = 0; i < (size_t)r.nchain + r.nstack && text < end; i++) {
		const char *nul = memchr(text, '\0', (size_t)(end - text));
		struct trace_str s;

		if (!nul)
			break;
		s.s = text;
		s.len = (size_t)(nul - text);
		if (i < r.nchain)
			o->chain[o->nchain++] = s;
		else
			o->stack[o->nstack++] = s;
		text = nul + 1;
	}
	return 0;
}

void trace_graph_free(struct trace_graph *g)
{
	free(g->e);
	memset(g, 0, sizeof(*g));
}

/* One line, split: " 0)   comm-pid    |  duration  |  <indent>text". */
struct graph_line {
	const char *proc, *dur, *text;
	size_t proc_len, dur_len, text_len;
	unsigned int indent;
};

static int split_line(const char *line, size_t len, struct graph_line *l)
{
	const char *bar1 = memchr(line, '|', len), *bar2, *end = line + len, *t;

	if (!bar1)
		return -1;
	bar2 = memchr(bar1 + 1, '|', (size_t)(end - bar1 - 1));
	if (!bar2)
		return -1;
	l->proc = memchr(line, ')', (size_t)(bar1 - line));
	if (!l->proc)
		return -1;
	l->proc++;
	l->proc_len = (size_t)(bar1 - l->proc);
	l->dur = bar1 + 1;
	l->dur_len = (size_t)(bar2 - l->dur);
	/* "|  " then two spaces a level */
	t = bar2 + 1;
	if (end - t >= 2 && t[0] == ' ' && t[1] == ' ')
		t += 2;
	l->indent = 0;
	while (t < end && *t == ' ') {
		t++;
		l->indent++;
	}
	l->text = t;
	l->text_len = (size_t)(end - t);
	return 0;
}

/* Is the proc column "comm-<pid>"? */
static int proc_is(const struct graph_line *l, uint32_t pid)
{
	char want[16];
	const char *p = l->proc, *e = l->proc + l->proc_len;
	size_t n = (size_t)snprintf(want, sizeof(want), "-%u", pid);

	while (p < e && *p == ' ')
		p++;
	while (e > p && e[-1] == ' ')
		e--;
	return (size_t)(e - p) > n && !memcmp(e - n, want, n);
}

/* "12.345 us" -> nanoseconds; 0 if there is no duration. */
static uint64_t parse_ns(const char *s, size_t len)
{
	char buf[40];
	char *end;
	unsigned long long us, frac = 0;
	int digits = 0;

	if (len >= sizeof(buf))
		len = sizeof(buf) - 1;
	memcpy(buf, s, len);
	buf[len] = '\0';
	s = buf;
	while (*s == ' ' || *s == '+' || *s == '!' || *s == '#' || *s == '*' || *s == '@' ||
	       *s == '$')
		s++;
	if (*s < '0' || *s > '9')
		return 0;
	us = strtoull(s, &end, 10);
	if (*end == '.') {
		for (end++; *end >= '0' && *end <= '9' && digits < 3; end++, digits++)
			frac = frac * 10 + (unsigned long long)(*end - '0');
		while (digits++ < 3)
			frac *= 10;
	}
	return us * 1000 + frac;
}

/* The name in "func();", "func() {" or a closing line, with an optional " [mod]". */
static void take_name(const char *s, size_t len, struct trace_graph_entry *e)
{
	size_t n = 0, m;

	while (n < len && s[n] != '(' && s[n] != ' ')
		n++;
	m = n < sizeof(e->func) - 1 ? n : sizeof(e->func) - 1;
	memcpy(e->func, s, m);
	e->func[m] = '\0';
	e->module[0] = '\0';
	if (n + 2 < len && s[n] == ' ' && s[n + 1] == '[') {
		const char *close = memchr(s + n + 2, ']', len - n - 2);

		if (close) {
			m = (size_t)(close - (s + n + 2));
			if (m >= sizeof(e->module))
				m = sizeof(e->module) - 1;
			memcpy(e->module, s + n + 2, m);
			e->module[m] = '\0';
		}
	}
}

/* A return value funcgraph-retval printed: "= -2 *" or "= 0xffff... *". */
static int take_ret(const char *s, size_t len, int64_t *ret)
{
	const char *eq = NULL;
	char buf[32];
	size_t i;

	for (i = 0; i + 1 < len; i++)
		if (s[i] == '=' && s[i + 1] == ' ')
			eq = s + i + 2;
	if (!eq)
		return 0;
	len = (size_t)(s + len - eq);
	if (len >= sizeof(buf))
		len = sizeof(buf) - 1;
	memcpy(buf, eq, len);
	buf[len] = '\0';
	*ret = (int64_t)strtoull(buf, NULL, 0);
	return 1;
}

/*
 * Functions of an interrupt taken during the call: function_graph skips
 * hardirq context (funcgraph-irqs off), but not the way in and out of it,
 * nor the softirqs run on the way out (or by local_bh_enable), which all
 * show as if the interrupted function called them.
 */
static int interrupt_func(const char *func)
{
	static const char *const irq[] = {
		"irq_enter_rcu", "irq_enter", "irq_exit_rcu", "irq_exit", "__irq_exit_rcu",
		"__do_softirq", "handle_softirqs", "do_softirq",
	};
	size_t i;

	for (i = 0; i < sizeof(irq) / sizeof(irq[0]); i++)
		if (!strcmp(func, irq[i]))
			return 1;
	return 0;
}

static struct trace_graph_entry *graph_add(struct trace_graph *g)
{
	if (g->n == g->cap) {
		size_t cap = g->cap ? 2 * g->cap : 256;
		struct trace_graph_entry *e = realloc(g->e, cap * sizeof(*e));

		if (!e)
			return NULL;
		g->e = e;
		g->cap = cap;
	}
	memset(&g->e[g->n], 0, sizeof(g->e[0]));
	return &g->e[g->n++];
}

static int kept(const struct trace_graph_entry *e, unsigned int max_depth)
{
	return !max_depth || e->depth <= max_depth;
}

int trace_graph_parse(const char *text, size_t len, uint32_t pid, unsigned int max_depth,
		      struct trace_graph *g)
{
	/* the open entries by level: index into g->e, or -1 if not kept */
	long open[256];
	unsigned int skip_from = 0;	/* inside provium.ko's own frame at this level */
	const char *p = text, *end = text + len;
	unsigned int root_indent = 0;
	int in_root = 0;
	size_t i;

	memset(g, 0, sizeof(*g));
	for (i = 0; i < sizeof(open) / sizeof(open[0]); i++)
		open[i] = -1;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t ll = (size_t)((nl ? nl : end) - p);
		struct trace_graph_entry e, *ne;
		struct graph_line l;
		unsigned int level;

		if (ll && memmem(p, ll, "LOST", 4) && memmem(p, ll, "EVENTS", 6))
			g->lost = 1;
		if (split_line(p, ll, &l) || !proc_is(&l, pid) || !l.text_len) {
			p = nl ? nl + 1 : end;
			continue;
		}
		p = nl ? nl + 1 : end;
		memset(&e, 0, sizeof(e));
		if (l.text[0] == '}') {
			/* the end of the entry at this level */
			if (!in_root)
				continue;
			level = l.indent >= root_indent ? (l.indent - root_indent) / 2 : 0;
			if (level == 0 || level >= sizeof(open) / sizeof(open[0])) {
				in_root = 0;	/* provium_graph_call returned */
				continue;
			}
			if (skip_from && level >= skip_from) {
				if (level == skip_from)
					skip_from = 0;	/* the skipped frame is over */
				continue;
			}
			if (open[level] >= 0) {
				g->e[open[level]].ns = parse_ns(l.dur, l.dur_len);
				g->e[open[level]].has_ret =
					take_ret(l.text, l.text_len, &g->e[open[level]].ret);
			}
			continue;
		}
		take_name(l.text, l.text_len, &e);
		if (!in_root) {
			if (strcmp(e.func, "provium_graph_call"))
				continue;	/* not under the call: someone else's */
			in_root = 1;
			root_indent = l.indent;
			continue;
		}
		level = l.indent >= root_indent ? (l.indent - root_indent) / 2 : 0;
		if (level == 0 || level >= sizeof(open) / sizeof(open[0]))
			continue;
		e.depth = level;
		if (skip_from && level > skip_from)
			continue;
		skip_from = 0;
		/* provium.ko's dispatch around the call, and interrupts, are not the call's */
		if ((level == 1 && !strcmp(e.module, "provium")) || interrupt_func(e.func)) {
			if (l.text[l.text_len - 1] == '{')
				skip_from = level;
			open[level] = -1;
			continue;
		}
		if (l.text[l.text_len - 1] == '{') {
			/* an entry with children: its time comes with its "}" */
			open[level] = -1;
			if (kept(&e, max_depth)) {
				ne = graph_add(g);
				if (!ne)
					return -1;
				*ne = e;
				open[level] = (long)(g->n - 1);
			}
			continue;
		}
		/* a leaf: "func();" with its time on the same line */
		e.ns = parse_ns(l.dur, l.dur_len);
		e.has_ret = take_ret(l.text, l.text_len, &e.ret);
		if (kept(&e, max_depth)) {
			ne = graph_add(g);
			if (!ne)
				return -1;
			*ne = e;
		}
	}
	g->incomplete = in_root;
	return 0;
}

void trace_event_from_msg(const struct proto_msg *m, struct trace_event *ev)
{
	static const unsigned int strs[] = {
		PROTO_A_EVENT_KIND, PROTO_A_MESSAGE, PROTO_A_EVENT_SOURCE,
		PROTO_A_EVENT_CONTEXT, PROTO_A_EVENT_COMM, PROTO_A_EVENT_VIA,
	};
	struct trace_str *dst[] = {
		&ev->kind, &ev->text, &ev->source, &ev->context, &ev->comm, &ev->via,
	};
	size_t i;

	memset(ev, 0, sizeof(*ev));
	for (i = 0; i < sizeof(strs) / sizeof(strs[0]); i++) {
		dst[i]->s = (const char *)m->attr[strs[i]];
		dst[i]->len = m->attr_len[strs[i]];
		if (!dst[i]->s) {
			dst[i]->s = "";
			dst[i]->len = 0;
		}
	}
	if (!ev->source.len) {
		ev->source.s = "kmsg";	/* an agent from before sources were named */
		ev->source.len = 4;
	}
	ev->attributed = proto_has(m, PROTO_A_EVENT_CONTEXT);
	ev->pid = proto_u32(m, PROTO_A_EVENT_PID, 0);
	ev->call_pid = proto_u32(m, PROTO_A_EVENT_CALL_PID, 0);
	ev->call_nr = proto_u64(m, PROTO_A_EVENT_CALL_NR, 0);
}

int trace_event_decode(const uint8_t *frame, size_t len, struct proto_msg *m,
		       struct trace_event *ev, char *err, size_t errlen)
{
	struct proto_hdr h;

	if (len < PROTO_HDR_LEN || proto_hdr_decode(frame, &h) ||
	    h.type != PROTO_MSG_EVENT || PROTO_HDR_LEN + (size_t)h.len != len) {
		snprintf(err, errlen, "a SPLAT that is no EVENT frame (%zu bytes)", len);
		return -1;
	}
	if (proto_decode(&h, frame + PROTO_HDR_LEN, m, err, errlen))
		return -1;
	trace_event_from_msg(m, ev);
	return 0;
}
