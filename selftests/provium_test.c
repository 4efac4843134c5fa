// SPDX-License-Identifier: GPL-2.0
/*
 * provium_test.c - kselftests for the /dev/provium uapi (provium_uapi.h).
 *
 * Every description is built by hand, byte by byte, with the small desc_*
 * helpers below: these tests check the module against the documented
 * layout, not against the host's packer. Run as root inside a guest that
 * loaded provium.ko; without /dev/provium every test is skipped.
 *
 * The last test reads /dev/kmsg from where it stood when the program
 * started: no test may have left a WARNING, BUG or oops behind.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <linux/capability.h>

/* the 6.1 harness has an unused parameter; -Wextra -Werror would stop */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-parameter"
#include "kselftest_harness.h"
#pragma GCC diagnostic pop
#include "provium_uapi.h"

#define NR_read		0
#define NR_write	1
#define NR_mmap		9
#define NR_ioctl	16
#define NR_readv	19
#define NR_writev	20
#define NR_pause	34
#define NR_getpid	39
#define NR_fork		57
#define NR_uname	63

#define BLOB_CAP	(256 * 1024)

/* The description under construction; each test runs in its own process. */
static uint8_t blob[BLOB_CAP] __attribute__((aligned(64)));

/* /dev/kmsg positioned at its end when the program started. */
static int kmsg_fd = -1;
static int kmsg_errno;

static void __attribute__((constructor)) kmsg_mark_start(void)
{
	kmsg_fd = open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (kmsg_fd >= 0)
		lseek(kmsg_fd, 0, SEEK_END);
	else
		kmsg_errno = errno;
}

/* ---- building a description by hand ---- */

struct desc {
	struct provium_call *c;
	size_t cap;		/* bytes the blob may grow to */
	uint32_t bufs;		/* table entries filled so far */
	uint32_t patches;
};

static struct provium_buf *desc_bufs(struct provium_call *c)
{
	return (struct provium_buf *)(c + 1);
}

static struct provium_patch *desc_patches(struct provium_call *c)
{
	return (struct provium_patch *)(desc_bufs(c) + c->nbufs);
}

/*
 * Header and zeroed tables for @nbufs buffers and @npatches patches, in
 * @cap bytes at @mem.
 */
static struct provium_call *desc_init_cap(struct desc *d, void *mem, size_t cap,
					  uint64_t nr, uint32_t nbufs,
					  uint32_t npatches)
{
	size_t tables = sizeof(struct provium_call) +
			nbufs * sizeof(struct provium_buf) +
			npatches * sizeof(struct provium_patch);
	struct provium_call *c = mem;

	if (tables > cap)
		abort();
	memset(mem, 0, tables);
	c->size = (uint32_t)tables;
	c->version = PROVIUM_UAPI_VERSION;
	c->nbufs = nbufs;
	c->npatches = npatches;
	c->nr = nr;
	c->status = 0xdead;	/* must be overwritten */
	c->executor = 0xdead;
	d->c = c;
	d->cap = cap;
	d->bufs = 0;
	d->patches = 0;
	return c;
}

/* The same in a blob of BLOB_CAP bytes (the static blob, mostly). */
static struct provium_call *desc_init(struct desc *d, void *mem, uint64_t nr,
				      uint32_t nbufs, uint32_t npatches)
{
	return desc_init_cap(d, mem, BLOB_CAP, nr, nbufs, npatches);
}

/*
 * Append a buffer of @len bytes (copied from @data, zeroed when NULL) at the
 * end of the blob, 8-byte aligned. @arg is 0-5 or PROVIUM_ARG_NONE.
 */
static uint32_t desc_buf(struct desc *d, int32_t arg, uint32_t flags,
			 const void *data, uint32_t len)
{
	struct provium_call *c = d->c;
	struct provium_buf *b = &desc_bufs(c)[d->bufs];
	uint32_t off = (c->size + 7) & ~7U;

	if (d->bufs >= c->nbufs || (size_t)off + len > d->cap)
		abort();
	memset((uint8_t *)c + c->size, 0, off - c->size);
	if (data)
		memcpy((uint8_t *)c + off, data, len);
	else
		memset((uint8_t *)c + off, 0, len);
	b->offset = off;
	b->len = len;
	b->flags = flags;
	b->arg = arg;
	c->size = off + len;
	return d->bufs++;
}

/* Buffer @target's guest address goes into buffer @buf at @offset. */
static void desc_patch(struct desc *d, uint32_t buf, uint32_t offset,
		       uint32_t target)
{
	struct provium_patch *p = &desc_patches(d->c)[d->patches];

	if (d->patches >= d->c->npatches)
		abort();
	p->buf = buf;
	p->offset = offset;
	p->target = target;
	p->reserved = 0;
	d->patches++;
}

static void *desc_data(struct desc *d, uint32_t buf)
{
	return (uint8_t *)d->c + desc_bufs(d->c)[buf].offset;
}

static int pcall(int fd, struct provium_call *c)
{
	return ioctl(fd, PROVIUM_IOC_CALL, c);
}

/* A call with no buffers and no patches. */
static struct provium_call *plain_call(void *mem, uint64_t nr)
{
	struct desc d;

	return desc_init(&d, mem, nr, 0, 0);
}

/* A call of @nr without buffers, in the blob: the ioctl must return 0. */
static struct provium_call *run_nr(struct __test_metadata *_metadata, int fd,
				   uint64_t nr)
{
	struct provium_call *c = plain_call(blob, nr);

	ASSERT_EQ(0, pcall(fd, c)) TH_LOG("nr %llu (%#llx): %s",
					  (unsigned long long)nr,
					  (unsigned long long)nr, strerror(errno));
	return c;
}

/* getpid() through the module still gives the right answer. */
static void expect_healthy(struct __test_metadata *_metadata, int fd)
{
	static uint8_t mem[sizeof(struct provium_call)]
		__attribute__((aligned(8)));
	struct provium_call *c = plain_call(mem, NR_getpid);

	ASSERT_EQ(0, pcall(fd, c)) TH_LOG("getpid after a rejected call: %s",
					  strerror(errno));
	ASSERT_EQ((int64_t)getpid(), c->ret);
	ASSERT_EQ((__u32)PROVIUM_STATUS_DONE, c->status);
}

/* The ioctl refuses @c with @err and the module keeps working. */
static void expect_reject(struct __test_metadata *_metadata, int fd,
			  struct provium_call *c, int err)
{
	int ret;

	errno = 0;
	ret = pcall(fd, c);
	ASSERT_EQ(-1, ret) TH_LOG("description accepted (ret %lld), want %s",
				  (long long)c->ret, strerror(err));
	ASSERT_EQ(err, errno) TH_LOG("got %s, want %s", strerror(errno),
				     strerror(err));
	expect_healthy(_metadata, fd);
}

/* @c is accepted and runs. */
static void expect_accept(struct __test_metadata *_metadata, int fd,
			  struct provium_call *c)
{
	ASSERT_EQ(0, pcall(fd, c)) TH_LOG("valid description refused: %s",
					  strerror(errno));
	ASSERT_EQ((__u32)PROVIUM_STATUS_DONE, c->status);
}

/*
 * A valid description to break one field at a time: write(null, b1, 8)
 * with b0 = "12345678" as arg 1 and b1 (16 bytes) as arg 3, unused.
 */
static struct provium_call *good_write(struct desc *d, int null_fd)
{
	struct provium_call *c = desc_init(d, blob, NR_write, 2, 0);

	c->args[0] = null_fd;
	c->args[2] = 8;
	desc_buf(d, 1, 0, "12345678", 8);
	desc_buf(d, 3, 0, NULL, 16);
	return c;
}

/*
 * The same write through a pointer: b1 (16 bytes) is arg 1 and holds the
 * address of b0 at offset 8 (patch 0).
 */
static struct provium_call *good_patched(struct desc *d, int null_fd)
{
	struct provium_call *c = desc_init(d, blob, NR_write, 2, 1);

	c->args[0] = null_fd;
	c->args[2] = 8;
	desc_buf(d, PROVIUM_ARG_NONE, 0, "12345678", 8);
	desc_buf(d, 1, 0, NULL, 16);
	desc_patch(d, 1, 8, 0);
	return c;
}

/*
 * readv/writev(@fd, iov, 2) of 5 then 6 bytes: b0 (arg 1) is the iovec, its
 * two iov_base slots patched to b1 and b2, which start as @first and
 * @second. No buffer is an output: callers set the flags they need.
 */
static struct provium_call *iovec_call(struct desc *d, void *mem, uint64_t nr,
				       int fd, const char *first,
				       const char *second)
{
	struct iovec iov[2] = { { NULL, 5 }, { NULL, 6 } };
	struct provium_call *c = desc_init(d, mem, nr, 3, 2);
	uint32_t v, a, b;

	c->args[0] = fd;
	c->args[2] = 2;
	v = desc_buf(d, 1, 0, iov, sizeof(iov));
	a = desc_buf(d, PROVIUM_ARG_NONE, 0, first, 5);
	b = desc_buf(d, PROVIUM_ARG_NONE, 0, second, 6);
	desc_patch(d, v, offsetof(struct iovec, iov_base), a);
	desc_patch(d, v, sizeof(struct iovec) + offsetof(struct iovec, iov_base), b);
	return c;
}

FIXTURE(provium) {
	int fd;
	int null_fd;
};

FIXTURE_SETUP(provium)
{
	self->null_fd = open("/dev/null", O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, self->null_fd);
	self->fd = open(PROVIUM_DEVICE, O_RDWR | O_CLOEXEC);
	if (self->fd < 0 && errno == ENOENT)
		SKIP(return, "%s absent: provium.ko is not loaded", PROVIUM_DEVICE);
	ASSERT_LE(0, self->fd) TH_LOG("open %s: %s", PROVIUM_DEVICE,
				      strerror(errno));
}

FIXTURE_TEARDOWN(provium)
{
	if (self->fd >= 0)
		close(self->fd);
	close(self->null_fd);
}

/* The 6.1 harness runs the body even after a SKIP in the setup. */
#define SKIP_IF_NO_DEVICE() do { if (self->fd < 0) return; } while (0)

