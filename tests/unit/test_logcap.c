/*
** test_logcap.c - host/logcap.c: a bounded log keeps its first and latest
** bytes and says, at the right place, how many it dropped; offsets into
** everything written map onto the file it left.
*/
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "../../host/logcap.h"
#include "../../host/util.h"
#include "unit.h"

/* byte @i of the stream the tests write: its position, readable */
static char at (uint64_t i) {
  return (char)('a' + i % 26);
}

static void write_stream (struct logcap *l, uint64_t from, uint64_t n, size_t step) {
  char buf[4096];
  while (n) {
    size_t k = n < step ? n : step, i;
    for (i = 0; i < k; i++)
      buf[i] = at(from + i);
    CHECK_EQ_INT(logcap_write(l, buf, k), 0);
    from += k;
    n -= k;
  }
}

static void small_log_is_whole (void) {
  char path[512];
  struct logcap l;
  size_t len;
  uint8_t *d;
  snprintf(path, sizeof(path), "%s/log", unit_tmpdir());
  if (!CHECK_EQ_INT(logcap_open(&l, path, 8192), 0))
    return;
  CHECK_EQ_INT(logcap_write(&l, "hello ", 6), 0);
  CHECK_EQ_INT(logcap_write(&l, "world", 5), 0);
  CHECK_EQ_U64(l.total, 11);
  CHECK_EQ_U64(l.dropped, 0);
  CHECK_EQ_U64(logcap_file_offset(&l, 6), 6);
  logcap_close(&l);
  d = read_whole_file(path, &len);
  CHECK_EQ_INT(len, 11);
  CHECK_MEM(d, "hello world", 11);
  free(d);
  /* reopened, it appends and counts what was there */
  if (CHECK_EQ_INT(logcap_open(&l, path, 8192), 0)) {
    CHECK_EQ_U64(l.total, 11);
    CHECK_EQ_INT(logcap_write(&l, "!", 1), 0);
    logcap_close(&l);
  }
  d = read_whole_file(path, &len);
  CHECK_EQ_INT(len, 12);
  free(d);
}

static void flood_keeps_head_and_tail (void) {
  const uint64_t max = 64 * 1024, n = 10 * 1024 * 1024 + 17;
  char path[512], want[200];
  struct logcap l;
  uint64_t head, tail_start, i, marker_at;
  size_t len;
  uint8_t *d;
  char *nl;
  snprintf(path, sizeof(path), "%s/log", unit_tmpdir());
  if (!CHECK_EQ_INT(logcap_open(&l, path, max), 0))
    return;
  write_stream(&l, 0, n, 1000);
  head = l.head_max;
  CHECK_EQ_U64(head, max / 4);
  CHECK_EQ_U64(l.total, n);
  /* never more than the limit and the marker */
  CHECK(l.size <= max + l.marker_len);
  CHECK(l.size >= head + l.marker_len + l.tail_max);
  logcap_close(&l);
  d = read_whole_file(path, &len);
  if (!CHECK(d != NULL) || !CHECK_EQ_U64(len, l.size))
    return;
  /* the head: the first bytes written */
  for (i = 0; i < head && d[i] == (uint8_t)at(i); i++)
    ;
  CHECK_EQ_U64(i, head);
  /* the marker right after it, with the count of what is missing */
  marker_at = head;
  snprintf(want, sizeof(want), "\n[provium: %" PRIu64 " more bytes dropped here",
           l.dropped);
  CHECK_MEM(d + marker_at, want, strlen(want));
  nl = memchr(d + marker_at + 1, '\n', len - marker_at - 1);
  if (!CHECK(nl != NULL))
    return;
  CHECK_EQ_U64((uint64_t)((uint8_t *)nl + 1 - d), head + l.marker_len);
  /* the tail: the latest bytes, in order, up to the very last */
  tail_start = head + l.dropped;
  CHECK_EQ_U64(tail_start + (len - head - l.marker_len), n);
  for (i = head + l.marker_len; i < len && d[i] == (uint8_t)at(tail_start + i - head -
                                                               l.marker_len); i++)
    ;
  CHECK_EQ_U64(i, len);
  /* offsets of the stream: head as is, dropped at the marker, tail shifted */
  CHECK_EQ_U64(logcap_file_offset(&l, 5), 5);
  CHECK_EQ_U64(logcap_file_offset(&l, head + 1), head);
  CHECK_EQ_U64(logcap_file_offset(&l, n - 1), len - 1);
  CHECK_EQ_U64(logcap_file_offset(&l, n + 100), len);
  free(d);
}

static const struct unit_case cases[] = {
  { "a log under its limit is whole, and appended to", small_log_is_whole },
  { "10 MiB into 64 KiB: head, counted marker, tail", flood_keeps_head_and_tail },
  { NULL, NULL }
};

const struct unit_suite unit_logcap = { "logcap", cases };
