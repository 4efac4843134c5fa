/*
 * util.h - small helpers shared by the host: errors with context, memory,
 * files, paths, hashing, time.
 */
#ifndef PROVIUM_UTIL_H
#define PROVIUM_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* An error message carried up to the user: what failed and what to do. */
struct error {
	char msg[2048];
};

int errorf(struct error *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

extern int verbose;
/* set by SIGINT/SIGTERM: blocking waits give up with "interrupted" */
#include <signal.h>
extern volatile sig_atomic_t provium_interrupted;
void logv(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/*
 * Quoting for what reaches QEMU or a shell; both return a new string.
 * qemu_opt_escape: a value inside an option list ("file=a,,b": commas doubled).
 * shell_quote: one single-quoted shell word ('it'\''s').
 */
char *qemu_opt_escape(const char *s);
char *shell_quote(const char *s);
/* The inside of a JSON string (quotes, backslashes, control characters). */
char *json_escape(const char *s);
/* Append to the malloc'd string *@s (NULL = empty). */
void xappendf(char **s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Whole-file helpers; read_file returns NULL with errno set. */
uint8_t *read_whole_file(const char *path, size_t *len);
int write_whole_file(const char *path, const void *data, size_t len);
int mkdir_p(const char *path, mode_t mode);
int rm_rf(const char *path);

/* Cache directory ($PROVIUM_CACHE, $XDG_CACHE_HOME/provium, ~/.cache/provium). */
const char *cache_dir(void);
/* Where lua/, kmod/ and examples/ are (layout.c: a source tree or an install). */
const char *provium_home(void);

/* FNV-1a 64, enough to key caches. */
uint64_t hash_bytes(uint64_t h, const void *p, size_t n);
uint64_t hash_str(uint64_t h, const char *s);
uint64_t hash_file_meta(uint64_t h, const char *path);	/* path, size, mtime */
#define HASH_INIT 0xcbf29ce484222325ull

uint64_t mono_ns(void);
/* Copy @src into @dst of @len bytes; -1 (and an empty @dst) if it does not fit. */
int copy_str(char *dst, size_t len, const char *src);

/* Run argv, stdout to @out_fd (or -1 for /dev/null); returns exit status or -1. */
int run_command(char *const argv[], int out_fd);
/* The same with stdin from @in_fd and stderr to @err_fd (-1: /dev/null, stderr with -v). */
int run_command_io(char *const argv[], int in_fd, int out_fd, int err_fd);

#endif
