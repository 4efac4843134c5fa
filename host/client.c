/*
 * client.c - one C function per request to the agent: build the frame
 * (proto), send it and wait for the reply on the VM's channel (vm.c),
 * decode the reply. No Lua here; the bindings in lcall.c and lguest.c
 * only convert arguments and results.
 */
#include <stdlib.h>
#include <string.h>

#include "client.h"

void client_begin(struct client *c, unsigned int type)
{
	vm_begin(c->vm, type);
	if (c->worker)
		proto_put_u32(&c->vm->out, PROTO_A_WORKER, c->worker);
}

void client_free(struct client *c)
{
	proto_buf_free(&c->batch);
}

/* Append the CALL request for @s to vm->out, after client_begin. */
static int put_call(struct client *c, const struct call_spec *s, uint32_t executor,
		    struct error *e)
{
	char err[512];

	if (call_encode(s, &c->vm->out, err, sizeof(err)))
		return errorf(e, "%s", err);
	if (!executor)
		executor = c->executor;
	if (executor)
		proto_put_u32(&c->vm->out, PROTO_A_EXECUTOR, executor);
	proto_put_u32(&c->vm->out, PROTO_A_TIMEOUT_MS, c->timeout_ms);
	return 0;
}

static int decode_call(const struct call_spec *s, const struct proto_msg *m,
		       struct call_result *r, struct error *e)
{
	char err[512];

	if (call_decode(s, m, r, err, sizeof(err)))
		return errorf(e, "%s", err);
	return 0;
}

int client_call(struct client *c, const struct call_spec *s, uint32_t executor,
		struct call_result *r, struct error *e)
{
	struct proto_msg m;

	client_begin(c, PROTO_MSG_CALL);
	if (put_call(c, s, executor, e))
		return -1;
	if (vm_request(c->vm, c->timeout_ms + CLIENT_GRACE_MS, &m, e))
		return -1;
	return decode_call(s, &m, r, e);
}

/* Move the finished frame in vm->out to the end of the batch. */
static void batch_add(struct client *c)
{
	struct proto_buf *batch = &c->batch, *out = &c->vm->out;

	if (batch->cap < batch->len + out->len) {
		batch->cap = 2 * (batch->len + out->len);
		batch->data = xrealloc(batch->data, batch->cap);
	}
	memcpy(batch->data + batch->len, out->data, out->len);
	batch->len += out->len;
}

int client_call_batch(struct client *c, const struct client_syscall *calls, size_t n,
		      int64_t *rets, struct call_result *last, struct error *e)
{
	uint32_t ids[CLIENT_PIPELINE_CHUNK];
	struct call_spec *s = calloc(1, sizeof(*s));	/* no buffers: nr and args */
	size_t done = 0, i;
	int rc = -1;

	if (!s)
		return errorf(e, "out of memory");
	while (done < n) {
		size_t chunk = n - done < CLIENT_PIPELINE_CHUNK ? n - done : CLIENT_PIPELINE_CHUNK;

		c->batch.len = 0;
		for (i = 0; i < chunk; i++) {
			s->nr = calls[done + i].nr;
			memcpy(s->args, calls[done + i].args, sizeof(s->args));
			client_begin(c, PROTO_MSG_CALL);
			if (put_call(c, s, 0, e))
				goto out;
			if (proto_finish(&c->vm->out)) {
				errorf(e, "out of memory");
				goto out;
			}
			ids[i] = c->vm->next_id;
			batch_add(c);
		}
		if (vm_send(c->vm, c->batch.data, c->batch.len, e))
			goto out;
		for (i = 0; i < chunk; i++) {
			struct proto_msg m;

			if (vm_wait(c->vm, ids[i], c->timeout_ms + CLIENT_GRACE_MS, &m, e) ||
			    decode_call(s, &m, last, e))
				goto out;
			rets[done + i] = last->ret;
		}
		done += chunk;
	}
	rc = 0;
out:
	free(s);
	return rc;
}

/* ARGV... and STDIN? of an EXEC or JOB_START request. */
static int put_cmd(struct client *c, const struct client_cmd *cmd, struct error *e)
{
	size_t i;

	if (!cmd->argc)
		return errorf(e, "empty command");
	for (i = 0; i < cmd->argc; i++)
		proto_put(&c->vm->out, PROTO_A_ARGV, cmd->argv[i],
			  cmd->argv_len ? cmd->argv_len[i] : strlen(cmd->argv[i]));
	if (cmd->in)
		proto_put(&c->vm->out, PROTO_A_STDIN, cmd->in, cmd->in_len);
	if (cmd->has_output_max)
		proto_put_u32(&c->vm->out, PROTO_A_OUTPUT_MAX, cmd->output_max);
	return 0;
}

