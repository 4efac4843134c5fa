/*
 * module_info.c - ask provium.ko what it can do, through its generic
 * netlink family (libnl-genl resolves the family and parses the reply).
 */
#include <stdio.h>
#include <netlink/genl/ctrl.h>
#include <netlink/genl/genl.h>
#include <netlink/netlink.h>

#include "../kmod/provium_uapi.h"
#include "agent.h"

static int on_info(struct nl_msg *msg, void *arg)
{
	struct nlattr *tb[PROVIUM_ATTR_MAX + 1];
	uint32_t *dispatch = arg;

	if (genlmsg_parse(nlmsg_hdr(msg), 0, tb, PROVIUM_ATTR_MAX, NULL) < 0)
		return NL_SKIP;
	if (tb[PROVIUM_ATTR_DISPATCH])
		*dispatch = nla_get_u32(tb[PROVIUM_ATTR_DISPATCH]);
	return NL_OK;
}

int module_query_info(uint32_t *dispatch, char *err, size_t errlen)
{
	struct nl_sock *sk = nl_socket_alloc();
	int family, rc = -1;

	*dispatch = 0;
	if (!sk) {
		snprintf(err, errlen, "netlink: out of memory");
		return -1;
	}
	if (genl_connect(sk) < 0) {
		snprintf(err, errlen, "netlink: cannot connect a generic netlink socket");
		goto out;
	}
	family = genl_ctrl_resolve(sk, PROVIUM_GENL_NAME);
	if (family < 0) {
		snprintf(err, errlen, "provium.ko is not loaded (no '%s' netlink family)",
			 PROVIUM_GENL_NAME);
		goto out;
	}
	nl_socket_modify_cb(sk, NL_CB_VALID, NL_CB_CUSTOM, on_info, dispatch);
	if (genl_send_simple(sk, family, PROVIUM_CMD_GET_INFO, PROVIUM_GENL_VERSION, 0) < 0 ||
	    nl_recvmsgs_default(sk) < 0 || !*dispatch) {
		snprintf(err, errlen, "provium.ko did not answer GET_INFO");
		goto out;
	}
	rc = 0;
out:
	nl_socket_free(sk);
	return rc;
}
