/*
 * genl_events.c - kernel reports from provium.ko's generic netlink "events"
 * group, read with libnl-genl. Each serving thread has its own
 * subscription. After each call the thread reads what arrived: the reports
 * of its own call (same task, or another context while it ran) go into the
 * CALL reply, already there when the ioctl returns because the module sends
 * them before; the agent's main thread also forwards every report to the
 * host as an EVENT frame, which is what fails the test that caused it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include "../kmod/provium_uapi.h"
#include "agent.h"

#define EVENTS_RCVBUF	(4 << 20)	/* room for many 8 KiB reports */

static __thread struct nl_sock *sk;
/* this call's reports: whole EVENT frames, one after the other */
static __thread uint8_t *splats;
static __thread size_t splats_len, splats_cap;

/* What one PROVIUM_CMD_EVENT says, for the reader's callback. */
struct drain {
	struct channel *ch;	/* forward to the host here, or NULL */
	pid_t tid;		/* this thread: its call's reports are kept */
	int keep;
};

static const char *kind_name(uint32_t kind)
{
	switch (kind) {
	case PROVIUM_EVENT_WARN: return "warning";
	case PROVIUM_EVENT_BUG: return "bug";
	case PROVIUM_EVENT_OOPS: return "oops";
	case PROVIUM_EVENT_LOCKDEP: return "lockdep";
	case PROVIUM_EVENT_SANITIZER: return "sanitizer";
	case PROVIUM_EVENT_HANG: return "hang";
	case PROVIUM_EVENT_TAINT: return "taint";
	}
	return "unknown";
}

static const char *context_name(uint32_t ctx)
{
	switch (ctx) {
	case PROVIUM_CTX_CALL: return "call";
	case PROVIUM_CTX_CONCURRENT: return "concurrent";
	}
	return "none";
}

static const char *via_name(uint32_t via)
{
	switch (via) {
	case PROVIUM_VIA_CONSOLE: return "console";
	case PROVIUM_VIA_ERROR_REPORT: return "error_report";
	case PROVIUM_VIA_DIE: return "die";
	case PROVIUM_VIA_TAINT: return "taint";
	}
	return "unknown";
}

static uint32_t get_u32(struct nlattr **tb, int type)
{
	return tb[type] ? nla_get_u32(tb[type]) : 0;
}

static const char *get_str(struct nlattr **tb, int type)
{
	return tb[type] ? nla_get_string(tb[type]) : "";
}

/* The report as an EVENT frame in @b (begun here, finished by the caller). */
static void put_event(struct proto_buf *b, struct nlattr **tb)
{
	proto_begin(b, PROTO_MSG_EVENT, 0, 0);
	proto_put_str(b, PROTO_A_EVENT_KIND, kind_name(get_u32(tb, PROVIUM_ATTR_EVENT_KIND)));
	proto_put_str(b, PROTO_A_MESSAGE, get_str(tb, PROVIUM_ATTR_EVENT_TEXT));
	proto_put_str(b, PROTO_A_EVENT_SOURCE, "module");
	proto_put_str(b, PROTO_A_EVENT_CONTEXT,
		      context_name(get_u32(tb, PROVIUM_ATTR_EVENT_CONTEXT)));
	proto_put_u32(b, PROTO_A_EVENT_PID, get_u32(tb, PROVIUM_ATTR_EVENT_PID));
	proto_put_str(b, PROTO_A_EVENT_COMM, get_str(tb, PROVIUM_ATTR_EVENT_COMM));
	proto_put_u32(b, PROTO_A_EVENT_CALL_PID, get_u32(tb, PROVIUM_ATTR_EVENT_CALL_PID));
	proto_put_u64(b, PROTO_A_EVENT_CALL_NR, tb[PROVIUM_ATTR_EVENT_CALL_NR] ?
		      nla_get_u64(tb[PROVIUM_ATTR_EVENT_CALL_NR]) : 0);
	proto_put_str(b, PROTO_A_EVENT_VIA, via_name(get_u32(tb, PROVIUM_ATTR_EVENT_VIA)));
}

static void keep_frame(const struct proto_buf *frame)
{
	if (splats_len + frame->len > splats_cap) {
		size_t cap = 2 * (splats_len + frame->len);
		uint8_t *p = realloc(splats, cap);

		if (!p)
			return;
		splats = p;
		splats_cap = cap;
	}
	memcpy(splats + splats_len, frame->data, frame->len);
	splats_len += frame->len;
}

