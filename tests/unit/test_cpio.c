/* test_cpio.c - host/cpio.c: newc archives parsed back field by field */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../host/cpio.h"
#include "../../host/util.h"
#include "unit.h"

/* newc header fields, in order after the "070701" magic */
enum { INO, MODE, UID, GID, NLINK, MTIME, FILESIZE, DEVMAJOR, DEVMINOR,
       RDEVMAJOR, RDEVMINOR, NAMESIZE, CHECKSUM, NFIELDS };

/* file types by their newc (octal) values, not the host's S_IF* */
#define T_DIR  0040000
#define T_REG  0100000
#define T_LNK  0120000
#define T_CHR  0020000

struct entry {
  unsigned long f[NFIELDS];
  const char *name;
  const uint8_t *data;
};

#define MAXENT  32

struct archive {
  int n;  /* entries before the trailer */
  struct entry e[MAXENT];
};


static int zeros (const uint8_t *p, size_t n) {
  while (n--)
    if (*p++)
      return 0;
  return 1;
}


/* one 8-digit hex field; -1 if it is not one */
static long hex8 (const uint8_t *p) {
  char s[9];
  int i;
  for (i = 0; i < 8; i++) {
    if (!isxdigit(p[i]))
      return -1;
    s[i] = (char)p[i];
  }
  s[8] = '\0';
  return strtol(s, NULL, 16);
}


/* Parse the entry at *pos, checking framing and padding; 0 on error. */
static int next_entry (const uint8_t *a, size_t len, size_t *pos,
                       struct entry *e) {
  size_t at = *pos, name_end, data_end;
  int i;
  if (!CHECK_EQ_INT(at % 4, 0) || !CHECK(at + 110 <= len) ||
      !CHECK_MEM(a + at, "070701", 6))
    return 0;
  for (i = 0; i < NFIELDS; i++) {
    long v = hex8(a + at + 6 + 8 * i);
    if (!CHECK(v >= 0))
      return 0;
    e->f[i] = (unsigned long)v;
  }
  name_end = at + 110 + e->f[NAMESIZE];
  if (!CHECK(e->f[NAMESIZE] > 0) || !CHECK(name_end <= len))
    return 0;
  e->name = (const char *)a + at + 110;
  /* NUL-terminated, and only there */
  if (!CHECK_EQ_INT(strnlen(e->name, e->f[NAMESIZE]), e->f[NAMESIZE] - 1))
    return 0;
  /* header + name padded to 4 with zeros */
  if (!CHECK(zeros(a + name_end, (4 - name_end % 4) % 4)))
    return 0;
  name_end += (4 - name_end % 4) % 4;
  data_end = name_end + e->f[FILESIZE];
  if (!CHECK(data_end <= len))
    return 0;
  e->data = a + name_end;
  if (!CHECK(zeros(a + data_end, (4 - data_end % 4) % 4)))
    return 0;
  *pos = data_end + (4 - data_end % 4) % 4;
  return 1;
}


/* Parse a whole archive up to TRAILER!!! and its 512-byte padding. */
static int parse (const struct cpio *c, struct archive *ar) {
  size_t pos = 0;
  struct entry e;
  ar->n = 0;
  if (!CHECK(c->len > 0) || !CHECK_EQ_INT(c->len % 512, 0))
    return 0;
  for (;;) {
    if (!next_entry(c->data, c->len, &pos, &e))
      return 0;
    if (strcmp(e.name, "TRAILER!!!") == 0)
      break;
    if (!CHECK(ar->n < MAXENT))
      return 0;
    ar->e[ar->n++] = e;
  }
  CHECK_EQ_INT(e.f[FILESIZE], 0);
  CHECK(zeros(c->data + pos, c->len - pos));
  CHECK(c->len - pos < 512);  /* no more padding than needed */
  return 1;
}


/* the fields every entry shares */
static void common (const struct entry *e) {
  CHECK_EQ_INT(e->f[UID], 0);
  CHECK_EQ_INT(e->f[GID], 0);
  CHECK(e->f[NLINK] >= 1);
  CHECK_EQ_INT(e->f[DEVMAJOR], 0);
  CHECK_EQ_INT(e->f[DEVMINOR], 0);
  CHECK_EQ_INT(e->f[CHECKSUM], 0);
  CHECK_EQ_INT(e->f[NAMESIZE], strlen(e->name) + 1);
}


