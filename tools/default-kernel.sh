#!/bin/sh
# Print the release of the default guest kernel: the newest /boot/vmlinuz-*
# that has a matching /lib/modules/<release>/build (what provium boots;
# under $PROVIUM_SYSROOT if set, as host/kernel.c does).
R=${PROVIUM_SYSROOT:-}
for f in $(ls "$R"/boot/vmlinuz-* 2>/dev/null | sed "s|^$R/boot/vmlinuz-||" | sort -V -r); do
	if [ -d "$R/lib/modules/$f/build" ]; then
		echo "$f"
		exit 0
	fi
done
exit 1
