/*
 * trace.h - what a traced call brings back, decoded: its errno origin
 * (provium.ko's struct provium_errno_result), its function graph (the
 * function_graph tracer's text from trace_pipe) and kernel reports (EVENT
 * frames, alone or inside a CALL reply). Pure C, no Lua, no VM.
 */
#ifndef PROVIUM_TRACE_H
#define PROVIUM_TRACE_H

#include <stddef.h>
#include <stdint.h>

#include "../kmod/provium_uapi.h"
#include "../proto/proto.h"

/* A string inside a reply: not NUL-terminated. */
struct trace_str {
	const char *s;
	size_t len;
};

struct trace_origin {
	uint32_t flags;		/* PROVIUM_ERRNO_* */
	uint32_t missed, failures, handled;
	uint64_t entries;
	int64_t ret;
	struct trace_str chain[PROVIUM_ERRNO_MAX_DEPTH];	/* outermost first */
	size_t nchain;
	struct trace_str stack[PROVIUM_ERRNO_MAX_STACK];	/* the origin first */
	size_t nstack;
};

/* Decode an ERRNO_ORIGIN attribute; -1 with why in @err if malformed. */
int trace_origin_decode(const uint8_t *p, size_t len, struct trace_origin *o,
			char *err, size_t errlen);

struct trace_graph_entry {
	unsigned int depth;	/* 1: the system call's own function */
	char func[128];
	char module[64];	/* "" for vmlinux */
	uint64_t ns;		/* time inside it, 0 if its end was not seen */
	int has_ret;		/* the kernel printed its return value (funcgraph-retval) */
	int64_t ret;
};

struct trace_graph {
	struct trace_graph_entry *e;
	size_t n, cap;
	int lost;		/* the tracer lost events: the graph has holes */
	int incomplete;		/* the call's subtree did not close */
};

/*
 * Parse function_graph lines (funcgraph-proc on) of thread @pid: the
 * functions under provium_graph_call(), in call order, at most @max_depth
 * levels below it (0: all). 0, or -1 (out of memory).
 */
int trace_graph_parse(const char *text, size_t len, uint32_t pid, unsigned int max_depth,
		      struct trace_graph *g);
void trace_graph_free(struct trace_graph *g);

struct trace_event {
	struct trace_str kind, text, source, context, comm, via;
	uint32_t pid, call_pid;
	uint64_t call_nr;
	int attributed;		/* from provium.ko: context, pids and nr are known */
};

/* An EVENT frame's payload (@m decoded as EVENT). */
void trace_event_from_msg(const struct proto_msg *m, struct trace_event *ev);
/* A whole EVENT frame (header and payload), as a SPLAT attribute holds it. */
int trace_event_decode(const uint8_t *frame, size_t len, struct proto_msg *m,
		       struct trace_event *ev, char *err, size_t errlen);

#endif
