/*
 * config.c - resolve a profile name to a VM configuration.
 */
#include <string.h>

#include "config.h"

int config_profile(const char *name, struct vm_config *cfg, struct error *e)
{
	if (strcmp(name, "default"))
		return errorf(e, "no profile '%s' (only 'default' exists without provium.toml)",
			      name);
	return vm_config_default(cfg, e);
}
