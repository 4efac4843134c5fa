/*
 * ops_resume.c - RESUME: the first request to a guest restored from a
 * snapshot. Every restored copy of a snapshot starts with the same clock and
 * the same random generator state; this makes each one its own before the
 * host counts it as ready: the host's random bytes go into the kernel's input
 * pool, the generator reseeds from it, and the wall clock is set to the
 * host's. Monotonic clocks are left alone: they carry on from the snapshot,
 * so they never run backwards inside the guest. A snapshot whose disks were
 * not in use is restored over the disks as they are now: the guest drops
 * what it cached of them and reads their partition tables again.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/fs.h>
#include <linux/random.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "agent.h"

#define ENTROPY_MIN	32
#define ENTROPY_MAX	512

/*
 * A random device to talk to: /dev is devtmpfs under the agent as PID 1 and
 * under any init we know of; failing that, a node of our own (mem 1:9).
 */
static int open_random(void)
{
	static const char *const paths[] = { "/dev/urandom", "/dev/random" };
	size_t i;
	int fd;

	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		fd = open(paths[i], O_RDWR | O_CLOEXEC);
		if (fd >= 0)
			return fd;
	}
	unlink("/provium/urandom");
	if (mknod("/provium/urandom", S_IFCHR | 0600, makedev(1, 9)))
		return -1;
	fd = open("/provium/urandom", O_RDWR | O_CLOEXEC);
	unlink("/provium/urandom");
	return fd;
}

/*
 * Mix @len host bytes into the input pool, credited (they come from the
 * host's getrandom), then reseed the generator from the pool: every later
 * getrandom, /dev/urandom read and lazily made value (boot_id) differs
 * between copies. Per-CPU generators and batches notice the reseed.
 */
static int reseed(const uint8_t *bytes, size_t len, const char **what)
{
	struct rand_pool_info *info = malloc(sizeof(*info) + len);
	int fd = open_random(), rc = 0;

	*what = "open /dev/urandom";
	if (!info || fd < 0) {
		rc = !info ? ENOMEM : errno;
		goto out;
	}
	info->entropy_count = (int)(len * 8);
	info->buf_size = (int)len;
	memcpy(info->buf, bytes, len);
	*what = "RNDADDENTROPY";
	if (ioctl(fd, RNDADDENTROPY, info)) {
		rc = errno;
		goto out;
	}
	*what = "RNDRESEEDCRNG";
	if (ioctl(fd, RNDRESEEDCRNG))
		rc = errno;
out:
	if (info)
		explicit_bzero(info->buf, len);
	free(info);
	if (fd >= 0)
		close(fd);
	return rc;
}

/* Every virtio disk: forget cached blocks, rescan partitions. */
static int refresh_disks(char *what, size_t len)
{
	DIR *d = opendir("/sys/block");
	struct dirent *de;
	int rc = 0;

	if (!d)
		return 0;
	while (!rc && (de = readdir(d))) {
		char dev[300];
		int fd;

		if (strncmp(de->d_name, "vd", 2))
			continue;
		snprintf(dev, sizeof(dev), "/dev/%s", de->d_name);
		fd = open(dev, O_RDONLY | O_CLOEXEC);
		if (fd < 0 || ioctl(fd, BLKFLSBUF, 0) || ioctl(fd, BLKRRPART, 0)) {
			rc = errno;
			snprintf(what, len, "re-reading %s", dev);
		}
		if (fd >= 0)
			close(fd);
	}
	closedir(d);
	return rc;
}

void op_resume(struct channel *ch, const struct proto_msg *m)
{
	uint64_t ns = proto_u64(m, PROTO_A_TIME_NS, 0);
	size_t len = m->attr_len[PROTO_A_ENTROPY];
	struct timespec ts = { (time_t)(ns / 1000000000ull), (long)(ns % 1000000000ull) };
	const char *what;
	char disk[320];
	int err;

	if (!ns || !m->attr[PROTO_A_ENTROPY] || len < ENTROPY_MIN || len > ENTROPY_MAX) {
		channel_reply_error(ch, m, EINVAL, "resume: needs TIME_NS and %d..%d bytes of "
				    "ENTROPY", ENTROPY_MIN, ENTROPY_MAX);
		return;
	}
	err = reseed(m->attr[PROTO_A_ENTROPY], len, &what);
	if (err) {
		channel_reply_error(ch, m, err, "resume: %s: %s", what, strerror(err));
		return;
	}
	if (clock_settime(CLOCK_REALTIME, &ts)) {
		channel_reply_error(ch, m, errno, "resume: setting the clock: %s",
				    strerror(errno));
		return;
	}
	if (proto_u32(m, PROTO_A_REFRESH_DISKS, 0)) {
		err = refresh_disks(disk, sizeof(disk));
		if (err) {
			channel_reply_error(ch, m, err, "resume: %s: %s", disk, strerror(err));
			return;
		}
	}
	proto_begin(&ch->out, PROTO_MSG_RESUME, m->hdr.id, 0);
	channel_send(ch, &ch->out);
}