/* ---- the ioctls work ---- */

TEST_F(provium, info_reports_version_and_dispatch)
{
	struct provium_info info;

	SKIP_IF_NO_DEVICE();
	memset(&info, 0xff, sizeof(info));
	ASSERT_EQ(0, ioctl(self->fd, PROVIUM_IOC_INFO, &info));
	EXPECT_EQ(sizeof(info), info.size);
	EXPECT_EQ((__u32)PROVIUM_UAPI_VERSION, info.version);
	/* sys_call_table: its entries stay valid indirect call targets */
	EXPECT_EQ((__u32)PROVIUM_DISPATCH_TABLE, info.dispatch)
		TH_LOG("dispatch %u", info.dispatch);
	/* only known bits, and the reports always: the events group exists */
	EXPECT_EQ(0U, info.features & ~(PROVIUM_FEAT_ERRNO | PROVIUM_FEAT_EVENTS |
					 PROVIUM_FEAT_CONSOLE | PROVIUM_FEAT_ERROR_REPORT));
	EXPECT_NE(0U, info.features & PROVIUM_FEAT_EVENTS);
	/* one way of following returns at most */
	EXPECT_NE(PROVIUM_FEAT_ERRNO, info.features & PROVIUM_FEAT_ERRNO);
}

TEST_F(provium, unknown_ioctl_is_enotty)
{
	SKIP_IF_NO_DEVICE();
	ASSERT_EQ(-1, ioctl(self->fd, _IO(PROVIUM_IOC_MAGIC, 99), 0));
	ASSERT_EQ(ENOTTY, errno);
}

TEST_F(provium, getpid_matches_getpid)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = run_nr(_metadata, self->fd, NR_getpid);
	EXPECT_EQ((int64_t)getpid(), c->ret);
	EXPECT_EQ(c->ret, c->kernel_ret);
	EXPECT_EQ((__u32)PROVIUM_STATUS_DONE, c->status);
	EXPECT_EQ((__u32)PROVIUM_EXEC_MODULE, c->executor);
	EXPECT_EQ(sizeof(*c), c->size);
}

TEST_F(provium, uname_fills_output_buffer)
{
	struct utsname want, *got;
	struct desc d;
	struct provium_call *c = desc_init(&d, blob, NR_uname, 1, 0);
	uint32_t b;

	SKIP_IF_NO_DEVICE();
	b = desc_buf(&d, 0, PROVIUM_BUF_OUT, NULL, sizeof(struct utsname));
	ASSERT_EQ(0, uname(&want));
	ASSERT_EQ(0, pcall(self->fd, c));
	ASSERT_EQ(0, c->ret);
	got = desc_data(&d, b);
	EXPECT_STREQ(want.sysname, got->sysname);
	EXPECT_STREQ(want.release, got->release);
	EXPECT_STREQ(want.version, got->version);
	EXPECT_STREQ(want.machine, got->machine);
	EXPECT_STREQ(want.nodename, got->nodename);
}

TEST_F(provium, input_buffer_reaches_the_call)
{
	static const char msg[] = "provium input buffer";
	char back[64] = { 0 };
	struct desc d;
	struct provium_call *c = desc_init(&d, blob, NR_write, 1, 0);
	int pfd[2];
	uint32_t b;

	SKIP_IF_NO_DEVICE();
	ASSERT_EQ(0, pipe(pfd));
	c->args[0] = pfd[1];
	c->args[2] = sizeof(msg);
	b = desc_buf(&d, 1, 0, msg, sizeof(msg));
	ASSERT_EQ(0, pcall(self->fd, c));
	ASSERT_EQ((int64_t)sizeof(msg), c->ret);
	ASSERT_EQ((ssize_t)sizeof(msg), read(pfd[0], back, sizeof(back)));
	EXPECT_STREQ(msg, back);
	EXPECT_STREQ(msg, (char *)desc_data(&d, b));
}

TEST_F(provium, input_buffer_is_not_copied_back)
{
	struct desc d;
	struct provium_call *c = desc_init(&d, blob, NR_read, 1, 0);
	char *data;
	int pfd[2];
	uint32_t b;

	SKIP_IF_NO_DEVICE();
	ASSERT_EQ(0, pipe(pfd));
	ASSERT_EQ(5, write(pfd[1], "fresh", 5));
	c->args[0] = pfd[0];
	c->args[2] = 5;
	b = desc_buf(&d, 1, 0, "stale", 5);	/* no PROVIUM_BUF_OUT */
	ASSERT_EQ(0, pcall(self->fd, c));
	ASSERT_EQ(5, c->ret);
	data = desc_data(&d, b);
	EXPECT_EQ(0, memcmp(data, "stale", 5));
}

TEST_F(provium, zero_length_buffer)
{
	struct desc d;
	struct provium_call *c = desc_init(&d, blob, NR_write, 1, 0);

	SKIP_IF_NO_DEVICE();
	c->args[0] = self->null_fd;
	c->args[2] = 0;
	desc_buf(&d, 1, PROVIUM_BUF_OUT, NULL, 0);
	ASSERT_EQ(0, pcall(self->fd, c));
	EXPECT_EQ(0, c->ret);
}

TEST_F(provium, writev_through_patched_iovec)
{
	char back[64] = { 0 };
	struct desc d;
	struct provium_call *c;
	int pfd[2];

	SKIP_IF_NO_DEVICE();
	ASSERT_EQ(0, pipe(pfd));
	c = iovec_call(&d, blob, NR_writev, pfd[1], "hello", " world");
	ASSERT_EQ(0, pcall(self->fd, c));
	ASSERT_EQ(11, c->ret);
	ASSERT_EQ(11, read(pfd[0], back, sizeof(back)));
	EXPECT_STREQ("hello world", back);
}

TEST_F(provium, readv_into_two_output_buffers)
{
	struct iovec iov[2] = { { NULL, 5 }, { NULL, 6 } };
	struct desc d;
	struct provium_call *c;
	int pfd[2];

	SKIP_IF_NO_DEVICE();
	ASSERT_EQ(0, pipe(pfd));
	ASSERT_EQ(11, write(pfd[1], "hello world", 11));
	c = iovec_call(&d, blob, NR_readv, pfd[0], "xxxxx", "xxxxxx");
	desc_bufs(c)[1].flags = PROVIUM_BUF_OUT;
	desc_bufs(c)[2].flags = PROVIUM_BUF_OUT;
	ASSERT_EQ(0, pcall(self->fd, c));
	ASSERT_EQ(11, c->ret);
	EXPECT_EQ(0, memcmp(desc_data(&d, 1), "hello", 5));
	EXPECT_EQ(0, memcmp(desc_data(&d, 2), " world", 6));
	/* the iovec itself is an input: its pointers never reach the blob */
	EXPECT_EQ(0, memcmp(desc_data(&d, 0), iov, sizeof(iov)));
}

/* ---- what the module does not run ---- */

TEST_F(provium, fork_is_refused_and_not_run)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = run_nr(_metadata, self->fd, NR_fork);
	EXPECT_EQ((__u32)PROVIUM_STATUS_REFUSED, c->status);
	EXPECT_EQ((__u32)PROVIUM_EXEC_MODULE, c->executor);
	EXPECT_EQ(0, c->ret);
	EXPECT_EQ(0, c->kernel_ret);
	/* no child appeared */
	EXPECT_EQ(-1, waitpid(-1, NULL, WNOHANG));
	EXPECT_EQ(ECHILD, errno);
}

TEST_F(provium, every_frame_dependent_call_is_refused)
{
	/* rt_sigreturn clone fork vfork execve exit exit_group execveat clone3 */
	static const uint64_t nrs[] = { 15, 56, 57, 58, 59, 60, 231, 322, 435 };
	size_t i;

	SKIP_IF_NO_DEVICE();
	for (i = 0; i < ARRAY_SIZE(nrs); i++) {
		struct provium_call *c = run_nr(_metadata, self->fd, nrs[i]);

		EXPECT_EQ((__u32)PROVIUM_STATUS_REFUSED, c->status)
			TH_LOG("nr %llu", (unsigned long long)nrs[i]);
	}
	/* still here: exit and exit_group did not run */
	expect_healthy(_metadata, self->fd);
}

TEST_F(provium, out_of_range_nr_is_enosys)
{
	/* past the table, x32-flagged, aliasing getpid in 32 bits, all ones */
	static const uint64_t nrs[] = {
		1000, 0x40000000ULL | NR_getpid, (1ULL << 32) | NR_getpid,
		~0ULL,
	};
	size_t i;

	SKIP_IF_NO_DEVICE();
	for (i = 0; i < ARRAY_SIZE(nrs); i++) {
		struct provium_call *c = run_nr(_metadata, self->fd, nrs[i]);

		EXPECT_EQ(-ENOSYS, c->ret) TH_LOG("nr %#llx",
						  (unsigned long long)nrs[i]);
		EXPECT_EQ(-ENOSYS, c->kernel_ret);
		EXPECT_EQ((__u32)PROVIUM_STATUS_DONE, c->status);
	}
}

/* A hole in the x86_64 table (335-423 are unassigned) is sys_ni_syscall. */
TEST_F(provium, unassigned_nr_is_enosys)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = run_nr(_metadata, self->fd, 400);
	EXPECT_EQ(-ENOSYS, c->ret);
	EXPECT_EQ((__u32)PROVIUM_STATUS_DONE, c->status);
}

/* ---- restart codes ---- */

static volatile sig_atomic_t alarms;

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

static uint64_t mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

/*
 * pause() interrupted by a handler installed without SA_RESTART: the
 * kernel's -ERESTARTNOHAND is reported raw, user space's -EINTR as ret, and
 * the ioctl returns 0, once, right after the one alarm. Had the call been
 * restarted it would pause again with no timer left: the test would hang
 * until its timeout.
 */
