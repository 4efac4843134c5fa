/*
 * executor_user.c - the user-space executor: the same staging, patching
 * and copying as provium.ko, in the agent's own memory, with a raw syscall
 * instruction (no libc errno translation).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../kmod/provium_desc.h"
#include "agent.h"

static long raw_syscall6(uint64_t nr, const uint64_t *a)
{
	register long r10 __asm__("r10") = a[3];
	register long r8 __asm__("r8") = a[4];
	register long r9 __asm__("r9") = a[5];
	long ret;

	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(nr), "D"(a[0]), "S"(a[1]), "d"(a[2]),
			   "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

/*
 * fork, vfork, clone, clone3: the new child exits right after the syscall
 * instruction, before it touches a stack it may share with its parent.
 */
static long raw_fork_like(uint64_t nr, const uint64_t *a)
{
	register long r10 __asm__("r10") = a[3];
	register long r8 __asm__("r8") = a[4];
	register long r9 __asm__("r9") = a[5];
	long ret;

	__asm__ volatile("syscall\n\t"
			 "test %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 "mov $60, %%eax\n\t"		/* exit(0) in the child */
			 "xor %%edi, %%edi\n\t"
			 "syscall\n"
			 "1:"
			 : "=a"(ret)
			 : "a"(nr), "D"(a[0]), "S"(a[1]), "d"(a[2]),
			   "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

static int is_fork_like(uint64_t nr)
{
	return nr == 56 || nr == 57 || nr == 58 || nr == 435;
}

uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

/* @c was checked with provium_desc_check(). */
void user_execute(struct provium_call *c)
{
	const struct provium_buf *b = provium_desc_bufs(c);
	const struct provium_patch *p = provium_desc_patches(c);
	__u64 place[PROVIUM_MAX_BUFS];
	uint64_t args[PROVIUM_NARGS], t0;
	uint64_t area_len = provium_desc_layout(c, place);
	uint8_t *area = NULL;
	uint32_t i;

	c->executor = PROVIUM_EXEC_USER;
	c->status = PROVIUM_STATUS_DONE;
	c->reports = 0;
	memcpy(args, c->args, sizeof(args));
	if (c->nbufs) {
		area = mmap(NULL, area_len, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (area == MAP_FAILED) {
			c->ret = c->kernel_ret = -ENOMEM;
			c->time_ns = 0;
			return;
		}
		for (i = 0; i < c->nbufs; i++) {
			memcpy(area + place[i], (uint8_t *)c + b[i].offset, b[i].len);
			if (b[i].arg != PROVIUM_ARG_NONE)
				args[b[i].arg] = (uint64_t)(uintptr_t)(area + place[i]);
		}
		for (i = 0; i < c->npatches; i++) {
			uint64_t target = (uint64_t)(uintptr_t)(area + place[p[i].target]);

			memcpy(area + place[p[i].buf] + p[i].offset, &target, sizeof(target));
		}
	}

	t0 = now_ns();
	c->kernel_ret = is_fork_like(c->nr) ? raw_fork_like(c->nr, args) :
					      raw_syscall6(c->nr, args);
	c->time_ns = now_ns() - t0;
	/* user space never sees a restart code: the kernel handled it */
	c->ret = provium_user_ret(c->kernel_ret);

	if (area) {
		for (i = 0; i < c->nbufs; i++)
			if (b[i].flags & PROVIUM_BUF_OUT)
				memcpy((uint8_t *)c + b[i].offset, area + place[i], b[i].len);
		munmap(area, area_len);
	}
}

/* Kill a throw-away child and whatever it started (its process group). */
static void kill_child(pid_t pid)
{
	int pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	struct pollfd p = { pidfd, POLLIN, 0 };

	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	/* SIGKILL ends even a frozen or vfork-waiting task; D state may linger */
	if (pidfd >= 0 && poll(&p, 1, 1000) == 1)
		waitpid(pid, NULL, __WALL | __WNOTHREAD);
	else
		exec_adopt(pid);	/* reaped by the loop when it finally goes */
	if (pidfd >= 0)
		close(pidfd);
}

/*
 * Calls that need the real register frame (fork, execve, exit, ...) run in
 * a throw-away child so they cannot replace or end the agent. The result
 * comes back through a close-on-exec pipe: no bytes means the call did not
 * return (a successful execve, or exit), which is reported as 0. The child
 * leads its own process group, so a child that outlives @timeout_ms is
 * killed with everything it started.
 */
int user_execute_in_child(struct provium_call *c, uint32_t timeout_ms)
{
	uint64_t t0 = now_ns(), deadline = timeout_ms ? t0 + (uint64_t)timeout_ms * 1000000 : 0;
	int fds[2];
	pid_t pid;
	int64_t ret = 0;
	ssize_t got;

	c->executor = PROVIUM_EXEC_USER;
	c->status = PROVIUM_STATUS_DONE;
	c->reports = 0;
	if (pipe2(fds, O_CLOEXEC)) {
		c->ret = c->kernel_ret = -errno;
		return 0;
	}
	pid = fork();
	if (pid < 0) {
		c->ret = c->kernel_ret = -errno;
		close(fds[0]);
		close(fds[1]);
		return 0;
	}
	if (pid == 0) {
		close(fds[0]);
		setpgid(0, 0);
		signals_for_child();
		user_execute(c);
		if (write(fds[1], &c->kernel_ret, sizeof(c->kernel_ret)) < 0)
			_exit(1);
		_exit(0);
	}
	setpgid(pid, pid);	/* as the child does: whichever runs first */
	close(fds[1]);
	for (;;) {
		struct pollfd p = { fds[0], POLLIN, 0 };
		uint64_t now = now_ns();
		int wait_ms = -1, rc;

		if (deadline)
			wait_ms = now >= deadline ? 0 : (int)((deadline - now + 999999) / 1000000);
		rc = poll(&p, 1, wait_ms);
		if (rc > 0) {
			/* the result, or EOF: the child exited or exec'd */
			while ((got = read(fds[0], &ret, sizeof(ret))) < 0 && errno == EINTR)
				;
			break;
		}
		if (rc == 0 && wait_ms == 0) {
			close(fds[0]);
			kill_child(pid);
			c->time_ns = now_ns() - t0;
			return ETIMEDOUT;
		}
	}
	close(fds[0]);
	/*
	 * Reap it here. Only a successful execve leaves it running (the new
	 * program): this thread's loop reaps that one when it exits.
	 */
	if (got == sizeof(ret) || !(c->nr == 59 || c->nr == 322))
		waitpid(pid, NULL, __WALL | __WNOTHREAD);
	else
		exec_adopt(pid);
	c->kernel_ret = ret;
	c->ret = provium_user_ret(ret);
	c->time_ns = now_ns() - t0;
	return 0;
}
