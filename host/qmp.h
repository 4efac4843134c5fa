/*
 * qmp.h - a minimal QEMU Machine Protocol client: greeting, capabilities,
 * commands with a deadline. Replies are JSON lines; the few fields Provium
 * reads are picked out of them by name.
 */
#ifndef PROVIUM_QMP_H
#define PROVIUM_QMP_H

#include <stddef.h>

#include "util.h"

struct qmp {
	int fd;
	int ready;		/* greeting read, capabilities negotiated */
	char buf[65536];
	size_t len;
};

/* Take over connected @fd: read the greeting, negotiate capabilities. */
int qmp_open(struct qmp *q, int fd, int timeout_ms, struct error *e);
/*
 * Run @cmd (a JSON object); the "return" reply is copied to @reply.
 * Events are skipped. An "error" reply is an error naming @cmd.
 */
int qmp_command(struct qmp *q, const char *cmd, int timeout_ms, char *reply,
		size_t replylen, struct error *e);
void qmp_close(struct qmp *q);

#endif
