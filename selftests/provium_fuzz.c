// SPDX-License-Identifier: GPL-2.0
/*
 * provium_fuzz - random call descriptions to /dev/provium from inside the
 * guest, for a bounded time:
 *
 *	provium_fuzz SECONDS [SEED]
 *
 * Descriptions come from fuzz_desc.h: well-built ones with one thing wrong
 * (sizes, offsets, counts, pointer tables, cycles, flags, versions) and
 * random bytes; the syscalls are harmless ones. Now and then another
 * ioctl command, PROVIUM_IOC_INFO, or a description the kernel cannot
 * read. The module must answer every one with a result or an errno, and
 * the kernel must neither WARN nor crash (tests/fuzz/module.lua checks the
 * log and that the agent still answers). Prints what came back.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "fuzz_desc.h"

#define BLOB_MAX	8192

static const uint64_t harmless[] = {
	SYS_getpid, SYS_getppid, SYS_uname, SYS_getcwd, SYS_clock_gettime,
	SYS_getrandom, SYS_sched_yield, SYS_ioctl, 1000, 2023, 5000, ~0ULL,
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	static uint8_t blob[BLOB_MAX];
	unsigned long counts[134] = { 0 }, calls = 0, ran = 0;
	struct fuzz_rng r;
	double end;
	int fd, e;

	if (argc < 2) {
		fprintf(stderr, "usage: %s SECONDS [SEED]\n", argv[0]);
		return 2;
	}
	end = now() + atof(argv[1]);
	r.s = argc > 2 ? strtoull(argv[2], NULL, 0) : (uint64_t)time(NULL) * 2654435761ULL;
	if (!r.s)
		r.s = 1;
	printf("seed %llu\n", (unsigned long long)r.s);
	fd = open(PROVIUM_DEVICE, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "%s: %s\n", PROVIUM_DEVICE, strerror(errno));
		return 1;
	}
	while (now() < end) {
		long rc;

		calls++;
		if (fuzz_chance(&r, 2)) {
			/* another command, or the info one with its buffer */
			unsigned long cmd = fuzz_chance(&r, 50) ? PROVIUM_IOC_INFO :
					    (unsigned long)fuzz_next(&r);

			rc = ioctl(fd, cmd, fuzz_chance(&r, 50) ? (void *)blob :
				   (void *)(uintptr_t)fuzz_safe_int(&r));
		} else if (fuzz_chance(&r, 1)) {
			/* a description the kernel cannot read */
			rc = ioctl(fd, PROVIUM_IOC_CALL, (void *)(uintptr_t)fuzz_safe_int(&r));
		} else {
			fuzz_desc(&r, blob, sizeof(blob), harmless,
				  sizeof(harmless) / sizeof(harmless[0]));
			rc = ioctl(fd, PROVIUM_IOC_CALL, blob);
		}
		e = rc < 0 ? errno : 0;
		if (!e)
			ran++;
		counts[e < 133 ? e : 133]++;
	}
	printf("%lu descriptions, %lu accepted", calls, ran);
	for (e = 1; e < 134; e++)
		if (counts[e])
			printf(", %s %lu", e < 133 ? strerrorname_np(e) : "other", counts[e]);
	printf("\n");
	return 0;
}