static void build_sample (struct cpio *c) {
  cpio_init(c);
  cpio_dir(c, "dev", 0755);
  cpio_dir(c, "etc", 0700);
  cpio_file(c, "etc/hello", 0644, "hello world\n", 12);
  cpio_file(c, "init", 0755, "#!/bin/sh\n", 10);
  cpio_file(c, "etc/empty", 0600, NULL, 0);
  cpio_symlink(c, "bin/sh", "busybox");
  cpio_chardev(c, "dev/console", 0600, 5, 1);
  cpio_chardev(c, "dev/null", 0666, 1, 3);
  cpio_finish(c);
}


static void entries (void) {
  static const struct {
    const char *name;
    unsigned long mode, rmaj, rmin;
    const char *data;
  } want[] = {
    { "dev", T_DIR | 0755, 0, 0, "" },
    { "etc", T_DIR | 0700, 0, 0, "" },
    { "etc/hello", T_REG | 0644, 0, 0, "hello world\n" },
    { "init", T_REG | 0755, 0, 0, "#!/bin/sh\n" },
    { "etc/empty", T_REG | 0600, 0, 0, "" },
    { "bin/sh", T_LNK | 0777, 0, 0, "busybox" },
    { "dev/console", T_CHR | 0600, 5, 1, "" },
    { "dev/null", T_CHR | 0666, 1, 3, "" },
  };
  struct cpio c;
  struct archive ar;
  int i, j;
  build_sample(&c);
  if (!parse(&c, &ar) || !CHECK_EQ_INT(ar.n, 8))
    goto done;
  for (i = 0; i < ar.n; i++) {
    const struct entry *e = &ar.e[i];
    CHECK_STR(e->name, want[i].name);
    CHECK_EQ_INT(e->f[MODE], want[i].mode);
    CHECK_EQ_INT(e->f[FILESIZE], strlen(want[i].data));
    CHECK_MEM(e->data, want[i].data, strlen(want[i].data));
    CHECK_EQ_INT(e->f[RDEVMAJOR], want[i].rmaj);
    CHECK_EQ_INT(e->f[RDEVMINOR], want[i].rmin);
    common(e);
    CHECK(e->f[INO] != 0);
    for (j = 0; j < i; j++)
      CHECK(e->f[INO] != ar.e[j].f[INO]);
  }
done:
  cpio_free(&c);
  CHECK(c.data == NULL && c.len == 0);
}


static void empty_archive (void) {
  struct cpio c;
  struct archive ar;
  cpio_init(&c);
  cpio_finish(&c);
  CHECK_EQ_INT(c.len, 512);
  if (parse(&c, &ar))
    CHECK_EQ_INT(ar.n, 0);
  cpio_free(&c);
}


/* every name and data length modulo 4 pads correctly */
static void padding (void) {
  static const char letters[] = "abcdefghijklmnopqrstuvwxyz";
  struct cpio c;
  struct archive ar;
  char name[16];
  uint8_t data[16];
  int nl, dl, k = 0;
  for (nl = 1; nl <= 9; nl++) {
    cpio_init(&c);
    for (dl = 0; dl <= 9; dl++) {
      memcpy(name, letters, nl);
      name[nl] = '\0';
      memset(data, 'A' + dl, dl);
      cpio_file(&c, name, 0644, data, dl);
    }
    cpio_finish(&c);
    if (parse(&c, &ar) && CHECK_EQ_INT(ar.n, 10))
      for (dl = 0; dl <= 9; dl++, k++) {
        CHECK_EQ_INT(ar.e[dl].f[NAMESIZE], nl + 1);
        CHECK_EQ_INT(ar.e[dl].f[FILESIZE], dl);
        memset(data, 'A' + dl, dl);
        CHECK_MEM(ar.e[dl].data, data, dl);
      }
    cpio_free(&c);
  }
  CHECK_EQ_INT(k, 90);
}


