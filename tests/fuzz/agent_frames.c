/*
 * agent_frames.c - fuzz the guest agent through the real channel: random
 * but well-formed frames (any request type but SHUTDOWN, random attributes
 * of the right kinds, repeated or missing, routed to workers or not), many
 * in flight at once. Every request must be answered; after each batch the
 * agent must answer a ping and a getpid call; the guest must not panic and
 * the kernel must not report a splat. Built with ASan and UBSan
 * (build/fuzz-agent), so the host's side of the channel is checked too.
 *
 *	fuzz-agent [-l] [-s SECONDS] [-n FRAMES] [-r SEED]
 *
 * -l also sends blocking requests without a timeout, which the agent bounds
 * by its own 60 s: slow, for make fuzz.
 * Contents are random where the agent only reads them; where it acts on
 * them they come from harmless pools: commands (true, echo, cat, yes with
 * a timeout...), paths under /tmp or /dev/null, syscalls that touch nothing
 * of the agent's (selftests/fuzz_desc.h).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "../../host/client.h"
#include "../../selftests/fuzz_desc.h"

#define BATCH		32	/* frames in flight at once */
#define REPLY_MS	(slow ? 90000 : 30000)	/* the longest a request may go unanswered */
#define MAX_WORKERS	4
#define MAX_JOBS	(BATCH * 2)

static struct fuzz_rng rng;
static int slow;	/* -l: requests without a timeout too (the agent's 60 s) */
static unsigned long frames, batches, findings, by_type[PROTO_MSG__END + 1];
static uint32_t jobs_seen, jobs[MAX_JOBS], workers[MAX_WORKERS];
static int njobs, nworkers;

