/*
** unit.h - a tiny test harness: checks that record failures, suites of
** cases, one "ok N - suite: name" line per case.
*/
#ifndef UNIT_H
#define UNIT_H

#include <inttypes.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct unit_case {
  const char *name;
  void (*fn) (void);
};

struct unit_suite {
  const char *name;
  const struct unit_case *cases;  /* ends with { NULL, NULL } */
};

/* Record one check; returns @ok so a case can stop early. */
int unit_check (int ok, const char *file, int line, const char *fmt, ...)
  __attribute__((format(printf, 4, 5)));
/* A line printed after the case's result ("skip ...", context). */
void unit_note (const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A fresh temporary directory for the running case, removed after it. */
const char *unit_tmpdir (void);

#define UNIT_AT  __FILE__, __LINE__

#define CHECK(c)  unit_check(!!(c), UNIT_AT, "CHECK(%s)", #c)

#define CHECK_EQ_INT(a, b) ({ \
  intmax_t a_ = (intmax_t)(a), b_ = (intmax_t)(b); \
  unit_check(a_ == b_, UNIT_AT, "CHECK_EQ_INT(%s, %s): %jd != %jd", \
             #a, #b, a_, b_); })

#define CHECK_EQ_U64(a, b) ({ \
  uint64_t a_ = (uint64_t)(a), b_ = (uint64_t)(b); \
  unit_check(a_ == b_, UNIT_AT, "CHECK_EQ_U64(%s, %s): 0x%" PRIx64 \
             " != 0x%" PRIx64, #a, #b, a_, b_); })

#define CHECK_STR(a, b) ({ \
  const char *a_ = (a), *b_ = (b); \
  unit_check(a_ && b_ ? strcmp(a_, b_) == 0 : a_ == b_, UNIT_AT, \
             "CHECK_STR(%s, %s): \"%s\" != \"%s\"", #a, #b, \
             a_ ? a_ : "(null)", b_ ? b_ : "(null)"); })

/* @hay contains @needle */
#define CHECK_HAS(hay, needle) ({ \
  const char *h_ = (hay), *n_ = (needle); \
  unit_check(h_ && strstr(h_, n_) != NULL, UNIT_AT, \
             "CHECK_HAS(%s, %s): \"%s\" lacks \"%s\"", #hay, #needle, \
             h_ ? h_ : "(null)", n_); })

#define CHECK_MEM(a, b, n) ({ \
  const uint8_t *a_ = (const uint8_t *)(a), *b_ = (const uint8_t *)(b); \
  size_t n_ = (n), i_ = 0; \
  while (i_ < n_ && a_[i_] == b_[i_]) i_++; \
  unit_check(i_ == n_, UNIT_AT, "CHECK_MEM(%s, %s, %s): byte %zu: " \
             "0x%02x != 0x%02x", #a, #b, #n, i_, \
             i_ < n_ ? a_[i_] : 0, i_ < n_ ? b_[i_] : 0); })

#endif
