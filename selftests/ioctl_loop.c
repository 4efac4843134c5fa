// SPDX-License-Identifier: GPL-2.0
/*
 * ioctl_loop - issue one ioctl many times from a process of the guest:
 *
 *	ioctl_loop DEVICE CMD COUNT
 *
 * ioctl(fd, CMD, 0) COUNT times on DEVICE opened read-write. A guest-side
 * loop for tests that flood the kernel (tests/failure-cases/flood.lua:
 * 10,000 WARNs of the sample driver) without a round trip per call.
 * Prints how many calls failed; exits 0 if it could open DEVICE.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

int main(int argc, char **argv)
{
	unsigned long cmd, count, i, failed = 0;
	int fd;

	if (argc != 4) {
		fprintf(stderr, "usage: %s DEVICE CMD COUNT\n", argv[0]);
		return 2;
	}
	cmd = strtoul(argv[2], NULL, 0);
	count = strtoul(argv[3], NULL, 0);
	fd = open(argv[1], O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "%s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	for (i = 0; i < count; i++)
		if (ioctl(fd, cmd, 0) < 0)
			failed++;
	printf("%lu calls, %lu failed\n", count, failed);
	return 0;
}
