/*
 * signals.c - the few signal settings the agent depends on, and how it
 * keeps them: the calls a test runs execute in the agent's own threads, so
 * a test can block, catch or ignore any signal there.
 *
 * The agent owns three things and nothing else (docs/architecture.md):
 *  - AGENT_SIGNAL, a real-time signal: a serving thread's call timer, and
 *    the nudge that interrupts a thread worker being stopped. Handled, never
 *    blocked in a serving thread; only a timer expiry of that thread's own
 *    timer counts as a timeout, so a test sending it changes nothing.
 *  - SIGCHLD: blocked in every thread (PID 1 reads it from a signalfd to
 *    reap orphans), default disposition (SIG_IGN would auto-reap children
 *    and lose their exit status).
 *  - SIGPIPE: ignored (a command's stdin pipe may close under a write).
 * SIGALRM, SIGUSR1, SIGUSR2 and every other signal keep their defaults and
 * belong to tests. After any call that can change signal state in this
 * process (rt_sigaction, rt_sigprocmask) the agent puts its three back.
 */
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "agent.h"

__thread volatile sig_atomic_t call_timed_out;

static void on_agent_signal(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	/* interrupting the call is the point; only our own timer means timeout */
	if (si->si_code == SI_TIMER && si->si_value.sival_int == AGENT_TIMER_COOKIE)
		call_timed_out = 1;
}

/* Dispositions (process-wide) and this thread's mask, as the agent needs them. */
void signals_assert(void)
{
	struct sigaction sa;
	sigset_t set;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_agent_signal;
	sa.sa_flags = SA_SIGINFO;	/* no SA_RESTART: a blocked call must return */
	sigemptyset(&sa.sa_mask);
	sigaction(AGENT_SIGNAL, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);
	signal(SIGCHLD, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, AGENT_SIGNAL);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
}

/* After a call: put back what the call may have changed. */
void signals_after_call(uint64_t nr)
{
	if (nr == SYS_rt_sigaction || nr == SYS_rt_sigprocmask)
		signals_assert();
}

/*
 * In a child about to run a test's call (fork, execve, ...): what it runs
 * starts from the usual defaults, not from the agent's own needs.
 */
void signals_for_child(void)
{
	sigset_t set;

	signal(SIGPIPE, SIG_DFL);
	signal(AGENT_SIGNAL, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	sigaddset(&set, AGENT_SIGNAL);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
}
