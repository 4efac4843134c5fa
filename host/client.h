/*
 * client.h - the agent's requests as C functions: one per request (call,
 * pipelined calls, exec, jobs, files, spawn, insmod, ping), each building
 * its frame, waiting for the reply and decoding it. No Lua: the bindings,
 * the shell and any other command use the same functions.
 */
#ifndef PROVIUM_CLIENT_H
#define PROVIUM_CLIENT_H

#include <stddef.h>
#include <stdint.h>

#include "call.h"
#include "vm.h"

/*
 * Extra time the host waits beyond a request's own timeout in the guest,
 * for every request: a loaded host can take seconds to fork a worker.
 */
#define CLIENT_GRACE_MS		5000
/* Calls in flight at once in client_call_batch: bounded buffering. */
#define CLIENT_PIPELINE_CHUNK	128
/* File transfers move at most this much per request. */
#define CLIENT_FILE_CHUNK	(4u << 20)
/* What a read_file without max= or length= accepts before it fails. */
#define CLIENT_READ_MAX		(64ull << 20)
/* The most max= and length= may ask for. */
#define CLIENT_READ_LIMIT	(1ull << 30)

/* Where requests go: a booted VM, or one of its workers. */
struct client {
	struct vm *vm;
	uint32_t worker;	/* 0: the VM itself */
	int timeout_ms;		/* every request's limit in the guest */
	uint32_t executor;	/* 0 auto, PROVIUM_EXEC_* to force one */
	struct proto_buf batch;	/* client_call_batch's frames, kept for reuse */
};

/* A command: argv strings may hold NULs, hence the lengths. */
struct client_cmd {
	const char *const *argv;
	const size_t *argv_len;
	size_t argc;
	const char *in;		/* stdin, or NULL for none */
	size_t in_len;
	uint32_t output_max;	/* bytes kept per stream; 0 = the agent's 32 MiB */
	int has_output_max;
};

/* A command has at most this many argv entries (the agent's EXEC_MAX_ARGS). */
#define CLIENT_MAX_ARGS		256
/* The agent keeps at most this much of each output stream. */
#define CLIENT_OUTPUT_MAX	(32u << 20)

/* What a command or job reported; the bytes point into the reply. */
struct client_exit {
	int finished;		/* 0: a job still running at its wait's timeout */
	uint32_t code, signal;
	const uint8_t *out, *err;
	size_t out_len, err_len;
	int timed_out;		/* killed by its timeout */
	uint64_t out_dropped, err_dropped;	/* bytes beyond the output limit */
};

/* Which part of a guest file to read. */
struct client_read {
	uint64_t offset;
	uint64_t length;	/* with has_length: read at most this much */
	int has_length;
	uint64_t max;		/* without: fail if there is more than this */
};

/* An integer-argument call, for client_call_batch. */
struct client_syscall {
	uint64_t nr;
	uint64_t args[PROVIUM_NARGS];
};

/*
 * Every function returns 0, or -1 with what failed in @e (the VM may then
 * be dead: vm->dead, console in vm->console). Pointers into a reply stay
 * valid until the next request on the same VM.
 */

/* Start a request of @type for @c (a worker's is routed to it). */
void client_begin(struct client *c, unsigned int type);
/* Free what @c keeps between requests (not the VM). */
void client_free(struct client *c);

/* Run the call @s (executor: 0 = the client's); @r points into the reply. */
int client_call(struct client *c, const struct call_spec *s, uint32_t executor,
		struct call_result *r, struct error *e);
/*
 * Run @n integer calls in order, CLIENT_PIPELINE_CHUNK in flight at once;
 * their return values into @rets, the last one's whole result into @last
 * (its log pointing into the reply).
 */
int client_call_batch(struct client *c, const struct client_syscall *calls, size_t n,
		      int64_t *rets, struct call_result *last, struct error *e);

/* Run a command to its end, at most @timeout_ms (0: no limit). */
int client_exec(struct client *c, const struct client_cmd *cmd, uint32_t timeout_ms,
		struct client_exit *x, struct error *e);
/* Start a command in the background; its job id and pid. */
int client_job_start(struct client *c, const struct client_cmd *cmd, uint32_t *job,
		     uint32_t *pid, struct error *e);
/* Wait up to @timeout_ms (0: no limit) for a job; x->finished = 0 if it still runs. */
int client_job_wait(struct client *c, uint32_t job, uint32_t timeout_ms,
		    struct client_exit *x, struct error *e);
int client_job_kill(struct client *c, uint32_t job, uint32_t sig, struct error *e);

/* Write @len bytes to @path in the guest (created with @mode), in chunks. */
int client_write_file(struct client *c, const char *path, const void *data, size_t len,
		      uint32_t mode, struct error *e);
/*
 * Read a guest file from o->offset, in chunks, into *@data (malloc'd,
 * NUL-terminated, caller frees): o->length bytes at most, or to its end,
 * failing once it has more than o->max ("larger than N bytes"). A regular
 * file over the limit fails before its data is moved.
 */
int client_read_file(struct client *c, const char *path, const struct client_read *o,
		     uint8_t **data, size_t *len, struct error *e);

/* Start a worker (a process, or a thread if @thread); its id and pid. */
int client_spawn(struct client *c, int thread, uint32_t *worker, uint32_t *pid,
		 struct error *e);
/* Stop the worker @c is for. */
int client_worker_kill(struct client *c, struct error *e);
/* Load the module at @path in the guest with @params. */
int client_insmod(struct client *c, const char *path, const char *params, struct error *e);
/* A round trip: splats the guest logged before it arrive first. */
int client_ping(struct client *c, struct error *e);

/* What vm:set_trace arms in the guest (TRACE). */
struct client_trace_req {
	uint32_t errno_mode;		/* 0 disarm, 1 @globs, 2 the agent's default set */
	const char *const *globs;
	size_t nglobs;
	int graph;			/* set the function_graph tracer up */
	uint32_t depth;			/* its levels below the call */
	const char *const *filter;	/* it traces only these functions (globs) */
	size_t nfilter;
};

struct client_trace_info {
	uint32_t funcs, nobtf;		/* functions armed; of them, without BTF */
	uint64_t arm_ns, resolve_ns, graph_ns;
};

int client_trace(struct client *c, const struct client_trace_req *req,
		 struct client_trace_info *info, struct error *e);

#endif
