/*
 * accel.c - KVM or TCG. /dev/kvm existing proves nothing (some hosts hang
 * or fail on an MSR), so a real boot is tried once with a short deadline
 * and the verdict cached per kernel and QEMU binary.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vm.h"

#define PROBE_TIMEOUT_MS 15000
/* a working KVM guest prints its first line within milliseconds */
#define PROBE_SILENCE_MS 3000

static void cache_path(const struct vm_config *cfg, char *out, size_t len)
{
	uint64_t h = hash_file_meta(HASH_INIT, cfg->kernel.image);

	h = hash_file_meta(h, "/usr/bin/qemu-system-x86_64");
	h = hash_file_meta(h, "/dev/kvm");
	snprintf(out, len, "%s/accel-%016llx", cache_dir(), (unsigned long long)h);
}

const char *accel_choose(const struct vm_config *cfg, char *why, size_t whylen)
{
	const char *forced = getenv("PROVIUM_ACCEL");
	char path[600], verdict[16] = "";
	struct vm_config probe;
	struct error e;
	struct vm vm;
	size_t len;
	uint8_t *d;
	int fd;

	if (forced && (!strcmp(forced, "kvm") || !strcmp(forced, "tcg"))) {
		snprintf(why, whylen, "PROVIUM_ACCEL=%s", forced);
		return !strcmp(forced, "kvm") ? "kvm" : "tcg";
	}
	fd = open("/dev/kvm", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		snprintf(why, whylen, "/dev/kvm not usable");
		return "tcg";
	}
	close(fd);
	cache_path(cfg, path, sizeof(path));
	d = read_whole_file(path, &len);
	if (d) {
		snprintf(verdict, sizeof(verdict), "%s", (char *)d);
		free(d);
		if (!strcmp(verdict, "kvm") || !strcmp(verdict, "tcg")) {
			snprintf(why, whylen, "cached probe verdict in %s", path);
			return !strcmp(verdict, "kvm") ? "kvm" : "tcg";
		}
	}

	probe = *cfg;
	probe.accel = "kvm";
	probe.boot_timeout_ms = PROBE_TIMEOUT_MS;
	probe.probe_silence_ms = PROBE_SILENCE_MS;
	if (vm_boot(&vm, &probe, &e) == 0) {
		vm_kill(&vm);
		snprintf(verdict, sizeof(verdict), "kvm");
		snprintf(why, whylen, "KVM boot probe succeeded");
	} else {
		char *nl = strchr(e.msg, '\n');

		if (nl)
			*nl = '\0';
		snprintf(verdict, sizeof(verdict), "tcg");
		snprintf(why, whylen, "KVM boot probe failed: %.200s", e.msg);
	}
	write_whole_file(path, verdict, strlen(verdict));
	return !strcmp(verdict, "kvm") ? "kvm" : "tcg";
}