static void get_exit(const struct proto_msg *m, struct client_exit *x)
{
	memset(x, 0, sizeof(*x));
	x->finished = proto_has(m, PROTO_A_EXIT_CODE);
	x->code = proto_u32(m, PROTO_A_EXIT_CODE, 0);
	x->signal = proto_u32(m, PROTO_A_SIGNAL, 0);
	x->out = m->attr[PROTO_A_STDOUT];
	x->out_len = m->attr_len[PROTO_A_STDOUT];
	x->err = m->attr[PROTO_A_STDERR];
	x->err_len = m->attr_len[PROTO_A_STDERR];
	x->timed_out = proto_u32(m, PROTO_A_TIMED_OUT, 0) != 0;
	x->out_dropped = proto_u64(m, PROTO_A_STDOUT_DROPPED, 0);
	x->err_dropped = proto_u64(m, PROTO_A_STDERR_DROPPED, 0);
}

int client_exec(struct client *c, const struct client_cmd *cmd, uint32_t timeout_ms,
		struct client_exit *x, struct error *e)
{
	struct proto_msg m;

	client_begin(c, PROTO_MSG_EXEC);
	if (put_cmd(c, cmd, e))
		return -1;
	if (timeout_ms)
		proto_put_u32(&c->vm->out, PROTO_A_TIMEOUT_MS, timeout_ms);
	if (vm_request(c->vm, timeout_ms ? (int)timeout_ms + CLIENT_GRACE_MS : 0, &m, e))
		return -1;
	get_exit(&m, x);
	return 0;
}

int client_job_start(struct client *c, const struct client_cmd *cmd, uint32_t *job,
		     uint32_t *pid, struct error *e)
{
	struct proto_msg m;

	client_begin(c, PROTO_MSG_JOB_START);
	if (put_cmd(c, cmd, e) || vm_request(c->vm, c->timeout_ms + CLIENT_GRACE_MS, &m, e))
		return -1;
	*job = proto_u32(&m, PROTO_A_JOB_ID, 0);
	*pid = proto_u32(&m, PROTO_A_PID, 0);
	return 0;
}

int client_job_wait(struct client *c, uint32_t job, uint32_t timeout_ms,
		    struct client_exit *x, struct error *e)
{
	struct proto_msg m;

	client_begin(c, PROTO_MSG_JOB_WAIT);
	proto_put_u32(&c->vm->out, PROTO_A_JOB_ID, job);
	if (timeout_ms)
		proto_put_u32(&c->vm->out, PROTO_A_TIMEOUT_MS, timeout_ms);
	if (vm_request(c->vm, timeout_ms ? (int)timeout_ms + CLIENT_GRACE_MS : 0, &m, e))
		return -1;
	get_exit(&m, x);
	return 0;
}

int client_job_kill(struct client *c, uint32_t job, uint32_t sig, struct error *e)
{
	struct proto_msg m;

	client_begin(c, PROTO_MSG_JOB_KILL);
	proto_put_u32(&c->vm->out, PROTO_A_JOB_ID, job);
	proto_put_u32(&c->vm->out, PROTO_A_SIGNAL, sig);
	return vm_request(c->vm, c->timeout_ms + CLIENT_GRACE_MS, &m, e);
}

int client_write_file(struct client *c, const char *path, const void *data, size_t len,
		      uint32_t mode, struct error *e)
{
	size_t off = 0;
	struct proto_msg m;

	/* in chunks, so no frame has to hold a whole large file */
	do {
		size_t chunk = len - off > CLIENT_FILE_CHUNK ? CLIENT_FILE_CHUNK : len - off;

		client_begin(c, PROTO_MSG_WRITE_FILE);
		proto_put_str(&c->vm->out, PROTO_A_PATH, path);
		proto_put(&c->vm->out, PROTO_A_DATA, (const uint8_t *)data + off, chunk);
		proto_put_u32(&c->vm->out, PROTO_A_MODE, mode);
		proto_put_u32(&c->vm->out, PROTO_A_APPEND, off > 0);
		proto_put_u32(&c->vm->out, PROTO_A_TIMEOUT_MS, c->timeout_ms);
		if (vm_request(c->vm, c->timeout_ms + CLIENT_GRACE_MS, &m, e))
			return -1;
		off += chunk;
	} while (off < len);
	return 0;
}

/* One READ_FILE request: @want bytes at @offset (0 closes an open stream). */
static int read_chunk(struct client *c, const char *path, uint64_t offset, uint64_t want,
		      struct proto_msg *m, struct error *e)
{
	client_begin(c, PROTO_MSG_READ_FILE);
	proto_put_str(&c->vm->out, PROTO_A_PATH, path);
	proto_put_u64(&c->vm->out, PROTO_A_OFFSET, offset);
	proto_put_u64(&c->vm->out, PROTO_A_LENGTH, want);
	proto_put_u32(&c->vm->out, PROTO_A_TIMEOUT_MS, c->timeout_ms);
	return vm_request(c->vm, c->timeout_ms + CLIENT_GRACE_MS, m, e);
}

