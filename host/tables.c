/*
 * tables.c - provium.nr and provium.errno for the kernel a run boots:
 * generated once from its build tree's headers (tools/gen-tables.sh) into
 * <cache>/tables-<key>/, so a script sees the numbers of the kernel it
 * tests, not only those of the default kernel 'make' saw.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "tables.h"

int tables_for_kernel(const struct kernel *k, char *out, size_t len)
{
	char real[PATH_MAX], *unistd, *script, *nr;
	uint64_t h;
	int rc = 0;

	if (!k->kbuild[0] || !realpath(k->kbuild, real))
		return -1;
	unistd = xasprintf("%s/arch/x86/include/generated/uapi/asm/unistd_64.h", real);
	script = xasprintf("%s/tools/gen-tables.sh", provium_home());
	if (access(unistd, R_OK) || access(script, R_OK)) {
		rc = -1;
		goto out;
	}
	h = hash_file_meta(hash_file_meta(hash_str(HASH_INIT, real), unistd), script);
	if (snprintf(out, len, "%s/tables-%016llx", cache_dir(), (unsigned long long)h) >= (int)len) {
		rc = -1;
		goto out;
	}
	nr = xasprintf("%s/nr.lua", out);
	if (access(nr, R_OK)) {
		char *argv[] = { "sh", script, real, out, NULL };

		logv("syscall and errno tables from %s", real);
		/* gen-tables.sh writes each table whole, then renames it */
		rc = run_command(argv, -1) == 0 && access(nr, R_OK) == 0 ? 0 : -1;
	}
	free(nr);
out:
	free(unistd);
	free(script);
	return rc;
}

int tables_for_run(char *out, size_t len)
{
	struct kernel k;
	struct error ignored;

	if (config_profile_kernel(config_default_profile(), NULL, &k, &ignored))
		return -1;
	return tables_for_kernel(&k, out, len);
}