TEST_F_TIMEOUT(provium, pause_interrupted_reports_erestartnohand, 10)
{
	struct sigaction sa = { .sa_handler = on_alarm };	/* no SA_RESTART */
	struct itimerval it = { { 0, 0 }, { 0, 100 * 1000 } };
	struct provium_call *c = plain_call(blob, NR_pause);
	uint64_t t0, spent;
	int ret;

	SKIP_IF_NO_DEVICE();
	sigemptyset(&sa.sa_mask);
	ASSERT_EQ(0, sigaction(SIGALRM, &sa, NULL));
	t0 = mono_ns();
	ASSERT_EQ(0, setitimer(ITIMER_REAL, &it, NULL));
	ret = pcall(self->fd, c);
	spent = mono_ns() - t0;
	ASSERT_EQ(0, ret) TH_LOG("ioctl: %s", strerror(errno));
	EXPECT_EQ(1, alarms);
	EXPECT_GT(5000000000ULL, spent) TH_LOG("the ioctl took %llu ns",
						(unsigned long long)spent);
	EXPECT_EQ((__u32)PROVIUM_STATUS_DONE, c->status);
	EXPECT_EQ(-PROVIUM_ERESTARTNOHAND, c->kernel_ret);
	EXPECT_EQ(-EINTR, c->ret);
	EXPECT_LE(50000000ULL, c->time_ns);	/* it did wait for the alarm */
}

/* ---- hostile descriptions ---- */

/*
 * The valid description @build makes (good_write() and the like), checked
 * to run as it is: what a test then breaks is the only thing wrong with it.
 */
static struct provium_call *
build_accepted(struct __test_metadata *_metadata, int fd, int null_fd,
	       struct provium_call *(*build)(struct desc *d, int null_fd))
{
	struct desc d;
	struct provium_call *c = build(&d, null_fd);

	expect_accept(_metadata, fd, c);
	return c;
}

TEST_F(provium, null_description_is_efault)
{
	SKIP_IF_NO_DEVICE();
	ASSERT_EQ(-1, ioctl(self->fd, PROVIUM_IOC_CALL, NULL));
	ASSERT_EQ(EFAULT, errno);
	expect_healthy(_metadata, self->fd);
}

TEST_F(provium, size_over_limit_is_e2big)
{
	struct provium_call *c = plain_call(blob, NR_getpid);

	SKIP_IF_NO_DEVICE();
	c->size = PROVIUM_MAX_DESC_LEN + 1;
	expect_reject(_metadata, self->fd, c, E2BIG);
	c->size = 0xffffffff;
	expect_reject(_metadata, self->fd, c, E2BIG);
}

TEST_F(provium, too_many_bufs_is_e2big)
{
	struct provium_call *c = plain_call(blob, NR_getpid);

	SKIP_IF_NO_DEVICE();
	c->nbufs = PROVIUM_MAX_BUFS + 1;
	c->size = sizeof(*c) + c->nbufs * sizeof(struct provium_buf);
	expect_reject(_metadata, self->fd, c, E2BIG);
	c->nbufs = 0xffffffff;
	expect_reject(_metadata, self->fd, c, E2BIG);
}

TEST_F(provium, too_many_patches_is_e2big)
{
	struct provium_call *c = plain_call(blob, NR_getpid);

	SKIP_IF_NO_DEVICE();
	c->npatches = PROVIUM_MAX_PATCHES + 1;
	c->size = sizeof(*c) + c->npatches * sizeof(struct provium_patch);
	expect_reject(_metadata, self->fd, c, E2BIG);
}

TEST_F(provium, buffer_over_limit_is_e2big)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_write);
	desc_bufs(c)[0].len = PROVIUM_MAX_BUF_LEN + 1;
	expect_reject(_metadata, self->fd, c, E2BIG);
}

TEST_F(provium, size_smaller_than_header_is_einval)
{
	struct provium_call *c = plain_call(blob, NR_getpid);

	SKIP_IF_NO_DEVICE();
	c->size = sizeof(*c) - 1;
	expect_reject(_metadata, self->fd, c, EINVAL);
	c->size = 0;
	expect_reject(_metadata, self->fd, c, EINVAL);
}

TEST_F(provium, truncated_buffer_table_is_einval)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_write);
	/* the blob ends inside the second table entry */
	c->size = sizeof(*c) + sizeof(struct provium_buf) + 8;
	expect_reject(_metadata, self->fd, c, EINVAL);
}

TEST_F(provium, truncated_patch_table_is_einval)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_write);
	/* more patches claimed than the blob has room for */
	c->npatches = 40;
	expect_reject(_metadata, self->fd, c, EINVAL);
}

TEST_F(provium, buffer_past_the_end_is_einval)
{
	struct provium_call *c;
	struct provium_buf *b;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_write);
	b = desc_bufs(c);
	b[1].len = 17;				/* one byte past the blob */
	expect_reject(_metadata, self->fd, c, EINVAL);
	b[1].len = 16;
	b[1].offset = c->size;			/* starts at the end */
	expect_reject(_metadata, self->fd, c, EINVAL);
	b[1].offset = 0xfffffff8;		/* offset + len wraps 32 bits */
	expect_reject(_metadata, self->fd, c, EINVAL);
}

TEST_F(provium, buffer_inside_the_tables_is_einval)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_write);
	desc_bufs(c)[0].offset = 0;		/* over the header itself */
	expect_reject(_metadata, self->fd, c, EINVAL);
}

TEST_F(provium, overlapping_buffers_are_einval)
{
	struct provium_call *c;
	struct provium_buf *b;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_write);
	b = desc_bufs(c);
	b[1].offset = b[0].offset + 4;
	b[1].len = 8;
	expect_reject(_metadata, self->fd, c, EINVAL);
	b[1].offset = b[0].offset;		/* the same bytes */
	expect_reject(_metadata, self->fd, c, EINVAL);
}

TEST_F(provium, unaligned_patch_offset_is_einval)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_patched);
	desc_patches(c)[0].offset = 4;
	expect_reject(_metadata, self->fd, c, EINVAL);
	desc_patches(c)[0].offset = 1;
	expect_reject(_metadata, self->fd, c, EINVAL);
}

TEST_F(provium, patch_past_buffer_end_is_einval)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	/* accepted with the patch at offset 8: the last slot */
	c = build_accepted(_metadata, self->fd, self->null_fd, good_patched);
	desc_patches(c)[0].offset = 16;		/* buffer 1 is 16 bytes */
	expect_reject(_metadata, self->fd, c, EINVAL);
	desc_patches(c)[0].offset = 0xfffffff8;	/* offset + 8 wraps */
	expect_reject(_metadata, self->fd, c, EINVAL);
}

/* writev-like: b0 (arg 1, 16 bytes) points at b1 (slot 0) and b2 (slot 8). */
static struct provium_call *good_two_pointers(struct desc *d, int null_fd)
{
	struct provium_call *c = desc_init(d, blob, NR_write, 3, 2);

	c->args[0] = null_fd;
	c->args[2] = 16;
	desc_buf(d, 1, 0, NULL, 16);
	desc_buf(d, PROVIUM_ARG_NONE, 0, NULL, 8);
	desc_buf(d, PROVIUM_ARG_NONE, 0, NULL, 8);
	desc_patch(d, 0, 0, 1);
	desc_patch(d, 0, 8, 2);
	return c;
}

TEST_F(provium, duplicate_patch_is_einval)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_two_pointers);
	desc_patches(c)[1].offset = 0;		/* the same slot twice */
	expect_reject(_metadata, self->fd, c, EINVAL);
}

TEST_F(provium, buffer_reached_twice_is_einval)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_two_pointers);
	desc_patches(c)[1].target = 1;		/* b1 from both slots */
	expect_reject(_metadata, self->fd, c, EINVAL);
	desc_patches(c)[1].target = 0;		/* the argument, patched */
	expect_reject(_metadata, self->fd, c, EINVAL);
}

TEST_F(provium, pointer_cycle_is_eloop)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_two_pointers);
	/* b2 holds b1's address and b1 holds b2's: neither reaches b0 */
	desc_patches(c)[0].buf = 2;
	desc_patches(c)[0].offset = 0;
	desc_patches(c)[1].buf = 1;
	desc_patches(c)[1].offset = 0;
	desc_patches(c)[1].target = 2;
	expect_reject(_metadata, self->fd, c, ELOOP);
}

TEST_F(provium, self_pointing_buffer_is_eloop)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_patched);
	desc_patches(c)[0].buf = 0;		/* b0 holds its own address */
	desc_patches(c)[0].offset = 0;
	expect_reject(_metadata, self->fd, c, ELOOP);
}

TEST_F(provium, orphan_buffer_is_einval)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_write);
	/* b1: neither an argument nor a patch target */
	desc_bufs(c)[1].arg = PROVIUM_ARG_NONE;
	expect_reject(_metadata, self->fd, c, EINVAL);
}

TEST_F(provium, bad_arg_index_is_einval)
{
	static const int32_t bad[] = { PROVIUM_NARGS, -2, 0x7fffffff, INT32_MIN };
	struct provium_call *c;
	size_t i;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_write);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		desc_bufs(c)[1].arg = bad[i];
		expect_reject(_metadata, self->fd, c, EINVAL);
	}
	desc_bufs(c)[1].arg = 1;		/* taken by b0 */
	expect_reject(_metadata, self->fd, c, EINVAL);
}

TEST_F(provium, unknown_header_flags_are_einval)
{
	struct provium_call *c = plain_call(blob, NR_getpid);

	SKIP_IF_NO_DEVICE();
	c->flags = 1U << 2;	/* the first bit after PROVIUM_CALL_FLAGS */
	expect_reject(_metadata, self->fd, c, EINVAL);
	c->flags = 0x8000;
	expect_reject(_metadata, self->fd, c, EINVAL);
}

TEST_F(provium, wrong_version_is_einval)
{
	struct provium_call *c = plain_call(blob, NR_getpid);

	SKIP_IF_NO_DEVICE();
	c->version = 0;
	expect_reject(_metadata, self->fd, c, EINVAL);
	c->version = PROVIUM_UAPI_VERSION + 1;
	expect_reject(_metadata, self->fd, c, EINVAL);
}

TEST_F(provium, unknown_buffer_flags_are_einval)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_write);
	desc_bufs(c)[1].flags = 1U << 1;
	expect_reject(_metadata, self->fd, c, EINVAL);
	desc_bufs(c)[1].flags = 1U << 31;
	expect_reject(_metadata, self->fd, c, EINVAL);
}

