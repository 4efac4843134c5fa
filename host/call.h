/*
 * call.h - build a call description (kmod/provium_uapi.h) from a script's
 * buffers and pointer patches, checking everything first so bad input is
 * an error on the host, and read the result back.
 */
#ifndef PROVIUM_CALL_H
#define PROVIUM_CALL_H

#include <stddef.h>
#include <stdint.h>

#include "../kmod/provium_uapi.h"
#include "../proto/proto.h"

struct call_buf {
	const char *name;	/* how errors name it, e.g. "specs[2]"; NULL: "buffer N" */
	int arg;		/* 0..5, or -1: reached through a patch */
	const uint8_t *data;	/* input bytes, may be shorter than len */
	size_t data_len;
	size_t len;		/* size in guest memory */
	int out;		/* return the contents after the call */
};

struct call_patch {
	const char *name;	/* how errors name it; NULL: "pointer N" */
	unsigned int buf;	/* buffer holding the pointer */
	size_t offset;		/* of the 8-byte pointer */
	unsigned int target;	/* buffer whose address is written */
};

struct call_spec {
	uint64_t nr;
	uint16_t flags;		/* PROVIUM_CALL_*: what provium.ko records */
	uint64_t args[PROVIUM_NARGS];
	struct call_buf bufs[PROVIUM_MAX_BUFS];
	unsigned int nbufs;
	struct call_patch patches[PROVIUM_MAX_PATCHES];
	unsigned int npatches;
};

struct call_result {
	int64_t ret, kernel_ret;
	uint64_t time_ns;
	uint32_t executor;
	const uint8_t *out[PROVIUM_MAX_BUFS];	/* into the reply frame */
	size_t out_len[PROVIUM_MAX_BUFS];
	const uint8_t *log;
	size_t log_len;
	int timed_out;		/* interrupted by its timeout */
	struct proto_msg reply;	/* the whole reply: traces and reports (trace.h) */
};

/*
 * Check @s: the one check of a description on the host (callers only
 * convert their input). On error returns -1 with a message naming the
 * buffer or pointer, by its name if it has one.
 */
int call_check(const struct call_spec *s, char *err, size_t errlen);
/* Append @s as a DESC attribute to @b (call_check first). */
int call_encode(const struct call_spec *s, struct proto_buf *b, char *err, size_t errlen);
/* Decode a CALL reply for @s. */
int call_decode(const struct call_spec *s, const struct proto_msg *m, struct call_result *r,
		char *err, size_t errlen);

#endif