static void finding(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void finding(const char *fmt, ...)
{
	va_list ap;

	findings++;
	fputs("fuzz agent: FINDING: ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

static const char *const commands[][4] = {
	{ "true" }, { "false" }, { "echo", "fuzz" }, { "cat" }, { "ls", "/tmp" },
	{ "sh", "-c", "exit 3" }, { "sh", "-c", "echo err >&2" }, { "yes" },
	{ "sleep", "0.05" }, { "head", "-c", "100000", "/dev/zero" }, { "/nonexistent" },
};

static const char *const paths[] = {
	"/tmp/fuzz-a", "/tmp/fuzz-b", "/dev/null", "/dev/zero", "/dev/urandom",
	"/proc/self/status", "/nonexistent/x", "", "/tmp", "/tmp/fuzz-fifo",
};

static const uint64_t harmless[] = {
	SYS_getpid, SYS_getppid, SYS_uname, SYS_getcwd, SYS_clock_gettime,
	SYS_getrandom, SYS_sched_yield, 1000, 2023, 5000,
};

static void put_random_bytes(struct proto_buf *b, unsigned int type, size_t max)
{
	size_t n = fuzz_below(&rng, (uint32_t)max + 1), i;
	uint8_t *p = proto_reserve(b, type, n);

	for (i = 0; p && i < n; i++)
		p[i] = (uint8_t)fuzz_next(&rng);
}

static uint32_t random_u32(void)
{
	static const uint32_t edge[] = { 0, 1, 2, 9, 15, 64, 65, 1000, 0x7fffffff, 0xffffffff };

	return fuzz_chance(&rng, 50) ? edge[fuzz_below(&rng, 10)] : (uint32_t)fuzz_next(&rng);
}

/* Any attribute, of the kind the schema gives it, with a random value. */
static void put_any(struct proto_buf *b)
{
	static const unsigned int harmless_attrs[] = {
		PROTO_A_MODE, PROTO_A_APPEND, PROTO_A_EOF, PROTO_A_THREAD, PROTO_A_EXIT_CODE,
		PROTO_A_SIGNAL, PROTO_A_VERSION, PROTO_A_MESSAGE, PROTO_A_STDOUT, PROTO_A_SIZE,
		PROTO_A_STREAM, PROTO_A_OUTPUT_MAX, PROTO_A_EXECUTOR, PROTO_A_PARAMS, PROTO_A_LOG,
	};
	unsigned int a = harmless_attrs[fuzz_below(&rng, sizeof(harmless_attrs) /
						  sizeof(harmless_attrs[0]))];

	if (a == PROTO_A_SIZE)
		proto_put_u64(b, a, fuzz_next(&rng));
	else if (a == PROTO_A_MESSAGE || a == PROTO_A_STDOUT || a == PROTO_A_PARAMS ||
		 a == PROTO_A_LOG)
		put_random_bytes(b, a, 64);
	else
		proto_put_u32(b, a, random_u32());
}

static void put_argv(struct proto_buf *b)
{
	unsigned int i;

	if (fuzz_chance(&rng, 10)) {
		put_random_bytes(b, PROTO_A_ARGV, 40);	/* no such program */
		return;
	}
	if (fuzz_chance(&rng, 3))
		return;	/* no command at all */
	i = fuzz_below(&rng, sizeof(commands) / sizeof(commands[0]));
	for (unsigned int k = 0; k < 4 && commands[i][k]; k++)
		proto_put_str(b, PROTO_A_ARGV, commands[i][k]);
}

static void put_path(struct proto_buf *b)
{
	if (fuzz_chance(&rng, 5))
		put_random_bytes(b, PROTO_A_PATH, 20);	/* relative: under / */
	else if (!fuzz_chance(&rng, 3))
		proto_put_str(b, PROTO_A_PATH, paths[fuzz_below(&rng, sizeof(paths) /
							       sizeof(paths[0]))]);
}

/*
 * A bounded wait for whatever may block: a FIFO, a job, a slow command.
 * With -l, sometimes none (or 0): the agent's own limit must apply.
 */
static void put_timeout(struct proto_buf *b, int always)
{
	if (slow && fuzz_chance(&rng, 4)) {
		if (fuzz_chance(&rng, 50))
			proto_put_u32(b, PROTO_A_TIMEOUT_MS, 0);
		return;
	}
	if (always || fuzz_chance(&rng, 80))
		proto_put_u32(b, PROTO_A_TIMEOUT_MS, 1 + fuzz_below(&rng, 1500));
}

/* Build one random request in vm->out; its type. */
static unsigned int random_frame(struct vm *vm)
{
	static const unsigned int types[] = {
		PROTO_MSG_PING, PROTO_MSG_EXEC, PROTO_MSG_CALL, PROTO_MSG_WRITE_FILE,
		PROTO_MSG_READ_FILE, PROTO_MSG_INSMOD, PROTO_MSG_JOB_START, PROTO_MSG_JOB_WAIT,
		PROTO_MSG_JOB_KILL, PROTO_MSG_SPAWN, PROTO_MSG_WORKER_KILL, PROTO_MSG_HELLO,
		PROTO_MSG_EVENT,
	};
	unsigned int type = types[fuzz_below(&rng, sizeof(types) / sizeof(types[0]))];
	struct proto_buf *b = &vm->out;
	uint8_t *desc;
	unsigned int i;

	if (type == PROTO_MSG_SPAWN && nworkers >= MAX_WORKERS)
		type = PROTO_MSG_PING;
	vm_begin(vm, type);
	/* a worker's request goes to it (an id that is none fails) */
	if (type != PROTO_MSG_SPAWN && type != PROTO_MSG_WORKER_KILL && fuzz_chance(&rng, 15))
		proto_put_u32(b, PROTO_A_WORKER, nworkers && fuzz_chance(&rng, 70) ?
			      workers[fuzz_below(&rng, nworkers)] : random_u32());
	switch (type) {
	case PROTO_MSG_EXEC:
	case PROTO_MSG_JOB_START:
		put_argv(b);
		if (fuzz_chance(&rng, 30))
			put_random_bytes(b, PROTO_A_STDIN, fuzz_chance(&rng, 10) ? 1 << 20 : 300);
		if (fuzz_chance(&rng, 30))
			proto_put_u32(b, PROTO_A_OUTPUT_MAX, random_u32());
		/* yes runs until then: a command without one is the host's to bound */
		if (type == PROTO_MSG_EXEC)
			proto_put_u32(b, PROTO_A_TIMEOUT_MS, 1 + fuzz_below(&rng, 1500));
		break;
	case PROTO_MSG_CALL: {
		/* built aligned, then copied: an attribute is only 4-byte aligned */
		static uint64_t blob[1024];
		size_t n = fuzz_desc(&rng, (uint8_t *)blob, sizeof(blob), harmless,
				     sizeof(harmless) / sizeof(harmless[0]));

		desc = proto_reserve(b, PROTO_A_DESC, n);
		if (desc)
			memcpy(desc, blob, n);
		if (fuzz_chance(&rng, 30))
			proto_put_u32(b, PROTO_A_EXECUTOR, fuzz_below(&rng, 4));
		put_timeout(b, 1);
		break;
	}
	case PROTO_MSG_WRITE_FILE:
		put_path(b);
		put_random_bytes(b, PROTO_A_DATA, fuzz_chance(&rng, 5) ? 1 << 20 : 2000);
		if (fuzz_chance(&rng, 50))
			proto_put_u32(b, PROTO_A_MODE, random_u32());
		if (fuzz_chance(&rng, 50))
			proto_put_u32(b, PROTO_A_APPEND, random_u32());
		put_timeout(b, 1);
		break;
	case PROTO_MSG_READ_FILE:
		put_path(b);
		if (fuzz_chance(&rng, 50))
			proto_put_u64(b, PROTO_A_OFFSET, fuzz_chance(&rng, 50) ?
				      fuzz_below(&rng, 5000) : fuzz_next(&rng));
		if (fuzz_chance(&rng, 70))
			proto_put_u64(b, PROTO_A_LENGTH, fuzz_chance(&rng, 50) ?
				      fuzz_below(&rng, 70000) : fuzz_next(&rng));
		put_timeout(b, 1);
		break;
	case PROTO_MSG_INSMOD:
		put_path(b);
		if (fuzz_chance(&rng, 60))
			put_random_bytes(b, PROTO_A_PARAMS, 100);
		put_timeout(b, 1);
		break;
	case PROTO_MSG_JOB_WAIT:
	case PROTO_MSG_JOB_KILL:
		if (fuzz_chance(&rng, 90))
			proto_put_u32(b, PROTO_A_JOB_ID, fuzz_chance(&rng, 80) ?
				      fuzz_below(&rng, jobs_seen + 3) : random_u32());
		if (type == PROTO_MSG_JOB_WAIT)
			put_timeout(b, 0);	/* without: until the batch's end kills it */
		else if (fuzz_chance(&rng, 70))
			proto_put_u32(b, PROTO_A_SIGNAL, fuzz_chance(&rng, 80) ?
				      fuzz_below(&rng, 70) : random_u32());
		break;
	case PROTO_MSG_SPAWN:
		if (fuzz_chance(&rng, 70))
			proto_put_u32(b, PROTO_A_THREAD, random_u32());
		break;
	case PROTO_MSG_WORKER_KILL:
		if (fuzz_chance(&rng, 90))
			proto_put_u32(b, PROTO_A_WORKER_ID, nworkers && fuzz_chance(&rng, 30) ?
				      workers[fuzz_below(&rng, nworkers)] : random_u32());
		break;
	}
	/* attributes the request does not use, in any message */
	for (i = fuzz_below(&rng, 3); i > 0 && fuzz_chance(&rng, 30); i--)
		put_any(b);
	return type;
}

struct pending {
	uint32_t id;
	unsigned int type;
	int worker;		/* routed to a worker */
	uint64_t sent_ns;
};

static void forget_worker(uint32_t id)
{
	for (int i = 0; i < nworkers; i++)
		if (workers[i] == id) {
			workers[i] = workers[--nworkers];
			return;
		}
}

/* Only requests answered once something ends (a job, a command) are pending. */
static int only_waits(const struct pending *p, int np)
{
	for (int i = 0; i < np; i++)
		if (p[i].type != PROTO_MSG_JOB_WAIT && p[i].type != PROTO_MSG_EXEC)
			return 0;
	return 1;
}

/*
 * Take replies until none of @p is pending (or, with @waits, none but
 * waits); 0, or -1 if the VM died.
 */
static int collect(struct vm *vm, struct pending *p, int *np, int waits)
{
	struct proto_msg m;
	struct error e;

	while (*np && !(waits && only_waits(p, *np))) {
		uint64_t oldest = p[0].sent_ns;
		int i, wait_ms;

		for (i = 1; i < *np; i++)
			if (p[i].sent_ns < oldest)
				oldest = p[i].sent_ns;
		wait_ms = (int)(REPLY_MS - (mono_ns() - oldest) / 1000000);
		if (wait_ms <= 0 || vm_next(vm, wait_ms, &m, &e)) {
			if (vm->dead) {
				finding("the VM died: %s", vm->dead_reason);
				return -1;
			}
			for (i = 0; i < *np; i++)
				finding("no reply to request %u (%s) within %d s", p[i].id,
					proto_msg_name(p[i].type), REPLY_MS / 1000);
			*np = 0;
			return 0;
		}
		/* the agent's own EVENT has id 0; one with an id answers our EVENT request */
		if (m.hdr.type == PROTO_MSG_EVENT && !m.hdr.id) {
			char *text = proto_strdup(&m, PROTO_A_MESSAGE);

			finding("a kernel splat: %.400s", text ? text : "");
			free(text);
			continue;
		}
		for (i = 0; i < *np && p[i].id != m.hdr.id; i++)
			;
		if (i == *np) {
			finding("a reply to no pending request: id %u, %s", m.hdr.id,
				proto_msg_name(m.hdr.type));
			continue;
		}
		if (m.hdr.type != p[i].type)
			finding("request %u (%s) answered as %s", m.hdr.id,
				proto_msg_name(p[i].type), proto_msg_name(m.hdr.type));
		if (!(m.hdr.flags & PROTO_F_ERROR)) {
			uint32_t job = proto_u32(&m, PROTO_A_JOB_ID, 0);

			if (m.hdr.type == PROTO_MSG_JOB_START && job > jobs_seen)
				jobs_seen = job;
			/* a job of the agent's own (not a worker's): killed at the batch's end */
			if (m.hdr.type == PROTO_MSG_JOB_START && !p[i].worker && njobs < MAX_JOBS)
				jobs[njobs++] = job;
			if (m.hdr.type == PROTO_MSG_SPAWN && nworkers < MAX_WORKERS)
				workers[nworkers++] = proto_u32(&m, PROTO_A_WORKER_ID, 0);
		}
		p[i] = p[--*np];
	}
	return 0;
}

/* Send the request built in vm->out and note it as pending. */
static int send_frame(struct vm *vm, unsigned int type, struct pending *p, int *np)
{
	struct proto_hdr h;
	struct proto_msg m;
	char err[128];

	/* the request as the agent will see it: routed to a worker or not */
	proto_hdr_decode(vm->out.data, &h);
	proto_decode(&h, vm->out.data + PROTO_HDR_LEN, &m, err, sizeof(err));
	struct error e;

	if (proto_finish(&vm->out))
		return 0;	/* too large: the host would refuse it too */
	proto_hdr_decode(vm->out.data, &h);
	proto_decode(&h, vm->out.data + PROTO_HDR_LEN, &m, err, sizeof(err));
	if (vm_send(vm, vm->out.data, vm->out.len, &e)) {
		finding("sending a %s: %s", proto_msg_name(type), e.msg);
		return -1;
	}
	p[*np] = (struct pending){ vm->next_id, type, proto_has(&m, PROTO_A_WORKER), mono_ns() };
	(*np)++;
	return 0;
}

/*
 * The batch's end: every job killed (a JOB_WAIT without a timeout is
 * answered then), every worker stopped, every request answered; then the
 * agent must still answer a ping and a call.
 */
static int end_batch(struct vm *vm, struct pending *p, int *np)
{
	struct client c = { .vm = vm, .timeout_ms = 10000 };
	struct call_spec s = { .nr = SYS_getpid };
	struct call_result res;
	struct error e;

	/* first what answers at once: the jobs started in this batch are known then */
	if (collect(vm, p, np, 1))
		return -1;
	while (njobs) {
		uint32_t j = jobs[--njobs];

		vm_begin(vm, PROTO_MSG_JOB_KILL);
		proto_put_u32(&vm->out, PROTO_A_JOB_ID, j);
		if (send_frame(vm, PROTO_MSG_JOB_KILL, p, np))
			return -1;
		vm_begin(vm, PROTO_MSG_JOB_WAIT);
		proto_put_u32(&vm->out, PROTO_A_JOB_ID, j);
		proto_put_u32(&vm->out, PROTO_A_TIMEOUT_MS, 5000);
		if (send_frame(vm, PROTO_MSG_JOB_WAIT, p, np))
			return -1;
	}
	while (nworkers) {
		vm_begin(vm, PROTO_MSG_WORKER_KILL);
		proto_put_u32(&vm->out, PROTO_A_WORKER_ID, workers[0]);
		forget_worker(workers[0]);
		if (send_frame(vm, PROTO_MSG_WORKER_KILL, p, np))
			return -1;
	}
	if (collect(vm, p, np, 0))
		return -1;
	batches++;
	if (client_ping(&c, &e)) {
		finding("no answer to a ping after the batch: %s", e.msg);
		return -1;
	}
	if (client_call(&c, &s, 0, &res, &e) || res.ret <= 0) {
		finding("getpid after the batch: %s", e.msg);
		return -1;
	}
	return 0;
}

static int boot(struct vm *vm)
{
	struct vm_config cfg;
	struct client c = { .vm = vm, .timeout_ms = 10000 };
	static const char *const mkfifo[] = { "mkfifo", "/tmp/fuzz-fifo" };
	struct client_cmd cmd = { .argv = mkfifo, .argc = 2 };
	struct client_exit x;
	struct error e;

	if (vm_config_default(&cfg, &e) || vm_boot(vm, &cfg, &e) ||
	    client_exec(&c, &cmd, 10000, &x, &e)) {
		fprintf(stderr, "fuzz agent: cannot boot: %s\n", e.msg);
		return -1;
	}
	jobs_seen = 0;
	njobs = nworkers = 0;
	return 0;
}

int main(int argc, char **argv)
{
	struct pending p[BATCH + 2 * MAX_JOBS + MAX_WORKERS];
	double seconds = 10;
	unsigned long max_frames = 0, seed = 0;
	uint64_t end;
	struct vm vm;
	int opt, np = 0;

	while ((opt = getopt(argc, argv, "s:n:r:l")) != -1) {
		if (opt == 'l')
			slow = 1;
		else if (opt == 's')
			seconds = atof(optarg);
		else if (opt == 'n')
			max_frames = strtoul(optarg, NULL, 0);
		else if (opt == 'r')
			seed = strtoul(optarg, NULL, 0);
		else {
			fprintf(stderr, "usage: %s [-l] [-s SECONDS] [-n FRAMES] [-r SEED]\n", argv[0]);
			return 2;
		}
	}
	if (!seed)
		seed = (unsigned long)time(NULL) ^ (unsigned long)getpid() << 16;
	rng.s = seed;
	if (boot(&vm))
		return 2;
	end = mono_ns() + (uint64_t)(seconds * 1e9);
	while (mono_ns() < end && (!max_frames || frames < max_frames)) {
		int i, rc = 0;

		for (i = 0; i < BATCH && !rc; i++) {
			unsigned int type = random_frame(&vm);

			frames++;
			by_type[type]++;
			rc = send_frame(&vm, type, p, &np);
		}
		/* a JOB_WAIT without a timeout is answered once end_batch kills its job */
		if (rc || end_batch(&vm, p, &np)) {
			np = 0;
			vm_kill(&vm);
			if (boot(&vm))
				return 2;
		}
	}
	printf("fuzz agent: per type:");
	for (unsigned int t = 1; t < PROTO_MSG__END; t++)
		if (by_type[t])
			printf(" %s %lu", proto_msg_name(t), by_type[t]);
	printf("\n");
	vm_kill(&vm);
	vm_free_events(&vm);
	printf("fuzz agent: %lu frames in %lu batches, seed %lu: %lu findings\n", frames, batches,
	       seed, findings);
	return findings ? 1 : 0;
}