TEST_F(provium, nonzero_patch_reserved_is_einval)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_patched);
	desc_patches(c)[0].reserved = 1;
	expect_reject(_metadata, self->fd, c, EINVAL);
}

TEST_F(provium, patch_naming_missing_buffer_is_einval)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = build_accepted(_metadata, self->fd, self->null_fd, good_patched);
	desc_patches(c)[0].buf = 2;		/* there is no b2 */
	expect_reject(_metadata, self->fd, c, EINVAL);
	desc_patches(c)[0].buf = 1;
	desc_patches(c)[0].target = 0xffffffff;
	expect_reject(_metadata, self->fd, c, EINVAL);
}

/* A getpid header in the last bytes of a mapping followed by a hole. */
static struct provium_call *header_before_hole(void)
{
	long page = sysconf(_SC_PAGESIZE);
	uint8_t *map;

	map = mmap(NULL, 2 * page, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (map == MAP_FAILED || munmap(map + page, page))
		return NULL;
	return plain_call(map + page - sizeof(struct provium_call), NR_getpid);
}

/*
 * The header claims more bytes than the caller has mapped: the second
 * copy of the blob fails, the ioctl reports it and nothing else happens.
 */
TEST_F(provium, size_beyond_the_mapping_is_efault)
{
	struct provium_call *c = header_before_hole();
	int ret;

	SKIP_IF_NO_DEVICE();
	ASSERT_NE(NULL, c);
	c->size = sizeof(*c) + 64;
	errno = 0;
	ret = pcall(self->fd, c);
	ASSERT_EQ(-1, ret);
	ASSERT_TRUE(errno == EFAULT || errno == EINVAL)
		TH_LOG("errno %s", strerror(errno));
	expect_healthy(_metadata, self->fd);
}

/* The largest size allowed, with only the header really there. */
TEST_F(provium, size_at_limit_beyond_the_mapping_is_efault)
{
	struct provium_call *c = header_before_hole();

	SKIP_IF_NO_DEVICE();
	ASSERT_NE(NULL, c);
	c->size = PROVIUM_MAX_DESC_LEN;
	expect_reject(_metadata, self->fd, c, EFAULT);
}

struct flipper {
	struct provium_call *c;
	uint32_t a, b;
	atomic_int stop;
};

static void *flip_size(void *arg)
{
	struct flipper *f = arg;

	while (!atomic_load_explicit(&f->stop, memory_order_relaxed)) {
		__atomic_store_n(&f->c->size, f->a, __ATOMIC_RELAXED);
		__atomic_store_n(&f->c->size, f->b, __ATOMIC_RELAXED);
	}
	return NULL;
}

/*
 * Another thread changes the size between the module's two reads of the
 * header: each ioctl either runs a consistent description or fails with
 * EINVAL; the kernel never uses a size it did not check.
 */
TEST_F(provium, size_changed_while_copying)
{
	struct flipper f;
	pthread_t t;
	int i, ok = 0, einval = 0;

	SKIP_IF_NO_DEVICE();
	f.c = plain_call(blob, NR_getpid);
	f.a = sizeof(*f.c);
	f.b = sizeof(*f.c) + 4096;
	atomic_init(&f.stop, 0);
	ASSERT_EQ(0, pthread_create(&t, NULL, flip_size, &f));
	for (i = 0; i < 20000; i++) {
		int ret = pcall(self->fd, f.c);

		if (ret == 0) {
			ok++;
			if (f.c->ret != getpid())
				break;
		} else if (errno == EINVAL) {
			einval++;
		} else {
			break;
		}
	}
	atomic_store(&f.stop, 1);
	pthread_join(t, NULL);
	EXPECT_EQ(20000, i) TH_LOG("call %d: %s, ret %lld", i, strerror(errno),
				   (long long)f.c->ret);
	TH_LOG("%d ran, %d caught the size changing", ok, einval);
	expect_healthy(_metadata, self->fd);
}

/*
 * uname() into an output buffer, the description on a page then made
 * read-only: the call runs, its results cannot be written back.
 */
static struct provium_call *readonly_uname(struct __test_metadata *_metadata)
{
	struct desc d;
	struct provium_call *c;
	uint8_t *map;

	map = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, map);
	c = desc_init(&d, map, NR_uname, 1, 0);
	desc_buf(&d, 0, PROVIUM_BUF_OUT, NULL, sizeof(struct utsname));
	ASSERT_EQ(0, mprotect(map, 4096, PROT_READ));
	return c;
}

/* Results that cannot be written back are an error, and leak nothing. */
TEST_F(provium, readonly_description_is_efault)
{
	struct provium_call *c;

	SKIP_IF_NO_DEVICE();
	c = readonly_uname(_metadata);
	ASSERT_EQ(-1, pcall(self->fd, c));
	ASSERT_EQ(EFAULT, errno);
	expect_healthy(_metadata, self->fd);
}

/* ---- resources ---- */

struct maps {
	unsigned long lines;
	unsigned long bytes;
};

