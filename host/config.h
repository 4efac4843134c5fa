/*
 * config.h - provium.toml: named VM profiles, found by walking up from the
 * running script's directory, then from the working directory. No file
 * means the built-in "default" profile.
 */
#ifndef PROVIUM_CONFIG_H
#define PROVIUM_CONFIG_H

#include "vm.h"

/* Resolve profile @name from @config (NULL: the provium.toml in force). */
int config_profile(const char *name, const char *config, struct vm_config *cfg,
		   struct error *e);
/*
 * The profile provium.create() with no name uses: $PROVIUM_PROFILE (what
 * 'provium test/run --profile NAME' set), else "default".
 */
const char *config_default_profile(void);
/* Only the kernel profile @name boots (no module is built). */
int config_profile_kernel(const char *name, const char *config, struct kernel *k,
			  struct error *e);
/*
 * The provium.toml in force: PROVIUM_CONFIG, else the nearest one walking up
 * from the script's directory, else from the working directory; -1 if none.
 */
int config_find(char *out, size_t len);
/* The script being run (provium run / test): where config_find starts. */
void config_set_script(const char *path);
/* "512M", "2G" or a number of MiB -> MiB, -1 if invalid (64M..64G). */
long config_parse_memory(const char *s);

#endif
