/*
** test_kmsg.c - agent/kmsg.c, the agent's /dev/kmsg reader, against a
** fake device: records as long as the kernel formats them
** (CONSOLE_EXT_LOG_MAX, 8 KiB) and, like kernels before 5.10, a read too
** small for a record failing with EINVAL without moving past it. The guest
** kernel (6.1) formats at most ~4 KiB per record and moves on, so only a
** fake shows a reader that would stall. read and lseek are wrapped at link
** time (-Wl,--wrap); every other fd goes to the real calls.
*/
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <unistd.h>

#include "../../agent/agent.h"
#include "unit.h"

#define FAKE_FD  4242  /* never open in this process */
#define MAXREC   8

static struct {
  char recs[MAXREC][10000];
  size_t lens[MAXREC];
  int n, next;
} fake;

ssize_t __real_read (int fd, void *buf, size_t count);
off_t __real_lseek (int fd, off_t off, int whence);

ssize_t __wrap_read (int fd, void *buf, size_t count) {
  if (fd != FAKE_FD)
    return __real_read(fd, buf, count);
  if (fake.next == fake.n) {
    errno = EAGAIN;
    return -1;
  }
  if (count < fake.lens[fake.next]) {
    errno = EINVAL;  /* and the record stays next */
    return -1;
  }
  memcpy(buf, fake.recs[fake.next], fake.lens[fake.next]);
  return (ssize_t)fake.lens[fake.next++];
}


off_t __wrap_lseek (int fd, off_t off, int whence) {
  if (fd != FAKE_FD)
    return __real_lseek(fd, off, whence);
  if (whence == SEEK_END)
    fake.next = fake.n;
  return 0;
}


/* agent/main.c's, which the unit binary does not link */
void agent_log (const char *fmt, ...) {
  (void)fmt;
}


/* Append a record whose formatted form is @total bytes, text @text padded. */
static void add_record (const char *text, size_t total) {
  char *r = fake.recs[fake.n];
  int head = snprintf(r, sizeof(fake.recs[0]), "6,%d,1000,-;%s", fake.n, text);
  memset(r + head, 'x', total - head - 1);
  r[total - 1] = '\n';
  fake.lens[fake.n++] = total;
}


static void reset (void) {
  memset(&fake, 0, sizeof(fake));
}


/* The reader's buffer, as the agent's callers size it. */
static char rec[KMSG_RECORD_MAX + 1];


static void largest_record (void) {
  size_t len;
  const char *msg;
  reset();
  add_record("long ", KMSG_RECORD_MAX);
  add_record("WARNING: CPU: 0 PID: 1 at ksample_ioctl", 60);
  msg = kmsg_next(FAKE_FD, rec, sizeof(rec), &len);
  if (!CHECK(msg != NULL))
    return;
  CHECK(strncmp(msg, "long xxx", 8) == 0);
  CHECK_EQ_INT(len, KMSG_RECORD_MAX - strlen("6,0,1000,-;") - 1);
  msg = kmsg_next(FAKE_FD, rec, sizeof(rec), &len);
  if (CHECK(msg != NULL))
    CHECK(strncmp(msg, "WARNING: CPU: 0 PID: 1 at ksample_ioctl", 39) == 0);
  CHECK(kmsg_next(FAKE_FD, rec, sizeof(rec), &len) == NULL);
}


static void oversized_record (void) {
  size_t len;
  const char *msg;
  reset();
  add_record("too long ", sizeof(fake.recs[0]));
  add_record("lost with it", 40);
  /* no stall and no spinning: it gives up on what is there now */
  CHECK(kmsg_next(FAKE_FD, rec, sizeof(rec), &len) == NULL);
  add_record("BUG: after it", 40);
  msg = kmsg_next(FAKE_FD, rec, sizeof(rec), &len);
  if (CHECK(msg != NULL))
    CHECK(strncmp(msg, "BUG: after it", 13) == 0);
}


static const struct unit_case cases[] = {
  { "a record of the largest formatted size", largest_record },
  { "a record larger than that is skipped", oversized_record },
  { NULL, NULL }
};

const struct unit_suite unit_kmsg = { "kmsg", cases };