/* /proc/self/maps, read without allocating; NULL on error. */
static const char *maps_text(void)
{
	static char buf[1 << 20];
	size_t used = 0;
	ssize_t n;
	int fd = open("/proc/self/maps", O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	while ((n = read(fd, buf + used, sizeof(buf) - 1 - used)) > 0)
		used += n;
	close(fd);
	if (n < 0)
		return NULL;
	buf[used] = '\0';
	return buf;
}

/* Lines and mapped bytes of /proc/self/maps. */
static int read_maps(struct maps *m)
{
	const char *p = maps_text();

	if (!p)
		return -1;
	m->lines = 0;
	m->bytes = 0;
	while (*p) {
		char *end;
		unsigned long lo = strtoul(p, &end, 16);
		unsigned long hi = strtoul(end + 1, NULL, 16);

		m->lines++;
		m->bytes += hi - lo;
		p = strchr(p, '\n');
		if (!p)
			break;
		p++;
	}
	return 0;
}

/* The mapping that contains @addr: its start and length. */
static int find_mapping(unsigned long addr, unsigned long *start,
			unsigned long *len)
{
	const char *p = maps_text();

	while (p && *p) {
		char *end;
		unsigned long lo = strtoul(p, &end, 16);
		unsigned long hi = strtoul(end + 1, NULL, 16);

		if (addr >= lo && addr < hi) {
			*start = lo;
			*len = hi - lo;
			return 0;
		}
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return -1;
}

/* uname (output buffer) and writev (nested pointers), @n times each. */
static int busy_calls(int fd, int null_fd, int n)
{
	static __thread uint8_t mem1[4096] __attribute__((aligned(8)));
	static __thread uint8_t mem2[4096] __attribute__((aligned(8)));
	struct desc u, w;
	struct provium_call *cu = desc_init(&u, mem1, NR_uname, 1, 0);
	struct provium_call *cw = iovec_call(&w, mem2, NR_writev, null_fd,
					     "hello", " world");
	int i;

	desc_buf(&u, 0, PROVIUM_BUF_OUT, NULL, sizeof(struct utsname));
	desc_bufs(cw)[0].flags = PROVIUM_BUF_OUT;	/* the iovec */
	desc_bufs(cw)[2].flags = PROVIUM_BUF_OUT;
	for (i = 0; i < n; i++) {
		if (pcall(fd, cu) || cu->ret != 0)
			return -1;
		if (pcall(fd, cw) || cw->ret != 11)
			return -1;
	}
	return 0;
}

/* The maps before a run of calls, read twice: the reading is not measured. */
static void maps_before(struct __test_metadata *_metadata, struct maps *m)
{
	ASSERT_EQ(0, read_maps(m));
	ASSERT_EQ(0, read_maps(m));
}

/* No mapping appeared or went away since @before. */
static void expect_same_maps(struct __test_metadata *_metadata,
			     const struct maps *before)
{
	struct maps after;

	ASSERT_EQ(0, read_maps(&after));
	EXPECT_EQ(before->lines, after.lines);
	EXPECT_EQ(before->bytes, after.bytes);
}

TEST_F(provium, no_mapping_left_after_1000_calls)
{
	struct maps before;

	SKIP_IF_NO_DEVICE();
	ASSERT_EQ(0, busy_calls(self->fd, self->null_fd, 10));	/* warm up */
	maps_before(_metadata, &before);
	ASSERT_EQ(0, busy_calls(self->fd, self->null_fd, 1000));
	expect_same_maps(_metadata, &before);
}

TEST_F(provium, no_mapping_left_after_1000_failed_copy_backs)
{
	struct maps before;
	struct provium_call *c;
	int i;

	SKIP_IF_NO_DEVICE();
	c = readonly_uname(_metadata);
	ASSERT_EQ(-1, pcall(self->fd, c));	/* warm up */
	maps_before(_metadata, &before);
	for (i = 0; i < 1000; i++)
		ASSERT_EQ(-1, pcall(self->fd, c));
	expect_same_maps(_metadata, &before);
}

/* ---- hostile callers: re-entry, 32-bit callers, threads, forged areas ---- */

/*
 * ioctl(@inner_fd, @cmd, b0) through the module, b0 a copy of the @len
 * bytes at @inner, copied back after the call.
 */
static struct provium_call *nested_ioctl(struct desc *d, int inner_fd,
					 unsigned long cmd, const void *inner,
					 uint32_t len)
{
	struct provium_call *c = desc_init(d, blob, NR_ioctl, 1, 0);

	c->args[0] = inner_fd;
	c->args[1] = cmd;
	desc_buf(d, 2, PROVIUM_BUF_OUT, inner, len);
	return c;
}

/*
 * The outer call ran and its ioctl came back EDEADLK, the inner
 * description untouched: the module refused before reading it.
 */
static void expect_nested_edeadlk(struct __test_metadata *_metadata, int fd,
				  int inner_fd)
{
	static uint8_t mem[sizeof(struct provium_call)]
		__attribute__((aligned(8)));
	struct provium_call *inner = plain_call(mem, NR_getpid);
	struct provium_call *c, *back;
	struct desc d;

	c = nested_ioctl(&d, inner_fd, PROVIUM_IOC_CALL, inner, sizeof(*inner));
	ASSERT_EQ(0, pcall(fd, c)) TH_LOG("outer call: %s", strerror(errno));
	EXPECT_EQ((__u32)PROVIUM_STATUS_DONE, c->status);
	EXPECT_EQ(-EDEADLK, c->ret);
	back = desc_data(&d, 0);
	EXPECT_EQ(0xdeadU, back->status);
	EXPECT_EQ(0xdeadU, back->executor);
	expect_healthy(_metadata, fd);
}

/* Through its own descriptor, this would wait for itself. */
TEST_F(provium, call_nested_through_its_own_fd_is_edeadlk)
{
	SKIP_IF_NO_DEVICE();
	expect_nested_edeadlk(_metadata, self->fd, self->fd);
}

/* Another open of /dev/provium: still a call inside a call. */
TEST_F(provium, call_nested_through_another_fd_is_edeadlk)
{
	struct provium_info info;
	struct provium_call *c;
	struct desc d;
	int fd2;

	SKIP_IF_NO_DEVICE();
	fd2 = open(PROVIUM_DEVICE, O_RDWR | O_CLOEXEC);
	ASSERT_LE(0, fd2);
	expect_nested_edeadlk(_metadata, self->fd, fd2);
	memset(&info, 0, sizeof(info));
	c = nested_ioctl(&d, fd2, PROVIUM_IOC_INFO, &info, sizeof(info));
	ASSERT_EQ(0, pcall(self->fd, c));
	EXPECT_EQ(-EDEADLK, c->ret);
	/* not nested, the second descriptor works */
	expect_healthy(_metadata, fd2);
	close(fd2);
}

/* ioctl(2) from the 32-bit ABI: int $0x80 works from a 64-bit process. */
static long ioctl_int80(int fd, unsigned int cmd, uint32_t arg)
{
	long ret = 54;		/* __NR_ioctl in syscall_32.tbl */

	asm volatile("int $0x80"
		     : "+a"(ret)
		     : "b"((long)fd), "c"((long)cmd), "d"((long)arg)
		     : "memory", "r8", "r9", "r10", "r11");
	return ret;
}

TEST_F(provium, compat_caller_is_eopnotsupp)
{
	struct provium_call *c;
	uint8_t *low;
	long ret;

	SKIP_IF_NO_DEVICE();
	/* a 32-bit pointer to the description */
	low = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	ASSERT_NE(MAP_FAILED, low);
	c = plain_call(low, NR_getpid);
	ret = ioctl_int80(self->fd, PROVIUM_IOC_CALL, (uint32_t)(uintptr_t)low);
	if (ret == -ENOSYS)
		SKIP(return, "no 32-bit system calls in this kernel");
	EXPECT_EQ(-EOPNOTSUPP, ret);
	EXPECT_EQ(0xdeadU, c->status);	/* not run */
	EXPECT_EQ(-EOPNOTSUPP, ioctl_int80(self->fd, PROVIUM_IOC_INFO,
					   (uint32_t)(uintptr_t)low));
	EXPECT_EQ(-ENOTTY, ioctl_int80(self->fd, _IO(PROVIUM_IOC_MAGIC, 99), 0));
	expect_healthy(_metadata, self->fd);
}

static pid_t thread_id(void)
{
	return (pid_t)syscall(SYS_gettid);
}

/*
 * Wait until thread @tid sleeps in the kernel function @fn, as its wchan
 * says: the call it made through the module is blocked there.
 */
static int wait_blocked_in(pid_t tid, const char *fn)
{
	char path[64], name[128];

	snprintf(path, sizeof(path), "/proc/self/task/%d/wchan", tid);
	for (;;) {
		int f = open(path, O_RDONLY | O_CLOEXEC);
		ssize_t n;

		if (f < 0)
			return -1;
		n = read(f, name, sizeof(name) - 1);
		close(f);
		if (n < 0)
			return -1;
		name[n] = '\0';
		if (!strcmp(name, fn))
			return 0;
		sched_yield();
	}
}

struct module_read {
	int fd;				/* /dev/provium, shared */
	int from;			/* read(from, 16-byte output buffer, 16) */
	atomic_int tid;			/* the reader's, once it starts */
	int err;			/* errno of its ioctl, or 0 */
	struct provium_call *c;
	const char *data;		/* the output buffer after the call */
	uint8_t mem[4096] __attribute__((aligned(8)));
};

static void *read_through_module(void *arg)
{
	struct module_read *r = arg;
	struct desc d;

	r->c = desc_init(&d, r->mem, NR_read, 1, 0);
	r->c->args[0] = r->from;
	r->c->args[2] = 16;
	desc_buf(&d, 1, PROVIUM_BUF_OUT, NULL, 16);
	r->data = desc_data(&d, 0);
	atomic_store(&r->tid, thread_id());
	r->err = pcall(r->fd, r->c) ? errno : 0;
	return NULL;
}

/*
 * One thread blocks in a read through the module; another thread writes
 * what it waits for through the same descriptor. Both complete: nothing
 * is held across a call, and the writer stages its buffer elsewhere since
 * the reader has the file's area.
 */
TEST_F(provium, two_threads_share_the_fd)
{
	static struct module_read r;
	static uint8_t mem[4096] __attribute__((aligned(8)));
	struct provium_call *c;
	struct desc d;
	pthread_t t;
	int pfd[2];
	pid_t tid;

	SKIP_IF_NO_DEVICE();
	ASSERT_EQ(0, pipe(pfd));
	r.fd = self->fd;
	r.from = pfd[0];
	atomic_init(&r.tid, 0);
	ASSERT_EQ(0, pthread_create(&t, NULL, read_through_module, &r));
	while (!(tid = atomic_load(&r.tid)))
		sched_yield();
	ASSERT_EQ(0, wait_blocked_in(tid, "pipe_read"));

	c = desc_init(&d, mem, NR_write, 1, 0);
	c->args[0] = pfd[1];
	c->args[2] = 16;
	desc_buf(&d, 1, 0, "0123456789abcdef", 16);
	ASSERT_EQ(0, pcall(self->fd, c)) TH_LOG("write: %s", strerror(errno));
	EXPECT_EQ(16, c->ret);

	ASSERT_EQ(0, pthread_join(t, NULL));
	EXPECT_EQ(0, r.err) TH_LOG("read: %s", strerror(r.err));
	EXPECT_EQ(16, r.c->ret);
	EXPECT_EQ(0, memcmp(r.data, "0123456789abcdef", 16));
	close(pfd[0]);
	close(pfd[1]);
	expect_healthy(_metadata, self->fd);
}

struct busy_thread {
	int fd, null_fd, n, ret;
};

static void *busy_thread(void *arg)
{
	struct busy_thread *b = arg;

	b->ret = busy_calls(b->fd, b->null_fd, b->n);
	return NULL;
}

/* @n threads, each making @calls pairs of buffer calls on the same file. */
static int busy_threads(int fd, int null_fd, int n, int calls)
{
	struct busy_thread b[8];
	pthread_t t[8];
	int i, err = 0;

	for (i = 0; i < n; i++) {
		b[i] = (struct busy_thread){ fd, null_fd, calls, -1 };
		if (pthread_create(&t[i], NULL, busy_thread, &b[i]))
			return -1;
	}
	for (i = 0; i < n; i++) {
		pthread_join(t[i], NULL);
		err |= b[i].ret;
	}
	return err;
}

/*
 * Threads racing for the file's staging area: every call gets right
 * results, and the areas mapped for one call are all unmapped.
 */
TEST_F(provium, threads_racing_for_the_area_leave_no_mapping)
{
	struct maps before;

	SKIP_IF_NO_DEVICE();
	/* warm up: the kept area, and thread stacks glibc then reuses */
	ASSERT_EQ(0, busy_threads(self->fd, self->null_fd, 4, 10));
	maps_before(_metadata, &before);
	ASSERT_EQ(0, busy_threads(self->fd, self->null_fd, 4, 200));
	expect_same_maps(_metadata, &before);
}

/* The staging area of @fd, found from the pointers a writev was given. */
static int staging_area(int fd, int null_fd, unsigned long *start,
			unsigned long *len)
{
	static uint8_t mem[4096] __attribute__((aligned(8)));
	struct iovec *iov;
	struct provium_call *c;
	struct desc d;

	c = iovec_call(&d, mem, NR_writev, null_fd, "hello", " world");
	desc_bufs(c)[0].flags = PROVIUM_BUF_OUT;	/* the patched iovec */
	if (pcall(fd, c) || c->ret != 11)
		return -1;
	iov = desc_data(&d, 0);
	return find_mapping((unsigned long)iov[0].iov_base, start, len);
}

static int all_bytes(const uint8_t *p, size_t len, uint8_t byte)
{
	while (len--)
		if (*p++ != byte)
			return 0;
	return 1;
}

/* A private anonymous mapping of @len bytes exactly at @start. */
static uint8_t *map_over(unsigned long start, unsigned long len)
{
	void *p = mmap((void *)start, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);

	return p == MAP_FAILED ? NULL : p;
}

/*
 * MADV_DONTFORK gives an anonymous mapping VM_DONTCOPY: placed exactly
 * where the area was, it looks like the area to a check of flags and
 * range. Later calls must not write to it.
 */
TEST_F(provium, dontfork_mapping_where_the_area_was_is_never_written)
{
	unsigned long start, len, now, now_len;
	uint8_t *mine;

	SKIP_IF_NO_DEVICE();
	ASSERT_EQ(0, staging_area(self->fd, self->null_fd, &start, &len));
	ASSERT_EQ(0, munmap((void *)start, len));
	mine = map_over(start, len);
	ASSERT_NE(NULL, mine);
	memset(mine, 0x5a, len);
	ASSERT_EQ(0, madvise(mine, len, MADV_DONTFORK));

	ASSERT_EQ(0, busy_calls(self->fd, self->null_fd, 10));
	EXPECT_TRUE(all_bytes(mine, len, 0x5a));
	ASSERT_EQ(0, staging_area(self->fd, self->null_fd, &now, &now_len));
	EXPECT_NE(start, now);
	munmap(mine, len);
}

struct remapper {
	pid_t caller;			/* the thread blocked in the call */
	unsigned long start, len;	/* the area it was staged in */
	int drain;			/* read end of the pipe it writes to */
	uint8_t *mine;			/* this thread's mapping there */
};

static void *remap_during_call(void *arg)
{
	struct remapper *m = arg;
	static char sink[4096];

	if (wait_blocked_in(m->caller, "pipe_write"))
		return NULL;
	m->mine = map_over(m->start, m->len);
	if (m->mine) {
		memset(m->mine, 0x5a, m->len);
		madvise(m->mine, m->len, MADV_DONTFORK);
	}
	/* room in the pipe: the call goes on */
	if (read(m->drain, sink, sizeof(sink)) < 0)
		m->mine = NULL;
	return NULL;
}

/*
 * While a call blocks, a second thread maps its own memory over the
 * area (a forged look-alike, with MADV_DONTFORK). The call ends with a
 * result or an errno, and neither it nor the calls after it write there.
 */
TEST_F(provium, second_thread_remapping_the_area_during_a_call)
{
	static char fill[4096];
	struct remapper m;
	struct provium_call *c;
	struct desc d;
	pthread_t t;
	int pfd[2], ret;

	SKIP_IF_NO_DEVICE();
	ASSERT_EQ(0, staging_area(self->fd, self->null_fd, &m.start, &m.len));
	/* a full one-page pipe, so the write through the module blocks */
	ASSERT_EQ(0, pipe(pfd));
	ASSERT_LE(4096, fcntl(pfd[1], F_SETPIPE_SZ, 4096));
	ASSERT_EQ(0, fcntl(pfd[1], F_SETFL, O_NONBLOCK));
	while (write(pfd[1], fill, sizeof(fill)) > 0)
		;
	ASSERT_EQ(0, fcntl(pfd[1], F_SETFL, 0));

	m.caller = thread_id();
	m.drain = pfd[0];
	m.mine = NULL;
	ASSERT_EQ(0, pthread_create(&t, NULL, remap_during_call, &m));
	c = desc_init(&d, blob, NR_write, 1, 0);
	c->args[0] = pfd[1];
	c->args[2] = 4096;
	desc_buf(&d, 1, PROVIUM_BUF_OUT, NULL, 4096);
	ret = pcall(self->fd, c) ? errno : 0;
	ASSERT_EQ(0, pthread_join(t, NULL));
	ASSERT_NE(NULL, m.mine) TH_LOG("the second thread could not remap");
	/* 0 and the call's result, or EFAULT: its outputs went with the area */
	if (ret) {
		EXPECT_EQ(EFAULT, ret);
	} else {
		EXPECT_EQ(4096, c->ret);
	}

	ASSERT_EQ(0, busy_calls(self->fd, self->null_fd, 10));
	EXPECT_TRUE(all_bytes(m.mine, m.len, 0x5a));
	munmap(m.mine, m.len);
	close(pfd[0]);
	close(pfd[1]);
}

/*
 * A call staged in an area of its own (over 1 MiB) that maps the test's
 * memory over that very area: once the call is over, the module unmaps
 * its area only if it is still there, and the test's mapping survives.
 */
TEST_F(provium, call_replacing_its_one_call_area_keeps_the_new_mapping)
{
	const size_t big = 2 << 20, cap = big + 4096;
	struct provium_call *c;
	struct desc d;
	uint8_t *mem, *mine;

	SKIP_IF_NO_DEVICE();
	mem = mmap(NULL, cap, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, mem);
	/* mmap(b0, 2 MiB, RW, fixed anonymous): b0 starts the staging area */
	c = desc_init_cap(&d, mem, cap, NR_mmap, 1, 0);
	c->args[1] = big;
	c->args[2] = PROT_READ | PROT_WRITE;
	c->args[3] = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED;
	c->args[4] = (uint64_t)-1;
	desc_buf(&d, 0, 0, NULL, big);
	ASSERT_EQ(0, pcall(self->fd, c)) TH_LOG("%s", strerror(errno));
	ASSERT_LT(0, c->ret) TH_LOG("mmap: %s", strerror(-c->ret));
	mine = (uint8_t *)(uintptr_t)c->ret;
	ASSERT_EQ(0, msync(mine, big, MS_ASYNC))
		TH_LOG("the test's mapping is gone: %s", strerror(errno));
	memset(mine, 0x5a, big);
	ASSERT_EQ(0, busy_calls(self->fd, self->null_fd, 10));
	EXPECT_TRUE(all_bytes(mine, big, 0x5a));
	munmap(mine, big);
	munmap(mem, cap);
}

/*
 * A child makes the file's first buffer call, so the kept area is in its
 * memory, then exits: the parent's calls get a kept area of their own
 * (still mapped after the call) instead of one mapping per call forever.
 */
TEST_F(provium, area_of_an_exited_process_is_replaced)
{
	unsigned long start, len;
	int status;
	pid_t pid;

	SKIP_IF_NO_DEVICE();
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0)
		_exit(busy_calls(self->fd, self->null_fd, 1) ? 1 : 0);
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	ASSERT_EQ(0, staging_area(self->fd, self->null_fd, &start, &len))
		TH_LOG("the parent's buffers were not staged in a kept area");
}

/* ---- permission ---- */

static int drop_cap_sys_admin(void)
{
	struct __user_cap_header_struct h = {
		.version = _LINUX_CAPABILITY_VERSION_3,
	};
	struct __user_cap_data_struct d[_LINUX_CAPABILITY_U32S_3];

	if (syscall(SYS_capget, &h, d))
		return -1;
	d[CAP_TO_INDEX(CAP_SYS_ADMIN)].effective &= ~CAP_TO_MASK(CAP_SYS_ADMIN);
	d[CAP_TO_INDEX(CAP_SYS_ADMIN)].permitted &= ~CAP_TO_MASK(CAP_SYS_ADMIN);
	return syscall(SYS_capset, &h, d);
}

/* This test runs in its own process: dropping the capability is local. */
TEST_F(provium, without_cap_sys_admin_is_eperm)
{
	struct provium_call *c = plain_call(blob, NR_getpid);
	struct provium_info info;

	SKIP_IF_NO_DEVICE();
	ASSERT_EQ(0, drop_cap_sys_admin()) TH_LOG("capset: %s", strerror(errno));
	ASSERT_EQ(-1, pcall(self->fd, c));
	EXPECT_EQ(EPERM, errno);
	EXPECT_EQ(0xdeadU, c->status);	/* untouched */
	ASSERT_EQ(-1, ioctl(self->fd, PROVIUM_IOC_INFO, &info));
	EXPECT_EQ(EPERM, errno);
}

/* The capability is checked per command: an unknown one is still ENOTTY. */
TEST_F(provium, unknown_ioctl_without_cap_sys_admin_is_enotty)
{
	SKIP_IF_NO_DEVICE();
	ASSERT_EQ(0, drop_cap_sys_admin()) TH_LOG("capset: %s", strerror(errno));
	ASSERT_EQ(-1, ioctl(self->fd, _IO(PROVIUM_IOC_MAGIC, 99), 0));
	EXPECT_EQ(ENOTTY, errno);
}

TEST_F(provium, nobody_with_open_fd_is_eperm)
{
	struct provium_call *c = plain_call(blob, NR_getpid);
	int status;
	pid_t pid;

	SKIP_IF_NO_DEVICE();
	pid = fork();
	ASSERT_LE(0, pid);
	if (pid == 0) {
		if (setgroups(0, NULL) || setgid(65534) || setuid(65534))
			_exit(10);
		if (pcall(self->fd, c) != -1)
			_exit(11);
		if (errno != EPERM)
			_exit(12);
		_exit(0);
	}
	ASSERT_EQ(pid, waitpid(pid, &status, 0));
	ASSERT_TRUE(WIFEXITED(status));
	EXPECT_EQ(0, WEXITSTATUS(status))
		TH_LOG("child: 10 setuid failed, 11 call ran, 12 wrong errno");
	expect_healthy(_metadata, self->fd);
}

/* ---- errno origins: PROVIUM_IOC_ERRNO_ARM and _RESULT ---- */

/*
 * The address /proc/kallsyms gives symbol @name (of module @mod, or vmlinux),
 * or 0. Functions under several names (__x64_sys_getpid is __do_sys_getpid)
 * go by the first one kallsyms lists, as available_filter_functions does:
 * the tests use functions with one name.
 */
static uint64_t ksym(const char *name, const char *mod)
{
	FILE *f = fopen("/proc/kallsyms", "r");
	char line[512], type, sym[256], owner[128];
	unsigned long long addr;
	uint64_t found = 0;

	if (!f)
		return 0;
	while (!found && fgets(line, sizeof(line), f)) {
		owner[0] = '\0';
		if (sscanf(line, "%llx %c %255s [%127[^]]]", &addr, &type, sym, owner) < 3)
			continue;
		if (strcmp(sym, name) || strcmp(owner, mod ? mod : ""))
			continue;
		if (type == 't' || type == 'T' || type == 'd' || type == 'D')
			found = addr;
	}
	fclose(f);
	return found;
}

/* A PROVIUM_IOC_ERRNO_ARM blob under construction, in the static blob. */
struct arm {
	struct provium_errno_arm *a;
	struct provium_errno_func *fn;
	char names[4096];
	uint32_t nnames;
};

static void arm_init(struct arm *w, uint32_t nfuncs)
{
	memset(blob, 0, sizeof(struct provium_errno_arm) +
	       nfuncs * sizeof(struct provium_errno_func));
	w->a = (struct provium_errno_arm *)blob;
	w->a->version = PROVIUM_UAPI_VERSION;
	w->fn = (struct provium_errno_func *)(w->a + 1);
	w->nnames = 0;
}

/* Function @i is @name at @addr, returning class @ret. */
static void arm_func(struct arm *w, uint32_t i, const char *name, uint64_t addr, uint32_t ret)
{
	w->fn[i].addr = addr;
	w->fn[i].name = w->nnames;
	w->fn[i].ret = ret;
	strcpy(w->names + w->nnames, name);
	w->nnames += strlen(name) + 1;
	if (i + 1 > w->a->nfuncs)
		w->a->nfuncs = i + 1;
}

/* Lay the names after the table and size the blob. */
static struct provium_errno_arm *arm_done(struct arm *w)
{
	memcpy(w->fn + w->a->nfuncs, w->names, w->nnames);
	w->a->names_len = w->nnames;
	w->a->size = sizeof(*w->a) + w->a->nfuncs * sizeof(*w->fn) + w->nnames;
	return w->a;
}

static int errno_arm(int fd, struct provium_errno_arm *a)
{
	return ioctl(fd, PROVIUM_IOC_ERRNO_ARM, a);
}

static int errno_disarm(int fd)
{
	struct provium_errno_arm a = {
		.size = sizeof(a), .version = PROVIUM_UAPI_VERSION,
	};

	return errno_arm(fd, &a);
}

/* This module can follow returns; else the test is skipped. */
#define SKIP_IF_NO_ERRNO() do {							\
	struct provium_info info_;						\
	if (self->fd < 0)							\
		return;								\
	ASSERT_EQ(0, ioctl(self->fd, PROVIUM_IOC_INFO, &info_));		\
	if (!(info_.features & PROVIUM_FEAT_ERRNO))				\
		SKIP(return, "this kernel has neither fprobe nor rethook");	\
} while (0)

