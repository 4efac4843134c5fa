/*
 * vm.c - boot a guest and talk to its agent: QEMU started (its command line
 * is qemu_argv.c's), the private run directory, the channel, shutdown and
 * teardown.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "config.h"
#include "console.h"
#include "initramfs.h"
#include "module.h"
#include "pool.h"
#include "qemu_argv.h"
#include "rootfs.h"
#include "vm.h"

#define VM_IN_KEEP (1u << 20)	/* receive buffer kept between large frames */

static void teardown(struct vm *vm);

int vm_config_default(struct vm_config *cfg, struct error *e)
{
	memset(cfg, 0, sizeof(*cfg));
	if (kernel_find_default(&cfg->kernel, e))
		return -1;
	kernel_locate_config(&cfg->kernel);
	cfg->memory_mb = 512;
	cfg->cpus = 1;
	cfg->boot_timeout_ms = 30000;
	/* kmod/provium.ko if 'make' built it for this kernel, else one built now */
	return module_for_kernel(&cfg->kernel, cfg->module, sizeof(cfg->module),
				 cfg->module_note, sizeof(cfg->module_note), e);
}

static int listen_unix(const char *path, struct error *e)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return errorf(e, "socket: %s", strerror(errno));
	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s", path);
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) || listen(fd, 1)) {
		errorf(e, "cannot listen on %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

static int spawn_qemu(struct vm *vm, struct argv *a, struct error *e)
{
	char *log = xasprintf("%s/qemu.log", vm->rundir);
	pid_t parent = getpid();
	pid_t pid = fork();

	if (pid < 0) {
		free(log);
		return errorf(e, "fork: %s", strerror(errno));
	}
	if (pid == 0) {
		int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		/* never outlive the host: no QEMU is left behind */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(1);
		if (!vm->cfg.interactive)
			setpgid(0, 0);	/* Ctrl-C reaches the host, which tears down */
		if (!vm->cfg.interactive) {
			dup2(open("/dev/null", O_RDONLY), 0);
			if (fd >= 0) {
				dup2(fd, 1);
				dup2(fd, 2);
			}
		} else if (fd >= 0) {
			dup2(fd, 2);
		}
		execvp(a->v[0], a->v);
		fprintf(stderr, "cannot run %s: %s\n", a->v[0], strerror(errno));
		_exit(127);
	}
	free(log);
	vm->qemu_pid = pid;
	vm->pidfd = syscall(SYS_pidfd_open, pid, 0);
	return 0;
}

static void mark_dead(struct vm *vm, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void mark_dead(struct vm *vm, const char *fmt, ...)
{
	va_list ap;

	if (vm->dead)
		return;
	vm->dead = 1;
	va_start(ap, fmt);
	vsnprintf(vm->dead_reason, sizeof(vm->dead_reason), fmt, ap);
	va_end(ap);
}

off_t vm_console_size(const struct vm *vm)
{
	struct stat st;

	if (vm->con)
		return (off_t)console_size(vm->con);
	if (vm->con_ended)
		return (off_t)vm->con_final.total;
	return stat(vm->console, &st) ? 0 : st.st_size;
}

char *vm_console_since(const struct vm *vm, off_t from, size_t max)
{
	int fd = -1;
	off_t size, start;
	char *out;
	ssize_t n;

	if (vm->con) {
		size_t len;

		out = console_since(vm->con, (uint64_t)from, max, &len);
		n = (ssize_t)len;
	} else {
		/* the file the thread left: its offsets are not the guest's any more */
		if (vm->con_ended)
			from = (off_t)logcap_file_offset(&vm->con_final, (uint64_t)from);
		fd = open(vm->console, O_RDONLY | O_CLOEXEC);
		if (fd < 0)
			return xstrdup("");
		size = lseek(fd, 0, SEEK_END);
		start = size - from > (off_t)max ? size - (off_t)max : from;
		if (start < 0 || start > size)
			start = size;
		out = xmalloc((size_t)(size - start) + 1);
		n = pread(fd, out, (size_t)(size - start), start);
		close(fd);
		out[n > 0 ? n : 0] = '\0';
	}
	/* a NUL (consoles have them) would cut the text short */
	for (ssize_t i = 0; i < n; i++)
		if (!out[i])
			out[i] = ' ';
	return out;
}

char *vm_console_tail(const struct vm *vm, size_t max)
{
	return vm_console_since(vm, 0, max);
}

/* Why the guest went away, from what its console shows. */
static void explain_death(struct vm *vm, const char *what)
{
	char *tail = vm_console_tail(vm, 65536);
	char *p = strstr(tail, "Kernel panic");

	if (p) {
		p[strcspn(p, "\r\n")] = '\0';
		mark_dead(vm, "guest kernel panic: %s", p);
	} else if ((p = strstr(tail, "BUG:")) || (p = strstr(tail, "Oops"))) {
		p[strcspn(p, "\r\n")] = '\0';
		mark_dead(vm, "guest kernel oops: %s", p);
	} else {
		mark_dead(vm, "%s", what);
	}
	free(tail);
}

/* The last lines QEMU wrote to its stderr (qemu.log), "" if none. */
static char *qemu_stderr_tail(const struct vm *vm, size_t max)
{
	char *log = xasprintf("%s/qemu.log", vm->rundir);
	size_t len;
	uint8_t *d = read_whole_file(log, &len);
	char *out;

	free(log);
	if (!d)
		return xstrdup("");
	while (len && (d[len - 1] == '\n' || d[len - 1] == '\r'))
		len--;
	out = xstrdup(len > max ? (char *)d + len - max : (char *)d);
	out[len > max ? max : len] = '\0';
	free(d);
	return out;
}

/*
 * How QEMU ended, in words: only SIGKILL comes from outside (we kill it
 * only in teardown, after which nobody asks); an abort or a crash is
 * QEMU's own, and what it printed says why.
 */
static void describe_qemu_exit(const struct vm *vm, int status, char *how, size_t howlen)
{
	char *err = qemu_stderr_tail(vm, 1500);
	const char *sep = *err ? "; QEMU said:\n" : "";

	if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
		snprintf(how, howlen, "QEMU was killed by signal 9 (from outside?)%s%s", sep, err);
	else if (WIFSIGNALED(status))
		snprintf(how, howlen, "QEMU crashed by itself (signal %d, %s)%s%s",
			 WTERMSIG(status), strsignal(WTERMSIG(status)), sep, err);
	else if (WEXITSTATUS(status))
		snprintf(how, howlen, "QEMU exited by itself with status %d%s%s",
			 WEXITSTATUS(status), sep, err);
	else
		snprintf(how, howlen, "QEMU exited (status 0: the guest powered off or reset)%s%s",
			 sep, err);
	free(err);
}

/*
 * Has QEMU exited? Waits up to @wait_ms for it: the channel's end can be
 * seen a moment before the process is gone. Says how it ended in @how.
 */
static int qemu_exited(struct vm *vm, int wait_ms, char *how, size_t howlen)
{
	int status;

	if (vm->qemu_pid <= 0) {
		snprintf(how, howlen, "QEMU exited");
		return 1;
	}
	if (wait_ms && vm->pidfd >= 0) {
		struct pollfd p = { vm->pidfd, POLLIN, 0 };

		poll(&p, 1, wait_ms);
	}
	if (waitpid(vm->qemu_pid, &status, WNOHANG) != vm->qemu_pid)
		return 0;
	vm->qemu_pid = 0;
	describe_qemu_exit(vm, status, how, howlen);
	return 1;
}

/* The channel closed or broke: find out why (QEMU gone? a panic?). */
static void channel_lost(struct vm *vm)
{
	char how[2048];

	explain_death(vm, qemu_exited(vm, 1000, how, sizeof(how)) ? how :
		      "the guest agent exited or crashed");
}

/* Read until one whole frame is buffered; @deadline_ns of 0 = wait forever. */
static int read_frame(struct vm *vm, uint64_t deadline_ns, struct proto_msg *m, struct error *e)
{
	char err[256];

	if (vm->in_used) {
		memmove(vm->in, vm->in + vm->in_used, vm->in_len - vm->in_used);
		vm->in_len -= vm->in_used;
		vm->in_used = 0;
	}
	/* the last reply is done with: a large frame's room goes back */
	if (vm->in_cap > VM_IN_KEEP && vm->in_len <= VM_IN_KEEP / 2) {
		vm->in_cap = VM_IN_KEEP;
		vm->in = xrealloc(vm->in, vm->in_cap);
	}
	for (;;) {
		struct proto_hdr h;
		int room = 0;
		struct pollfd pfd[2] = { { vm->fd, POLLIN, 0 }, { vm->pidfd, POLLIN, 0 } };
		int timeout = -1;
		ssize_t n;

		if (vm->in_len >= PROTO_HDR_LEN) {
			if (proto_hdr_decode(vm->in, &h)) {
				mark_dead(vm, "malformed frame header from the agent");
				return errorf(e, "%s", vm->dead_reason);
			}
			if (vm->in_len >= PROTO_HDR_LEN + h.len) {
				if (proto_decode(&h, vm->in + PROTO_HDR_LEN, m, err, sizeof(err))) {
					mark_dead(vm, "malformed frame from the agent: %s", err);
					return errorf(e, "%s", vm->dead_reason);
				}
				vm->in_used = PROTO_HDR_LEN + h.len;
				return 0;
			}
			/* exactly the frame's size: an 80 MiB frame must not double to 160 */
			if (vm->in_cap < PROTO_HDR_LEN + h.len) {
				vm->in_cap = PROTO_HDR_LEN + h.len;
				vm->in = xrealloc(vm->in, vm->in_cap);
			}
			room = 1;
		}
		if (!room && vm->in_cap - vm->in_len < 65536) {
			vm->in_cap = vm->in_cap ? vm->in_cap * 2 : 1 << 17;
			vm->in = xrealloc(vm->in, vm->in_cap);
		}
		if (deadline_ns) {
			uint64_t now = mono_ns();

			if (now >= deadline_ns)
				return errorf(e, "timed out waiting for the agent");
			timeout = (int)((deadline_ns - now) / 1000000) + 1;
		}
		if (poll(pfd, vm->pidfd >= 0 ? 2 : 1, timeout) < 0) {
			if (errno == EINTR && provium_interrupted)
				return errorf(e, "interrupted");
			if (errno == EINTR)
				continue;
			return errorf(e, "poll: %s", strerror(errno));
		}
		if (pfd[0].revents & POLLIN) {
			n = read(vm->fd, vm->in + vm->in_len, vm->in_cap - vm->in_len);
			if (n > 0) {
				vm->in_len += n;
				continue;
			}
			if (n < 0 && errno == EINTR)
				continue;
		} else if (!(pfd[0].revents & (POLLHUP | POLLERR)) && !pfd[1].revents) {
			continue;
		}
		channel_lost(vm);
		return errorf(e, "%s", vm->dead_reason);
	}
}

/*
 * A splat the agent reported. A guest can raise thousands (a WARN in a
 * loop): the first VM_EVENTS_HEAD and the latest VM_EVENTS_TAIL are kept,
 * the ones between only counted, and each text is cut at
 * VM_EVENT_TEXT_MAX. vm->nevents counts them all.
 */
static void record_event(struct vm *vm, const struct proto_msg *m)
{
	char *kind = proto_strdup(m, PROTO_A_EVENT_KIND);
	uint32_t len = m->attr_len[PROTO_A_MESSAGE];
	struct vm_event *ev;
	char *text;

	if (len > VM_EVENT_TEXT_MAX) {
		text = xasprintf("%.*s\n[provium: %u more bytes of this splat dropped]\n",
				 VM_EVENT_TEXT_MAX, (const char *)m->attr[PROTO_A_MESSAGE],
				 len - VM_EVENT_TEXT_MAX);
	} else {
		text = proto_strdup(m, PROTO_A_MESSAGE);
	}
	if (!vm->events)
		vm->events = xcalloc(VM_EVENTS_HEAD + VM_EVENTS_TAIL, sizeof(*vm->events));
	vm->nevents++;
	ev = &vm->events[vm->nevents <= VM_EVENTS_HEAD ? vm->nevents - 1 :
			 VM_EVENTS_HEAD + (vm->nevents - VM_EVENTS_HEAD - 1) % VM_EVENTS_TAIL];
	free(ev->kind);		/* the oldest of the latest, now dropped */
	free(ev->text);
	free(ev->payload);
	ev->kind = kind ? kind : xstrdup("?");
	ev->text = text ? text : xstrdup("");
	/* the whole frame: whose report it is (trace.h) */
	ev->payload = xmalloc(m->hdr.len + 1);
	memcpy(ev->payload, m->payload, m->hdr.len);
	ev->payload_len = m->hdr.len;
	logv("guest kernel %s: %.200s", ev->kind, ev->text);
}

const struct vm_event *vm_event(const struct vm *vm, uint64_t i)
{
	if (i < 1 || i > vm->nevents)
		return NULL;
	if (i <= VM_EVENTS_HEAD)
		return &vm->events[i - 1];
	if (vm->nevents - i >= VM_EVENTS_TAIL)
		return NULL;	/* dropped */
	return &vm->events[VM_EVENTS_HEAD + (i - VM_EVENTS_HEAD - 1) % VM_EVENTS_TAIL];
}

void vm_free_events(struct vm *vm)
{
	size_t i;

	for (i = 0; vm->events && i < VM_EVENTS_HEAD + VM_EVENTS_TAIL; i++) {
		free(vm->events[i].kind);
		free(vm->events[i].text);
		free(vm->events[i].payload);
	}
	free(vm->events);
	vm->events = NULL;
	vm->nevents = 0;
}

void vm_begin(struct vm *vm, unsigned int type)
{
	proto_begin(&vm->out, type, ++vm->next_id, 0);
}

int vm_send(struct vm *vm, const uint8_t *frames, size_t len, struct error *e)
{
	size_t off = 0;

	if (vm->dead)
		return errorf(e, "the VM is not running (%s)", vm->dead_reason);
	while (off < len) {
		ssize_t n = send(vm->fd, frames + off, len - off, MSG_NOSIGNAL);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			channel_lost(vm);
			teardown(vm);
			return errorf(e, "%s", vm->dead_reason);
		}
		off += n;
	}
	return 0;
}

int vm_wait(struct vm *vm, uint32_t id, int timeout_ms, struct proto_msg *reply,
	    struct error *e)
{
	uint64_t deadline = timeout_ms > 0 ? mono_ns() + (uint64_t)timeout_ms * 1000000 : 0;

	for (;;) {
		if (read_frame(vm, deadline, reply, e)) {
			if (!vm->dead && deadline && mono_ns() >= deadline) {
				/* a guest that stops answering is not trusted again */
				mark_dead(vm, "no reply from the agent within %d ms (guest hung?)",
					  timeout_ms);
				errorf(e, "%s", vm->dead_reason);
			}
			if (vm->dead)
				teardown(vm);	/* nothing is left running */
			return -1;
		}
		if (reply->hdr.id == id)
			break;
		if (reply->hdr.type == PROTO_MSG_EVENT) {
			record_event(vm, reply);
			continue;
		}
		logv("dropping unexpected %s frame id %u", proto_msg_name(reply->hdr.type),
		     reply->hdr.id);
	}
	if (reply->hdr.flags & PROTO_F_ERROR) {
		char *msg = proto_strdup(reply, PROTO_A_MESSAGE);

		errorf(e, "%s", msg ? msg : "the agent reported an error");
		free(msg);
		return -1;
	}
	return 0;
}

int vm_next(struct vm *vm, int timeout_ms, struct proto_msg *m, struct error *e)
{
	uint64_t deadline = mono_ns() + (uint64_t)(timeout_ms > 0 ? timeout_ms : 0) * 1000000;

	if (vm->dead)
		return errorf(e, "the VM is not running (%s)", vm->dead_reason);
	if (read_frame(vm, deadline, m, e)) {
		if (vm->dead)
			teardown(vm);
		return -1;
	}
	if (m->hdr.type == PROTO_MSG_EVENT)
		record_event(vm, m);
	return 0;
}

int vm_request(struct vm *vm, int timeout_ms, struct proto_msg *reply, struct error *e)
{
	if (vm->dead)
		return errorf(e, "the VM is not running (%s)", vm->dead_reason);
	if (proto_finish(&vm->out))
		return errorf(e, "request too large (limit %u bytes)", PROTO_MAX_PAYLOAD);
	if (vm_send(vm, vm->out.data, vm->out.len, e))
		return -1;
	return vm_wait(vm, vm->next_id, timeout_ms, reply, e);
}

/*
 * Copy the console to where it outlives the VM: the runner's log directory,
 * or the cache's logs/ when run alone. The same file is refreshed at
 * teardown, so it ends with everything the guest printed.
 */
static int copy_console_out(struct vm *vm)
{
	static unsigned int seq;
	const char *dir = getenv("PROVIUM_LOG_DIR");
	char *logs = NULL;
	size_t len;
	uint8_t *d;
	int rc;

	if (!vm->console[0] || !vm->rundir[0] || strncmp(vm->console, vm->rundir,
							   strlen(vm->rundir)))
		return -1;
	/* the thread may be dropping the middle of it: a copy under its lock */
	d = vm->con ? (uint8_t *)console_since(vm->con, 0, SIZE_MAX, &len) :
		read_whole_file(vm->console, &len);
	if (!d)
		return -1;
	if (!vm->kept_console[0]) {
		if (!dir || !*dir) {
			logs = xasprintf("%s/logs", cache_dir());
			mkdir_p(logs, 0755);
			dir = logs;
		}
		snprintf(vm->kept_console, sizeof(vm->kept_console), "%s/console-%d-%u.log",
			 dir, (int)getpid(), ++seq);
		free(logs);
	}
	rc = write_whole_file(vm->kept_console, d, len);
	free(d);
	return rc;
}

const char *vm_keep_console(struct vm *vm)
{
	if (copy_console_out(vm) == 0 || vm->kept_console[0])
		return vm->kept_console;
	return vm->console;
}

/* A VM that failed keeps its console; vm->console then points there. */
static void preserve_console(struct vm *vm)
{
	if (copy_console_out(vm) == 0)
		copy_str(vm->console, sizeof(vm->console), vm->kept_console);
}

/* A RAM file of the VM's own, and "<stem>.disk*" copies beside "<stem>.ram". */
static void remove_owned(const char *ram)
{
	size_t len = strlen(ram);

	unlink(ram);
	if (len > 4 && !strcmp(ram + len - 4, ".ram")) {
		for (int i = 0; i < 16; i++) {
			char *raw = xasprintf("%.*s.disk%d.raw", (int)(len - 4), ram, i);
			char *qcow = xasprintf("%.*s.disk%d.qcow2", (int)(len - 4), ram, i);

			unlink(raw);
			unlink(qcow);
			free(raw);
			free(qcow);
		}
	}
}

static void teardown(struct vm *vm)
{
	if (vm->qemu_pid > 0) {
		kill(vm->qemu_pid, SIGKILL);
		/* Ctrl-C's handler has no SA_RESTART: a bare waitpid would leave a zombie */
		while (waitpid(vm->qemu_pid, NULL, 0) < 0 && errno == EINTR)
			;
		vm->qemu_pid = 0;
	}
	/* QEMU is gone: the console thread takes what is left and ends */
	if (vm->con) {
		console_stop(vm->con, &vm->con_final);
		vm->con = NULL;
		vm->con_ended = 1;
	}
	if ((vm->dead && strcmp(vm->dead_reason, "shut down") &&
	     strcmp(vm->dead_reason, "killed")) || vm->kept_console[0])
		preserve_console(vm);
	if (vm->pidfd >= 0)
		close(vm->pidfd);
	if (vm->fd >= 0)
		close(vm->fd);
	qmp_close(&vm->qmp);
	vm->pidfd = vm->fd = -1;
	if (vm->own_ram[0])
		remove_owned(vm->own_ram);	/* nobody saved them */
	vm->own_ram[0] = '\0';
	if (vm->rundir[0] && !getenv("PROVIUM_KEEP_RUNDIR"))
		rm_rf(vm->rundir);
	if (vm->sockdir[0])
		rm_rf(vm->sockdir);
	vm->rundir[0] = vm->sockdir[0] = '\0';
	proto_buf_free(&vm->out);
	free(vm->in);
	vm->in = NULL;
	vm->in_len = vm->in_cap = vm->in_used = 0;
	/* QEMU is gone: its memory and CPUs go back to the pool */
	pool_give_back(vm->pool_id);
	vm->pool_id = 0;
}

/* Accept QEMU's connection to @lfd into @out. */
static int accept_agent(struct vm *vm, int lfd, uint64_t deadline, int *out, struct error *e)
{
	struct pollfd pfd[2] = { { lfd, POLLIN, 0 }, { vm->pidfd, POLLIN, 0 } };
	uint64_t now = mono_ns();
	char why[128];
	int rc;

	rc = poll(pfd, 2, now < deadline ? (int)((deadline - now) / 1000000) + 1 : 0);
	if (rc > 0 && (pfd[0].revents & POLLIN)) {
		*out = accept4(lfd, NULL, NULL, SOCK_CLOEXEC);
		if (*out >= 0)
			return 0;
	}
	if (qemu_exited(vm, 0, why, sizeof(why))) {
		char *log = xasprintf("%s/qemu.log", vm->rundir);
		size_t len;
		uint8_t *msg = read_whole_file(log, &len);

		errorf(e, "QEMU failed to start: %s", msg ? (char *)msg : "(no output)");
		free(msg);
		free(log);
		return -1;
	}
	return errorf(e, "QEMU did not connect the agent channel");
}

static int wait_hello(struct vm *vm, uint64_t start, uint64_t deadline, struct error *e)
{
	uint64_t quiet_end = start + (uint64_t)vm->cfg.probe_silence_ms * 1000000;
	struct proto_msg m;
	char *s;

	/* a probe gives up early on a guest that has not printed a thing */
	if (vm->cfg.probe_silence_ms && quiet_end < deadline &&
	    read_frame(vm, quiet_end, &m, e)) {
		if (vm->dead || vm_console_size(vm) == 0)
			return errorf(e, "%s", vm->dead ? e->msg : "no console output at all");
	} else if (vm->cfg.probe_silence_ms && quiet_end < deadline) {
		goto got;
	}
	if (read_frame(vm, deadline, &m, e))
		return -1;
got:
	if (m.hdr.type != PROTO_MSG_HELLO)
		return errorf(e, "expected HELLO from the agent, got %s", proto_msg_name(m.hdr.type));
	if (proto_u32(&m, PROTO_A_VERSION, 0) != PROTO_VERSION)
		return errorf(e, "agent speaks protocol %u, host %u: rebuild with 'make'",
			      proto_u32(&m, PROTO_A_VERSION, 0), PROTO_VERSION);
	s = proto_strdup(&m, PROTO_A_KERNEL_RELEASE);
	snprintf(vm->release, sizeof(vm->release), "%s", s ? s : "");
	free(s);
	vm->module_dispatch = proto_u32(&m, PROTO_A_MODULE_DISPATCH, 0);
	s = proto_strdup(&m, PROTO_A_MODULE_ERROR);
	snprintf(vm->module_error, sizeof(vm->module_error), "%s", s ? s : "");
	/* no module in the guest: the host knows better why */
	if (!vm->cfg.module[0] && vm->cfg.module_note[0])
		snprintf(vm->module_error, sizeof(vm->module_error), "%s", vm->cfg.module_note);
	free(s);
	return 0;
}

/* Wait for QMP's runstate to be @want; fail on anything in @bad. */
static int wait_runstate(struct vm *vm, const char *want, uint64_t deadline, struct error *e)
{
	char reply[4096];

	for (;;) {
		int left = (int)((deadline - mono_ns()) / 1000000);

		if (mono_ns() >= deadline)
			return errorf(e, "QEMU did not reach state '%s' in time", want);
		if (qmp_command(&vm->qmp, "{\"execute\":\"query-status\"}", left, reply,
				sizeof(reply), e))
			return -1;
		if (strstr(reply, want))
			return 0;
		if (strstr(reply, "\"status\": \"inmigrate\"") == NULL &&
		    strstr(reply, "\"status\": \"prelaunch\"") == NULL)
			return errorf(e, "restoring the snapshot failed (QEMU state: %.200s)", reply);
		/* the incoming stream is still being read: ask again shortly */
		{
			struct timespec ts = { 0, 2 * 1000 * 1000 };

			nanosleep(&ts, NULL);
		}
	}
}

int vm_resume(struct vm *vm, int refresh_disks, int timeout_ms, struct error *e)
{
	uint8_t entropy[64];
	struct timespec now;
	struct proto_msg m;
	size_t got = 0;

	while (got < sizeof(entropy)) {
		ssize_t n = getrandom(entropy + got, sizeof(entropy) - got, 0);

		if (n < 0 && errno != EINTR)
			return errorf(e, "getrandom: %s", strerror(errno));
		got += n > 0 ? (size_t)n : 0;
	}
	vm_begin(vm, PROTO_MSG_RESUME);
	proto_put(&vm->out, PROTO_A_ENTROPY, entropy, sizeof(entropy));
	if (refresh_disks)
		proto_put_u32(&vm->out, PROTO_A_REFRESH_DISKS, 1);
	/* read last, so the guest's clock is off by the channel's latency only */
	clock_gettime(CLOCK_REALTIME, &now);
	proto_put_u64(&vm->out, PROTO_A_TIME_NS,
		      (uint64_t)now.tv_sec * 1000000000ull + (uint64_t)now.tv_nsec);
	explicit_bzero(entropy, sizeof(entropy));
	return vm_request(vm, timeout_ms, &m, e);
}

/*
 * A restored guest: the RAM is the saved file (mapped by QEMU), the device
 * state is read from @cfg.restore with x-ignore-shared (set over QMP before
 * the load, as the saving QEMU had it), then the guest runs on from where it
 * was saved and RESUME makes it this VM's own. No HELLO: the agent never
 * stopped. Its answer to RESUME is the first one.
 */
static int restore_incoming(struct vm *vm, uint64_t deadline, struct error *e)
{
	char *quoted = shell_quote(vm->cfg.restore), *uri = json_escape(quoted);
	char *cmd = xasprintf("{\"execute\":\"migrate-incoming\",\"arguments\":{\"uri\":"
			      "\"exec:cat %s\"}}", uri);
	int left = (int)((deadline - mono_ns()) / 1000000), rc;

	free(quoted);
	free(uri);
	rc = qmp_open(&vm->qmp, vm->qmp.fd, left, e) ||
	     qmp_command(&vm->qmp, "{\"execute\":\"migrate-set-capabilities\",\"arguments\":"
			 "{\"capabilities\":[{\"capability\":\"x-ignore-shared\",\"state\":true}]}}",
			 left, NULL, 0, e) ||
	     qmp_command(&vm->qmp, cmd, left, NULL, 0, e) ||
	     wait_runstate(vm, "\"status\": \"paused\"", deadline, e);
	free(cmd);
	if (rc)
		return -1;
	left = (int)((deadline - mono_ns()) / 1000000);
	if (qmp_command(&vm->qmp, "{\"execute\":\"cont\"}", left, NULL, 0, e))
		return -1;
	left = (int)((deadline - mono_ns()) / 1000000);
	if (vm_resume(vm, vm->cfg.refresh_disks, left > 0 ? left : 1, e)) {
		char why[sizeof(e->msg)];

		copy_str(why, sizeof(why), e->msg);
		return errorf(e, "the restored guest did not answer: %s", why);
	}
	return 0;
}

/* Wait for the outgoing migration to end; the VM stays stopped. */
static int wait_migrated(struct vm *vm, uint64_t deadline, struct error *e)
{
	char reply[8192];

	for (;;) {
		struct timespec ts = { 0, 1000 * 1000 };

		if (qmp_command(&vm->qmp, "{\"execute\":\"query-migrate\"}", 10000, reply,
				sizeof(reply), e))
			return -1;
		if (strstr(reply, "\"status\": \"completed\""))
			return 0;
		if (strstr(reply, "\"status\": \"failed\"") || mono_ns() >= deadline)
			return errorf(e, "saving the VM state failed: %.300s", reply);
		nanosleep(&ts, NULL);
	}
}

int vm_stop(struct vm *vm, struct error *e)
{
	if (vm->dead)
		return errorf(e, "the VM is not running (%s)", vm->dead_reason);
	return qmp_open(&vm->qmp, vm->qmp.fd, 10000, e) ||
	       qmp_command(&vm->qmp, "{\"execute\":\"stop\"}", 10000, NULL, 0, e) ? -1 : 0;
}

int vm_save_state(struct vm *vm, const char *path, struct error *e)
{
	uint64_t deadline = mono_ns() + 60ull * 1000000000;
	char *cmd, *quoted, *uri;
	int rc;

	if (vm->dead)
		return errorf(e, "the VM is not running (%s)", vm->dead_reason);
	if (!vm->own_ram[0])
		return errorf(e, "only a VM whose RAM is a file of its own can be saved");
	if (vm_stop(vm, e) ||
	    qmp_command(&vm->qmp, "{\"execute\":\"migrate-set-capabilities\",\"arguments\":"
			"{\"capabilities\":[{\"capability\":\"x-ignore-shared\",\"state\":true}]}}",
			10000, NULL, 0, e))
		return -1;
	quoted = shell_quote(path);
	uri = json_escape(quoted);
	cmd = xasprintf("{\"execute\":\"migrate\",\"arguments\":{\"uri\":"
			"\"exec:cat > %s\"}}", uri);
	free(quoted);
	free(uri);
	rc = qmp_command(&vm->qmp, cmd, 10000, NULL, 0, e);
	free(cmd);
	return rc ? -1 : wait_migrated(vm, deadline, e);
}

/* The saved guest's console up to its save, so this one reads as one log. */
static int copy_console(const char *from, const char *to, struct error *e)
{
	size_t len;
	uint8_t *d = read_whole_file(from, &len);
	int rc = 0;

	if (!d && errno != ENOENT)
		return errorf(e, "cannot read %s: %s", from, strerror(errno));
	if (write_whole_file(to, d ? d : (uint8_t *)"", d ? len : 0))
		rc = errorf(e, "cannot write %s: %s", to, strerror(errno));
	free(d);
	return rc;
}

/* Bytes of console kept per VM: PROVIUM_CONSOLE_MAX (K, M or G), or the default. */
static uint64_t console_max(void)
{
	const char *env = getenv("PROVIUM_CONSOLE_MAX");
	unsigned long long n;
	char *end;

	if (!env || !*env)
		return CONSOLE_MAX_DEFAULT;
	n = strtoull(env, &end, 10);
	switch (*end) {
	case 'G': case 'g':
		n <<= 10;
		/* fall through */
	case 'M': case 'm':
		n <<= 10;
		/* fall through */
	case 'K': case 'k':
		n <<= 10;
	}
	return n ? n : CONSOLE_MAX_DEFAULT;
}

static int boot_with(struct vm *vm, const char *accel, struct error *e)
{
	char initrd[600], *sock, *qsock, *csock;
	struct argv a = { NULL, 0, 0 };
	uint64_t t0 = mono_ns(), deadline;
	int lfd, qfd, cfd, confd, rc = 0;

	snprintf(vm->accel, sizeof(vm->accel), "%s", accel);
	if (initramfs_prepare(&vm->cfg.kernel, vm->cfg.module[0] ? vm->cfg.module : NULL,
			      initrd, sizeof(initrd), e))
		return -1;
	if (rootfs_is_host(&vm->cfg) &&
	    rootfs_initramfs(&vm->cfg.kernel, initrd, initrd, sizeof(initrd), e))
		return -1;
	snprintf(vm->rundir, sizeof(vm->rundir), "%s/provium-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(vm->rundir)) {	/* mode 0700 */
		vm->rundir[0] = '\0';
		return errorf(e, "cannot create a run directory: %s", strerror(errno));
	}
	snprintf(vm->console, sizeof(vm->console), "%s/console.log", vm->rundir);
	/* a socket path must fit sun_path: deep TMPDIRs get a short private dir */
	if (strlen(vm->rundir) + sizeof("/agent.sock") > 100) {
		snprintf(vm->sockdir, sizeof(vm->sockdir), "/tmp/provium-s-XXXXXX");
		if (!mkdtemp(vm->sockdir)) {
			vm->sockdir[0] = '\0';
			return errorf(e, "cannot create a socket directory: %s", strerror(errno));
		}
	}
	/* the console.log the drain thread appends to */
	if (vm->cfg.console_seed && copy_console(vm->cfg.console_seed, vm->console, e))
		return -1;
	/* a restored guest's initrd was unpacked long ago: the shared image will do */
	if (!vm->cfg.restore && (vm->cfg.initrd[0] || vm->cfg.nfiles)) {
		char *mine = xasprintf("%s/initrd.img", vm->rundir);

		rc = initramfs_compose(mine, vm->cfg.initrd, initrd, vm->cfg.files,
				       vm->cfg.nfiles, e);
		snprintf(initrd, sizeof(initrd), "%s", mine);
		free(mine);
		if (rc)
			return -1;
	}
	sock = xasprintf("%s/agent.sock", vm->sockdir[0] ? vm->sockdir : vm->rundir);
	qsock = xasprintf("%s/qmp.sock", vm->sockdir[0] ? vm->sockdir : vm->rundir);
	csock = xasprintf("%s/console.sock", vm->sockdir[0] ? vm->sockdir : vm->rundir);
	lfd = listen_unix(sock, e);
	qfd = lfd < 0 ? -1 : listen_unix(qsock, e);
	cfd = qfd < 0 || vm->cfg.interactive ? -1 : listen_unix(csock, e);
	if (qfd < 0 || (cfd < 0 && !vm->cfg.interactive)) {
		if (lfd >= 0)
			close(lfd);
		if (qfd >= 0)
			close(qfd);
		free(sock);
		free(qsock);
		free(csock);
		return -1;
	}
	qemu_argv_build(vm, initrd, sock, qsock, csock, &a);
	free(sock);
	free(qsock);
	free(csock);
	if (verbose) {
		fprintf(stderr, "provium: accel %s:", accel);
		for (int i = 0; i < a.n; i++)
			fprintf(stderr, " %s", a.v[i]);
		fputc('\n', stderr);
	}
	rc = spawn_qemu(vm, &a, e);
	vm->qemu_started = !rc;
	qemu_argv_free(&a);
	deadline = t0 + (uint64_t)vm->cfg.boot_timeout_ms * 1000000;
	if (!rc)
		rc = accept_agent(vm, lfd, deadline, &vm->fd, e);
	if (!rc)
		rc = accept_agent(vm, qfd, deadline, &vm->qmp.fd, e);
	if (!rc && cfd >= 0 && !(rc = accept_agent(vm, cfd, deadline, &confd, e)))
		rc = console_start(&vm->con, confd, vm->console, console_max(), e);
	close(lfd);
	close(qfd);
	if (cfd >= 0)
		close(cfd);
	if (!rc && vm->cfg.restore) {
		rc = restore_incoming(vm, deadline, e);
	} else if (!rc && wait_hello(vm, t0, deadline, e)) {
		char *tail = vm_console_tail(vm, 2000);

		char why[512];

		snprintf(why, sizeof(why), "%.400s", vm->dead ? vm->dead_reason : e->msg);
		errorf(e, "guest did not become ready (%s; accel %s, limit %d ms)\n"
		       "--- console tail (%s) ---\n%s", why, accel, vm->cfg.boot_timeout_ms,
		       vm->console, tail);
		free(tail);
		rc = -1;
	}
	vm->boot_ns = mono_ns() - t0;
	return rc;
}

/*
 * A kernel that lacks what the guest needs fails here, before QEMU starts,
 * when its configuration can be found; one that cannot boot on microvm
 * goes to q35.
 */
static int check_kernel(struct vm_config *cfg, struct error *e)
{
	struct kernel *k = &cfg->kernel;
	int microvm = k->vmlinux[0] != '\0';
	char from[600];
	char *config = kernel_config_read(k, from, sizeof(from));
	struct error inner;
	int rc;

	if (!config) {
		logv("no configuration found for %s: not checked", k->image);
		return 0;
	}
	rc = kernel_check_config(config, from, k->moddir, &microvm,
				 strcmp(k->image, k->vmlinux) != 0, cfg->ndisks, &inner);
	free(config);
	if (rc)
		return errorf(e, "kernel %s: %s", k->release[0] ? k->release : k->image,
			      inner.msg);
	if (!microvm && k->vmlinux[0]) {
		logv("the kernel cannot boot on microvm: q35");
		k->vmlinux[0] = '\0';
	}
	return 0;
}

int vm_config_settle(struct vm_config *cfg, struct error *e)
{
	char why[256];

	if (cfg->accel)
		return 0;
	if (getenv("PROVIUM_MACHINE") && !strcmp(getenv("PROVIUM_MACHINE"), "q35"))
		cfg->kernel.vmlinux[0] = '\0';	/* the slow path, on request */
	else if (!cfg->kernel.vmlinux[0] && kernel_prepare_vmlinux(&cfg->kernel, e))
		logv("no vmlinux (%s): booting the bzImage on q35", e->msg);
	if (check_kernel(cfg, e))
		return -1;
	cfg->accel = accel_choose(cfg, why, sizeof(why));
	logv("accel %s (%s)", cfg->accel, why);
	return 0;
}

int vm_boot(struct vm *vm, const struct vm_config *cfg, struct error *e)
{
	int rc;

	memset(vm, 0, sizeof(*vm));
	vm->fd = vm->pidfd = vm->qmp.fd = -1;
	vm->cfg = *cfg;
	if (cfg->ram_file && cfg->ram_shared)
		copy_str(vm->own_ram, sizeof(vm->own_ram), cfg->ram_file);
	/* under provium test: wait until the run's pool holds this VM */
	if (vm_config_settle(&vm->cfg, e) ||
	    pool_acquire(vm->cfg.memory_mb, vm->cfg.cpus, &vm->pool_id, e)) {
		if (vm->own_ram[0])
			unlink(vm->own_ram);
		vm->own_ram[0] = '\0';
		vm->cfg.ram_file = vm->cfg.restore = vm->cfg.console_seed = NULL;
		vm->dead = 1;
		snprintf(vm->dead_reason, sizeof(vm->dead_reason), "boot failed");
		return -1;
	}
	rc = boot_with(vm, vm->cfg.accel, e);
	/* they point to the caller's memory */
	vm->cfg.ram_file = vm->cfg.restore = vm->cfg.console_seed = NULL;
	if (rc) {
		teardown(vm);
		vm->dead = 1;
		snprintf(vm->dead_reason, sizeof(vm->dead_reason), "boot failed");
		return -1;
	}
	if (!cfg->restore)
		logv("guest %s ready in %.3f s (%s, module: %s)", vm->release, vm->boot_ns / 1e9,
		     vm->accel, vm->module_dispatch ? "loaded" : vm->module_error);
	return 0;
}

int vm_shutdown(struct vm *vm, struct error *e)
{
	struct proto_msg m;
	uint64_t deadline;
	int rc = 0;

	if (!vm->dead) {
		vm_begin(vm, PROTO_MSG_SHUTDOWN);
		rc = vm_request(vm, 10000, &m, e);
		mark_dead(vm, "shut down");
	}
	/* graceful: QEMU exits on the guest's reset; force it after 10 s */
	deadline = mono_ns() + 10000000000ull;
	while (vm->qemu_pid > 0 && vm->pidfd >= 0 && mono_ns() < deadline) {
		struct pollfd p = { vm->pidfd, POLLIN, 0 };

		if (poll(&p, 1, (int)((deadline - mono_ns()) / 1000000) + 1) > 0)
			break;
	}
	teardown(vm);
	return rc;
}

void vm_kill(struct vm *vm)
{
	mark_dead(vm, "killed");
	teardown(vm);
}