int client_read_file(struct client *c, const char *path, const struct client_read *o,
		     uint8_t **data, size_t *len, struct error *e)
{
	/* without a length, one byte past the limit says the file is larger */
	uint64_t total = o->has_length ? o->length : o->max + 1, n = 0;
	int stream = 0, eof = 0;
	struct proto_msg m;
	uint8_t *d = xmalloc(1);

	do {
		uint64_t want = total - n < CLIENT_FILE_CHUNK ? total - n : CLIENT_FILE_CHUNK;
		size_t got;

		if (read_chunk(c, path, o->offset + n, want, &m, e))
			goto fail;
		/* a regular file's size: no need to read what would be refused */
		if (!o->has_length && !n && proto_has(&m, PROTO_A_SIZE) &&
		    proto_u64(&m, PROTO_A_SIZE, 0) > o->offset &&
		    proto_u64(&m, PROTO_A_SIZE, 0) - o->offset > o->max)
			n = o->max + 1;
		got = m.attr_len[PROTO_A_DATA];
		stream = proto_u32(&m, PROTO_A_STREAM, 0) != 0;
		eof = proto_u32(&m, PROTO_A_EOF, 1) != 0;
		if (n > o->max)
			break;
		d = xrealloc(d, n + got + 1);
		if (got)
			memcpy(d + n, m.attr[PROTO_A_DATA], got);
		n += got;
	} while (!eof && n < total);
	/* a pipe or tty left open in the agent for more: done with it */
	if (stream && !eof && read_chunk(c, path, o->offset + n, 0, &m, e))
		goto fail;
	if (!o->has_length && n > o->max) {
		errorf(e, "read_file %s: larger than %llu bytes (pass max= or length=)", path,
		       (unsigned long long)o->max);
		goto fail;
	}
	d[n] = '\0';
	*data = d;
	*len = n;
	return 0;
fail:
	free(d);
	return -1;
}

int client_spawn(struct client *c, int thread, uint32_t *worker, uint32_t *pid,
		 struct error *e)
{
	struct proto_msg m;

	client_begin(c, PROTO_MSG_SPAWN);
	proto_put_u32(&c->vm->out, PROTO_A_THREAD, thread != 0);
	if (vm_request(c->vm, c->timeout_ms + CLIENT_GRACE_MS, &m, e))
		return -1;
	*worker = proto_u32(&m, PROTO_A_WORKER_ID, 0);
	*pid = proto_u32(&m, PROTO_A_PID, 0);
	return 0;
}

int client_worker_kill(struct client *c, struct error *e)
{
	struct proto_msg m;

	/* to the agent itself, which stops the worker */
	vm_begin(c->vm, PROTO_MSG_WORKER_KILL);
	proto_put_u32(&c->vm->out, PROTO_A_WORKER_ID, c->worker);
	return vm_request(c->vm, c->timeout_ms + CLIENT_GRACE_MS, &m, e);
}

int client_insmod(struct client *c, const char *path, const char *params, struct error *e)
{
	struct proto_msg m;

	client_begin(c, PROTO_MSG_INSMOD);
	proto_put_str(&c->vm->out, PROTO_A_PATH, path);
	proto_put_str(&c->vm->out, PROTO_A_PARAMS, params);
	proto_put_u32(&c->vm->out, PROTO_A_TIMEOUT_MS, c->timeout_ms);
	return vm_request(c->vm, c->timeout_ms + CLIENT_GRACE_MS, &m, e);
}

int client_ping(struct client *c, struct error *e)
{
	struct proto_msg m;

	client_begin(c, PROTO_MSG_PING);
	return vm_request(c->vm, c->timeout_ms + CLIENT_GRACE_MS, &m, e);
}

int client_trace(struct client *c, const struct client_trace_req *req,
		 struct client_trace_info *info, struct error *e)
{
	struct proto_msg m;
	size_t i;

	client_begin(c, PROTO_MSG_TRACE);
	proto_put_u32(&c->vm->out, PROTO_A_TRACE_ERRNO, req->errno_mode);
	for (i = 0; i < req->nglobs; i++)
		proto_put_str(&c->vm->out, PROTO_A_TRACE_GLOB, req->globs[i]);
	proto_put_u32(&c->vm->out, PROTO_A_TRACE_GRAPH, req->graph != 0);
	proto_put_u32(&c->vm->out, PROTO_A_TRACE_DEPTH, req->depth);
	for (i = 0; i < req->nfilter; i++)
		proto_put_str(&c->vm->out, PROTO_A_TRACE_FILTER, req->filter[i]);
	/* arming thousands of functions takes seconds under TCG */
	if (vm_request(c->vm, c->timeout_ms + CLIENT_GRACE_MS, &m, e))
		return -1;
	info->funcs = proto_u32(&m, PROTO_A_TRACE_FUNCS, 0);
	info->nobtf = proto_u32(&m, PROTO_A_TRACE_NOBTF, 0);
	info->arm_ns = proto_u64(&m, PROTO_A_TRACE_ARM_NS, 0);
	info->resolve_ns = proto_u64(&m, PROTO_A_TRACE_RESOLVE_NS, 0);
	info->graph_ns = proto_u64(&m, PROTO_A_TRACE_GRAPH_NS, 0);
	return 0;
}