/* The outcome of the last PROVIUM_CALL_ERRNO call on @fd, into @res (4 KiB). */
static int errno_result(int fd, struct provium_errno_result *res, uint32_t size)
{
	memset(res, 0, size);
	res->size = size;
	res->version = PROVIUM_UAPI_VERSION;
	return ioctl(fd, PROVIUM_IOC_ERRNO_RESULT, res);
}

/* The @i-th NUL-terminated string of a result's text. */
static const char *result_str(const struct provium_errno_result *res, uint32_t i)
{
	const char *p = (const char *)(res + 1);

	while (i--)
		p += strlen(p) + 1;
	return p;
}

static uint64_t result_room[1024];	/* 8 KiB, aligned */

TEST_F(provium, errno_arm_limits)
{
	struct provium_errno_arm a = {
		.size = sizeof(a), .version = PROVIUM_UAPI_VERSION,
	}, *end;
	uint8_t *page;

	SKIP_IF_NO_ERRNO();
	/* nothing armed: disarming is fine */
	EXPECT_EQ(0, errno_disarm(self->fd)) TH_LOG("%s", strerror(errno));
	a.nfuncs = PROVIUM_ERRNO_MAX_FUNCS + 1;
	EXPECT_EQ(-1, errno_arm(self->fd, &a));
	EXPECT_EQ(E2BIG, errno);
	a.nfuncs = 1;
	a.names_len = PROVIUM_ERRNO_MAX_NAMES + 1;
	EXPECT_EQ(-1, errno_arm(self->fd, &a));
	EXPECT_EQ(E2BIG, errno);
	/* a size that is not header + table + names */
	a.names_len = 8;
	a.size = sizeof(a) + sizeof(struct provium_errno_func) + 7;
	EXPECT_EQ(-1, errno_arm(self->fd, &a));
	EXPECT_EQ(EINVAL, errno);
	a.size = sizeof(a) - 1;
	EXPECT_EQ(-1, errno_arm(self->fd, &a));
	EXPECT_EQ(EINVAL, errno);
	a.size = sizeof(a);
	a.nfuncs = 0;
	a.names_len = 0;
	a.flags = 1;
	EXPECT_EQ(-1, errno_arm(self->fd, &a));
	EXPECT_EQ(EINVAL, errno);
	a.flags = 0;
	a.version = PROVIUM_UAPI_VERSION + 1;
	EXPECT_EQ(-1, errno_arm(self->fd, &a));
	EXPECT_EQ(EINVAL, errno);
	/* a header at the end of the memory: its table cannot be read */
	a.version = PROVIUM_UAPI_VERSION;
	a.nfuncs = 4;
	a.names_len = 8;
	a.size = sizeof(a) + 4 * sizeof(struct provium_errno_func) + 8;
	page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ASSERT_NE(MAP_FAILED, page);
	ASSERT_EQ(0, munmap(page + 4096, 4096));
	end = (struct provium_errno_arm *)(page + 4096 - sizeof(a));
	*end = a;
	EXPECT_EQ(-1, errno_arm(self->fd, end));
	EXPECT_EQ(EFAULT, errno);
	munmap(page, 4096);
	expect_healthy(_metadata, self->fd);
}