/* a file larger than the initial 64 KiB buffer */
static void large_file (void) {
  size_t n = 300001, i;
  uint8_t *d = malloc(n);
  struct cpio c;
  struct archive ar;
  for (i = 0; i < n; i++)
    d[i] = (uint8_t)(i * 7 + (i >> 9));
  cpio_init(&c);
  cpio_dir(&c, "big", 0755);
  cpio_file(&c, "big/file", 0600, d, n);
  cpio_finish(&c);
  if (parse(&c, &ar) && CHECK_EQ_INT(ar.n, 2)) {
    CHECK_EQ_INT(ar.e[1].f[FILESIZE], n);
    CHECK_MEM(ar.e[1].data, d, n);
  }
  cpio_free(&c);
  free(d);
}


/* @path under @root reads back as @n bytes of @want */
static void same_file (const char *root, const char *path, const void *want,
                       size_t n) {
  char full[600];
  size_t got_n = 0;
  uint8_t *got;
  snprintf(full, sizeof(full), "%s/%s", root, path);
  got = read_whole_file(full, &got_n);
  if (!unit_check(got != NULL, UNIT_AT, "cannot read extracted %s", path))
    return;
  CHECK_EQ_INT(got_n, n);
  if (got_n == n)
    CHECK_MEM(got, want, n);
  free(got);
}


/* the system's cpio extracts what we wrote */
static void cpio_tool (void) {
  static const uint8_t bin[37] = "\x7f" "ELF\0\1\2 binary-ish \0 bytes\xff\xfe";
  char root[520], path[600], cmd[1300], link[64];
  struct archive ar;
  struct stat st;
  const char *dir;
  struct cpio c;
  ssize_t n;
  cpio_init(&c);
  cpio_dir(&c, "etc", 0755);
  cpio_file(&c, "etc/hello", 0644, "hello world\n", 12);
  cpio_file(&c, "etc/empty", 0600, NULL, 0);
  cpio_file(&c, "init", 0755, bin, sizeof(bin));
  cpio_dir(&c, "usr", 0755);
  cpio_dir(&c, "usr/bin", 0755);
  cpio_symlink(&c, "usr/bin/sh", "../../init");
  cpio_finish(&c);
  if (!parse(&c, &ar) || !CHECK_EQ_INT(ar.n, 7))
    goto done;
  if (access("/usr/bin/cpio", X_OK) != 0) {
    unit_note("skip: /usr/bin/cpio absent, extraction not compared");
    goto done;
  }
  dir = unit_tmpdir();
  if (!CHECK(dir != NULL))
    goto done;
  snprintf(path, sizeof(path), "%s/initrd.cpio", dir);
  snprintf(root, sizeof(root), "%s/root", dir);
  if (!CHECK_EQ_INT(write_whole_file(path, c.data, c.len), 0) ||
      !CHECK_EQ_INT(mkdir(root, 0700), 0))
    goto done;
  snprintf(cmd, sizeof(cmd), "cd '%s' && /usr/bin/cpio -idm "
           "--no-absolute-filenames < '%s' 2>/dev/null", root, path);
  if (!CHECK_EQ_INT(system(cmd), 0))
    goto done;
  same_file(root, "etc/hello", "hello world\n", 12);
  same_file(root, "etc/empty", "", 0);
  same_file(root, "init", bin, sizeof(bin));
  same_file(root, "usr/bin/sh", bin, sizeof(bin));  /* through the link */
  snprintf(path, sizeof(path), "%s/usr/bin/sh", root);
  n = readlink(path, link, sizeof(link) - 1);
  if (CHECK(n > 0)) {
    link[n] = '\0';
    CHECK_STR(link, "../../init");
  }
  snprintf(path, sizeof(path), "%s/init", root);
  if (CHECK_EQ_INT(stat(path, &st), 0)) {
    CHECK(S_ISREG(st.st_mode));
    CHECK(st.st_mode & S_IXUSR);
  }
  snprintf(path, sizeof(path), "%s/usr/bin", root);
  CHECK(stat(path, &st) == 0 && S_ISDIR(st.st_mode));
done:
  cpio_free(&c);
}


static const struct unit_case cases[] = {
  { "dir, file, symlink, chardev fields", entries },
  { "empty archive is one trailer block", empty_archive },
  { "name and data padding", padding },
  { "file larger than the initial buffer", large_file },
  { "extraction by the cpio tool", cpio_tool },
  { NULL, NULL }
};

const struct unit_suite unit_cpio = { "cpio", cases };