static int on_event(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[PROVIUM_ATTR_MAX + 1];
	struct genlmsghdr *g = nlmsg_data(nlmsg_hdr(msg));
	struct drain *d = arg;
	uint32_t ctx;

	if (g->cmd != PROVIUM_CMD_EVENT ||
	    genlmsg_parse(nlmsg_hdr(msg), 0, tb, PROVIUM_ATTR_MAX, NULL) < 0 ||
	    !tb[PROVIUM_ATTR_EVENT_KIND])
		return NL_SKIP;
	if (d->ch) {
		put_event(&d->ch->out, tb);
		channel_send(d->ch, &d->ch->out);
	}
	ctx = get_u32(tb, PROVIUM_ATTR_EVENT_CONTEXT);
	if (d->keep && ctx != PROVIUM_CTX_NONE &&
	    get_u32(tb, PROVIUM_ATTR_EVENT_CALL_PID) == (uint32_t)d->tid) {
		struct proto_buf frame = { 0 };

		put_event(&frame, tb);
		if (!proto_finish(&frame))
			keep_frame(&frame);
		proto_buf_free(&frame);
	}
	return NL_OK;
}

/* A GET_INFO reply: its FEATURES. */
static int on_info(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[PROVIUM_ATTR_MAX + 1];

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, PROVIUM_ATTR_MAX, NULL) >= 0 &&
	    tb[PROVIUM_ATTR_FEATURES])
		*(uint32_t *)arg = nla_get_u32(tb[PROVIUM_ATTR_FEATURES]);
	return NL_OK;
}

void genl_events_close(void)
{
	if (sk)
		nl_socket_free(sk);
	sk = NULL;
	free(splats);
	splats = NULL;
	splats_len = splats_cap = 0;
}

/*
 * Subscribe this thread (a forked worker drops the copy it inherited).
 * Only where the module reports with text: else /dev/kmsg stays the source.
 */
int genl_events_open(void)
{
	uint32_t features = 0;
	char source[16];
	int family, grp;

	genl_events_close();
	/* provium_agent.events=kmsg: the kernel log, as without the module */
	guest_agent_param("events", source, sizeof(source));
	if (!strcmp(source, "kmsg"))
		return -1;
	sk = nl_socket_alloc();
	if (!sk)
		return -1;
	if (genl_connect(sk) < 0)
		goto err;
	family = genl_ctrl_resolve(sk, PROVIUM_GENL_NAME);
	grp = genl_ctrl_resolve_grp(sk, PROVIUM_GENL_NAME, PROVIUM_GENL_MCGRP);
	if (family < 0 || grp < 0)
		goto err;
	nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, on_info, &features);
	if (genl_send_simple(sk, family, PROVIUM_CMD_GET_INFO, PROVIUM_GENL_VERSION, 0) < 0 ||
	    nl_recvmsgs_default(sk) < 0)
		goto err;
	if (!(features & PROVIUM_FEAT_EVENTS) || !(features & PROVIUM_FEAT_CONSOLE))
		goto err;
	nl_socket_disable_seq_check(sk);
	if (nl_socket_add_membership(sk, grp) < 0 ||
	    nl_socket_set_nonblocking(sk) < 0)
		goto err;
	nl_socket_set_buffer_size(sk, EVENTS_RCVBUF, 0);
	/* a report is up to 8 KiB of text: read each message whole */
	nl_socket_enable_msg_peek(sk);
	return nl_socket_get_fd(sk);
err:
	nl_socket_free(sk);
	sk = NULL;
	return -1;
}

int genl_events_fd(void)
{
	return sk ? nl_socket_get_fd(sk) : -1;
}

/* Read every report waiting; forward each to @ch unless NULL; keep this call's if @keep. */
static void drain(struct channel *ch, int keep)
{
	struct drain d = { ch, (pid_t)syscall(SYS_gettid), keep };
	int rc;

	if (!sk)
		return;
	nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, on_event, &d);
	for (;;) {
		rc = nl_recvmsgs_default(sk);
		/* an overrun (ENOBUFS) lost reports: go on with what comes next */
		if (rc < 0 && rc != -NLE_NOMEM)
			break;
	}
}

void genl_events_drain(struct channel *ch)
{
	drain(ch, 0);
}

void genl_events_after_call(struct channel *ch, const struct provium_call *c)
{
	splats_len = 0;
	/* the module counts what it delivered during the call: usually nothing */
	if (c->executor == PROVIUM_EXEC_MODULE && c->reports)
		drain(in_worker ? NULL : ch, 1);
}

void genl_events_put_splats(struct proto_buf *out)
{
	size_t off = 0;

	while (off + PROTO_HDR_LEN <= splats_len) {
		struct proto_hdr h;

		if (proto_hdr_decode(splats + off, &h) ||
		    off + PROTO_HDR_LEN + h.len > splats_len)
			break;
		proto_put(out, PROTO_A_SPLAT, splats + off, PROTO_HDR_LEN + h.len);
		off += PROTO_HDR_LEN + h.len;
	}
	splats_len = 0;
}
