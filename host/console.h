/*
 * console.h - a VM's serial console drained by a thread of the host into
 * a bounded console.log (host/logcap.c).
 */
#ifndef PROVIUM_CONSOLE_H
#define PROVIUM_CONSOLE_H

#include <stddef.h>
#include <stdint.h>

#include "logcap.h"
#include "util.h"

/* Bytes of console kept per VM by default: the first quarter and the latest. */
#define CONSOLE_MAX_DEFAULT	(8ull << 20)

struct console;

/*
 * Drain the connected socket @fd into @path (appended to: a seeded console
 * is kept), keeping about @max bytes. Takes @fd, closed on failure too.
 */
int console_start(struct console **out, int fd, const char *path, uint64_t max,
		  struct error *e);
/*
 * After QEMU has exited: take what it left in the socket, then end; the
 * log's final bounds into @final (if not NULL), to read the file it left.
 * A NULL @c is fine.
 */
void console_stop(struct console *c, struct logcap *final);
/* Bytes the guest printed, kept or not. */
uint64_t console_size(struct console *c);
/*
 * What the guest printed from byte @from on, its last @max bytes (@len of
 * them), NUL terminated; from the drop marker on if @from was dropped.
 * Caller frees.
 */
char *console_since(struct console *c, uint64_t from, size_t max, size_t *len);

#endif
