/*
 * main.c - provium-agent: set the guest up, say hello to the host over the
 * org.provium.agent port and serve requests until the channel closes.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/signalfd.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "../kmod/provium_uapi.h"
#include "agent.h"

#define PORT_NAME	"org.provium.agent"

void agent_log(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("provium-agent: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

/* SIGCHLD wakes the loop to reap PID 1's orphans (see signals.c) */
static int setup_signals(void)
{
	sigset_t set;

	signals_assert();
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	return signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
}

static void send_hello(struct channel *ch, const char *module_err)
{
	struct proto_buf *b = &ch->out;
	struct utsname u;
	struct timespec ts;
	uint32_t dispatch = 0;
	char err[256] = "";

	uname(&u);
	clock_gettime(CLOCK_BOOTTIME, &ts);
	if (call_module_available())
		module_query_info(&dispatch, err, sizeof(err));
	else
		snprintf(err, sizeof(err), "%s", module_err[0] ? module_err :
			 "provium.ko is not loaded");
	proto_begin(b, PROTO_MSG_HELLO, 0, 0);
	proto_put_u32(b, PROTO_A_VERSION, PROTO_VERSION);
	proto_put_str(b, PROTO_A_KERNEL_RELEASE, u.release);
	proto_put_u32(b, PROTO_A_MODULE_DISPATCH, dispatch);
	if (err[0])
		proto_put_str(b, PROTO_A_MODULE_ERROR, err);
	proto_put_u64(b, PROTO_A_BOOT_NS, (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec);
	channel_send(ch, b);
}

int main(void)
{
	char module_err[256];
	struct channel ch;
	int sigfd, port;

	char init[256], root[128], fstype[64];
	int host_root;

	if (getpid() == 1)
		guest_mount_basics();
	guest_load_modules(module_err, sizeof(module_err));
	/* rootfs = "host": the host's root under an overlay, the agent stays PID 1 */
	host_root = rootfs_setup();
	/* a profile's rootfs: that disk becomes the root before init runs */
	guest_agent_param("root", root, sizeof(root));
	guest_agent_param("rootfstype", fstype, sizeof(fstype));
	if (root[0] && getpid() == 1 && guest_switch_root(root, fstype))
		guest_power_off();	/* the host reports the console's reason */
	guest_agent_param("init", init, sizeof(init));
	/*
	 * The user's userland (an initramfs, a rootfs, boot files) brings its
	 * own init: /sbin/init, as the original Provium, else /init. Not the
	 * host's: on its root the agent is the guest's init.
	 */
	if (!init[0] && !host_root && access("/sbin/init", X_OK) == 0)
		snprintf(init, sizeof(init), "/sbin/init");
	else if (!init[0] && !host_root && access("/init", X_OK) == 0)
		snprintf(init, sizeof(init), "/init");
	/*
	 * A user init stays PID 1: it gets this process, and the agent goes on
	 * in a child of it.
	 */
	if (init[0] && getpid() == 1 && fork() > 0) {
		char *argv[] = { init, NULL };

		execv(init, argv);
		agent_log("cannot run init %s: %s", init, strerror(errno));
		for (;;)
			pause();	/* PID 1 must not exit; the agent serves on */
	}
	sigfd = setup_signals();
	exec_init();
	call_init();

	port = guest_find_port(PORT_NAME, 10000);
	if (port < 0 || channel_open(&ch, port)) {
		agent_log("no virtio-serial port named %s", PORT_NAME);
		guest_power_off();
	}
	send_hello(&ch, module_err);
	serve(&ch, sigfd, events_open());
	workers_close_all();
	guest_power_off();
	return 0;
}