/* Every function of a hostile list is named by the module's refusal. */
TEST_F(provium, errno_arm_refuses_hostile_lists)
{
	uint64_t close_fn = ksym("__x64_sys_close", NULL);
	uint64_t fd_fn = ksym("close_fd", NULL);	/* no alias either */
	uint64_t table = ksym("sys_call_table", NULL);
	uint64_t own = ksym("provium_graph_call", "provium");
	uint64_t notrace = ksym("ring_buffer_lock_reserve", NULL);
	struct provium_errno_arm *a;
	struct arm w;

	SKIP_IF_NO_ERRNO();
	ASSERT_NE((uint64_t)0, close_fn) TH_LOG("no __x64_sys_close in /proc/kallsyms");
	ASSERT_NE((uint64_t)0, fd_fn);

#define REFUSED(what, index) do {						\
		EXPECT_EQ(-1, errno_arm(self->fd, a)) TH_LOG("%s accepted", what); \
		EXPECT_EQ(EINVAL, errno) TH_LOG("%s: %s", what, strerror(errno)); \
		EXPECT_EQ((__u32)(index), a->bad) TH_LOG("%s: bad %u", what, a->bad); \
	} while (0)

	/* not where the function starts */
	arm_init(&w, 2);
	arm_func(&w, 0, "close_fd", fd_fn, PROVIUM_RET_LONG);
	arm_func(&w, 1, "__x64_sys_close", close_fn + 1, PROVIUM_RET_LONG);
	a = arm_done(&w);
	REFUSED("an address inside a function", 1);
	/* a name that is not the function's */
	arm_init(&w, 1);
	arm_func(&w, 0, "close_fd", close_fn, PROVIUM_RET_LONG);
	a = arm_done(&w);
	REFUSED("the wrong name", 0);
	/* no kernel text */
	arm_init(&w, 3);
	arm_func(&w, 0, "close_fd", fd_fn, PROVIUM_RET_LONG);
	arm_func(&w, 1, "__x64_sys_close", close_fn, PROVIUM_RET_LONG);
	arm_func(&w, 2, "ksym", (uint64_t)(uintptr_t)ksym, PROVIUM_RET_INT);
	a = arm_done(&w);
	REFUSED("a user-space address", 2);
	arm_init(&w, 1);
	arm_func(&w, 0, "zero", 0, PROVIUM_RET_INT);
	a = arm_done(&w);
	REFUSED("address 0", 0);
	if (table) {
		arm_init(&w, 1);
		arm_func(&w, 0, "sys_call_table", table, PROVIUM_RET_INT);
		a = arm_done(&w);
		REFUSED("kernel data", 0);
	}
	/* the same function twice: the second is named */
	arm_init(&w, 3);
	arm_func(&w, 0, "__x64_sys_close", close_fn, PROVIUM_RET_LONG);
	arm_func(&w, 1, "close_fd", fd_fn, PROVIUM_RET_LONG);
	arm_func(&w, 2, "__x64_sys_close", close_fn, PROVIUM_RET_LONG);
	a = arm_done(&w);
	REFUSED("a duplicate", 2);
	/* fields out of range */
	arm_init(&w, 1);
	arm_func(&w, 0, "__x64_sys_close", close_fn, PROVIUM_RET_MAX + 1);
	a = arm_done(&w);
	REFUSED("an unknown return class", 0);
	arm_init(&w, 1);
	arm_func(&w, 0, "__x64_sys_close", close_fn, PROVIUM_RET_LONG);
	a = arm_done(&w);
	w.fn[0].name = a->names_len;
	REFUSED("a name past the names", 0);
	/* names must end: no bad index, the area itself is wrong */
	arm_init(&w, 1);
	arm_func(&w, 0, "__x64_sys_close", close_fn, PROVIUM_RET_LONG);
	a = arm_done(&w);
	((char *)(w.fn + 1))[a->names_len - 1] = 'x';
	REFUSED("names without a last NUL", ~0U);
	/* provium.ko's own code would follow itself */
	if (own) {
		arm_init(&w, 1);
		arm_func(&w, 0, "provium_graph_call", own, PROVIUM_RET_LONG);
		a = arm_done(&w);
		REFUSED("a function of provium.ko", 0);
	}
	/* a function ftrace does not hook (kernel/trace is built without it) */
	if (notrace) {
		arm_init(&w, 2);
		arm_func(&w, 0, "__x64_sys_close", close_fn, PROVIUM_RET_LONG);
		arm_func(&w, 1, "ring_buffer_lock_reserve", notrace, PROVIUM_RET_PTR);
		a = arm_done(&w);
		REFUSED("a notrace function", 1);
	}
#undef REFUSED
	/* after all that: a good list arms, and disarms */
	arm_init(&w, 2);
	arm_func(&w, 0, "__x64_sys_close", close_fn, PROVIUM_RET_LONG);
	arm_func(&w, 1, "close_fd", fd_fn, PROVIUM_RET_LONG);
	a = arm_done(&w);
	EXPECT_EQ(0, errno_arm(self->fd, a)) TH_LOG("%s", strerror(errno));
	EXPECT_EQ(~0U, a->bad);
	EXPECT_EQ(0, errno_disarm(self->fd));
	expect_healthy(_metadata, self->fd);
}

/*
 * close(-1): the origin is the deepest watched function that failed. The
 * function below sys_close that finds the descriptor is close_fd() (int)
 * on 6.1, file_close_fd() (a file pointer, NULL here) on 6.12.
 */
