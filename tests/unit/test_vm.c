/* test_vm.c - host/vm.c: the format of a disk image */
#include <stdio.h>
#include <stdlib.h>

#include "../../host/vm.h"
#include "unit.h"

static char *image (const char *name, const char *head, size_t len) {
  char *path = xasprintf("%s/%s", unit_tmpdir(), name);
  FILE *f = fopen(path, "wb");
  fwrite(head, 1, len, f);
  fclose(f);
  return path;
}


static void format_explicit (void) {
  char *raw = image("disk.img", "\0\0\0\0data", 8);
  char *q = image("disk.bin", "QFI\xfb\0\0\0\3", 8);
  struct error e;
  CHECK_STR(vm_disk_format(raw, "raw", &e), "raw");
  CHECK_STR(vm_disk_format(q, "qcow2", &e), "qcow2");
  /* asked for raw, a qcow2 file is the author's choice: QEMU sees raw */
  CHECK_STR(vm_disk_format(q, "raw", &e), "raw");
  free(raw);
  free(q);
}


static void format_guessed (void) {
  char *raw = image("disk.img", "\0\0\0\0", 4);
  char *q = image("data.qcow2", "QFI\xfb\0\0\0\3", 8);
  struct error e;
  CHECK_STR(vm_disk_format(raw, NULL, &e), "raw");
  CHECK_STR(vm_disk_format(q, NULL, &e), "qcow2");
  free(raw);
  free(q);
}


static void format_errors (void) {
  char *raw = image("plain.qcow2", "\0\0\0\0", 4);
  char *tiny = image("tiny", "QF", 2);
  struct error e;
  CHECK(vm_disk_format(raw, "vmdk", &e) == NULL);
  CHECK_HAS(e.msg, "format 'vmdk': want \"raw\" or \"qcow2\"");
  CHECK(vm_disk_format(raw, "qcow2", &e) == NULL);
  CHECK_HAS(e.msg, "is not a qcow2 image (format = \"qcow2\"");
  CHECK(vm_disk_format(raw, NULL, &e) == NULL);  /* named .qcow2, but raw */
  CHECK_HAS(e.msg, "its name says .qcow2");
  CHECK(vm_disk_format(tiny, "qcow2", &e) == NULL);
  free(raw);
  free(tiny);
}


static const struct unit_case cases[] = {
  { "disk format given", format_explicit },
  { "disk format from the name", format_guessed },
  { "disk format errors", format_errors },
  { NULL, NULL }
};

const struct unit_suite unit_vm = { "vm", cases };