TEST_F(provium, errno_origin_of_a_call)
{
	struct provium_errno_result *res = (void *)result_room;
	uint64_t sys = ksym("__x64_sys_close", NULL);
	uint64_t by_int = ksym("close_fd", NULL), by_ptr = ksym("file_close_fd", NULL);
	struct provium_call *c;
	struct arm w;
	uint32_t n = 0;

	SKIP_IF_NO_ERRNO();
	ASSERT_NE((uint64_t)0, sys);
	/* nothing asked yet on this file */
	EXPECT_EQ(-1, errno_result(self->fd, res, sizeof(result_room)));
	EXPECT_EQ(ENOENT, errno);
	arm_init(&w, 3);
	arm_func(&w, n++, "__x64_sys_close", sys, PROVIUM_RET_LONG);
	if (by_int)
		arm_func(&w, n++, "close_fd", by_int, PROVIUM_RET_INT);
	if (by_ptr)
		arm_func(&w, n++, "file_close_fd", by_ptr, PROVIUM_RET_PTR);
	ASSERT_EQ(0, errno_arm(self->fd, arm_done(&w))) TH_LOG("%s", strerror(errno));

	c = plain_call(blob, 3);	/* close */
	c->args[0] = (uint64_t)-1;
	c->flags = PROVIUM_CALL_ERRNO;
	ASSERT_EQ(0, pcall(self->fd, c));
	EXPECT_EQ(-EBADF, c->ret);
	ASSERT_EQ(0, errno_result(self->fd, res, sizeof(result_room)));
	EXPECT_NE(0U, res->flags & PROVIUM_ERRNO_ORIGIN) TH_LOG("flags %#x", res->flags);
	EXPECT_EQ(2U, res->nchain);
	EXPECT_STREQ("__x64_sys_close", result_str(res, 0));
	/* the inner one failed first: it is the origin, sys_close only passed it on */
	if (!strcmp(result_str(res, 1), "close_fd")) {
		EXPECT_EQ(-EBADF, res->ret);
	} else {
		EXPECT_STREQ("file_close_fd", result_str(res, 1));	/* NULL: ret 0 */
	}
	/* the stack starts at the origin, and says where its caller was */
	EXPECT_LE(2U, res->nstack);
	EXPECT_STREQ(result_str(res, 1), result_str(res, res->nchain));
	EXPECT_EQ(0, strncmp(result_str(res, res->nchain + 1), "__x64_sys_close+0x", 18))
		TH_LOG("stack[1] %s", result_str(res, res->nchain + 1));
	EXPECT_EQ(res->size, sizeof(*res) + (uint32_t)(result_str(res, res->nchain +
		  res->nstack) - (const char *)(res + 1)));

	/* a call that succeeds has no origin, only counts */
	c = plain_call(blob, NR_getpid);
	c->flags = PROVIUM_CALL_ERRNO;
	ASSERT_EQ(0, pcall(self->fd, c));
	ASSERT_EQ(0, errno_result(self->fd, res, sizeof(result_room)));
	EXPECT_EQ(0U, res->flags & PROVIUM_ERRNO_ORIGIN);
	EXPECT_EQ(0U, res->nchain);

	/* too little room: the header says so, nothing past the room is written */
	c = plain_call(blob, 3);
	c->args[0] = (uint64_t)-1;
	c->flags = PROVIUM_CALL_ERRNO;
	ASSERT_EQ(0, pcall(self->fd, c));
	memset(result_room, 0xa5, sizeof(result_room));
	res->size = sizeof(*res) + 4;
	res->version = PROVIUM_UAPI_VERSION;
	ASSERT_EQ(0, ioctl(self->fd, PROVIUM_IOC_ERRNO_RESULT, res));
	EXPECT_NE(0U, res->flags & PROVIUM_ERRNO_TRUNCATED);
	EXPECT_EQ(sizeof(*res) + 4, res->size);
	EXPECT_EQ(0xa5, ((uint8_t *)(res + 1))[4]);
	res->size = sizeof(*res) - 1;
	EXPECT_EQ(-1, ioctl(self->fd, PROVIUM_IOC_ERRNO_RESULT, res));
	EXPECT_EQ(EINVAL, errno);
	EXPECT_EQ(0, errno_disarm(self->fd));

	/* asked with nothing armed */
	c = plain_call(blob, NR_getpid);
	c->flags = PROVIUM_CALL_ERRNO;
	ASSERT_EQ(0, pcall(self->fd, c));
	ASSERT_EQ(0, errno_result(self->fd, res, sizeof(result_room)));
	EXPECT_NE(0U, res->flags & PROVIUM_ERRNO_UNARMED);
	expect_healthy(_metadata, self->fd);
}

/* What one open file armed, another cannot replace; closing it disarms. */
TEST_F(provium, errno_armed_set_belongs_to_its_file)
{
	uint64_t sys = ksym("__x64_sys_close", NULL);
	int other = open(PROVIUM_DEVICE, O_RDWR | O_CLOEXEC);
	struct arm w;

	SKIP_IF_NO_ERRNO();
	ASSERT_LE(0, other);
	arm_init(&w, 1);
	arm_func(&w, 0, "__x64_sys_close", sys, PROVIUM_RET_LONG);
	ASSERT_EQ(0, errno_arm(other, arm_done(&w))) TH_LOG("%s", strerror(errno));
	EXPECT_EQ(-1, errno_arm(self->fd, arm_done(&w)));
	EXPECT_EQ(EBUSY, errno);
	EXPECT_EQ(-1, errno_disarm(self->fd));
	EXPECT_EQ(EBUSY, errno);
	close(other);
	EXPECT_EQ(0, errno_arm(self->fd, arm_done(&w))) TH_LOG("%s", strerror(errno));
	EXPECT_EQ(0, errno_disarm(self->fd));
	expect_healthy(_metadata, self->fd);
}

struct traced_read {
	int fd, from;
	uint8_t mem[4096] __attribute__((aligned(8)));
	struct provium_call *c;
	_Atomic pid_t tid;
	int err;
};

static void *traced_read(void *arg)
{
	struct traced_read *r = arg;
	struct desc d;

	r->c = desc_init(&d, r->mem, NR_read, 1, 0);
	r->c->args[0] = r->from;
	r->c->args[2] = 16;
	r->c->flags = PROVIUM_CALL_ERRNO;
	desc_buf(&d, 1, PROVIUM_BUF_OUT, NULL, 16);
	atomic_store(&r->tid, (pid_t)syscall(SYS_gettid));
	r->err = pcall(r->fd, r->c) ? errno : 0;
	return NULL;
}

/*
 * A call blocked inside watched functions (read of an empty pipe) while
 * the watch is disarmed: their returns are not followed any more, the call
 * finishes normally and its outcome says the watch went away.
 */
TEST_F(provium, errno_disarm_while_a_call_runs)
{
	static const char *const names[] = {
		"__x64_sys_read", "ksys_read", "vfs_read", "pipe_read",
	};
	struct provium_errno_result *res = (void *)result_room;
	struct traced_read r;
	struct arm w;
	uint32_t i, n = 0;
	pthread_t t;
	pid_t tid;
	int pfd[2];

	SKIP_IF_NO_ERRNO();
	arm_init(&w, ARRAY_SIZE(names));
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		uint64_t addr = ksym(names[i], NULL);

		if (addr)
			arm_func(&w, n++, names[i], addr, PROVIUM_RET_LONG);
	}
	ASSERT_LE(2U, n);
	ASSERT_EQ(0, errno_arm(self->fd, arm_done(&w))) TH_LOG("%s", strerror(errno));
	ASSERT_EQ(0, pipe(pfd));
	memset(&r, 0, sizeof(r));
	r.fd = self->fd;
	r.from = pfd[0];
	atomic_init(&r.tid, 0);
	ASSERT_EQ(0, pthread_create(&t, NULL, traced_read, &r));
	while (!(tid = atomic_load(&r.tid)))
		sched_yield();
	ASSERT_EQ(0, wait_blocked_in(tid, "pipe_read"));

	/* its watched frames are hooked now: take the watch away under them */
	EXPECT_EQ(0, errno_disarm(self->fd)) TH_LOG("%s", strerror(errno));
	ASSERT_EQ(16, write(pfd[1], "0123456789abcdef", 16));
	ASSERT_EQ(0, pthread_join(t, NULL));
	EXPECT_EQ(0, r.err) TH_LOG("%s", strerror(r.err));
	EXPECT_EQ(16, r.c->ret);
	/* the thread's file is this one: its outcome is here */
	ASSERT_EQ(0, errno_result(self->fd, res, sizeof(result_room)));
	EXPECT_NE(0U, res->flags & PROVIUM_ERRNO_REPLACED) TH_LOG("flags %#x", res->flags);
	EXPECT_EQ(0U, res->flags & PROVIUM_ERRNO_ORIGIN);
	close(pfd[0]);
	close(pfd[1]);
	expect_healthy(_metadata, self->fd);
}

/* ---- last: the kernel log since the program started ---- */

FIXTURE(kernel_log) {
};

FIXTURE_SETUP(kernel_log)
{
}

FIXTURE_TEARDOWN(kernel_log)
{
}

TEST_F(kernel_log, no_warning_bug_or_oops)
{
	static const char *const bad[] = {
		"WARNING:", "BUG:", "general protection", "Oops",
	};
	static char rec[8192];
	int found = 0;
	size_t i;

	if (kmsg_fd < 0)
		SKIP(return, "cannot read /dev/kmsg: %s", strerror(kmsg_errno));
	for (;;) {
		ssize_t n = read(kmsg_fd, rec, sizeof(rec) - 1);

		if (n < 0 && errno == EPIPE)	/* records overwritten */
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		ASSERT_LE(0, n) TH_LOG("read /dev/kmsg: %s", strerror(errno));
		if (n == 0)
			break;
		while (n > 0 && rec[n - 1] == '\n')
			n--;
		rec[n] = '\0';
		for (i = 0; i < ARRAY_SIZE(bad); i++) {
			if (strstr(rec, bad[i])) {
				TH_LOG("kernel log: %s", rec);
				found++;
				break;
			}
		}
	}
	EXPECT_EQ(0, found);
}

TEST_HARNESS_MAIN
