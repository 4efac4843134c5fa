#!/bin/sh
# Print the release of the default guest kernel: the newest /boot/vmlinuz-*
# that has a matching /lib/modules/<release>/build (what provium boots).
for f in $(ls /boot/vmlinuz-* 2>/dev/null | sed 's|/boot/vmlinuz-||' | sort -V -r); do
	if [ -d "/lib/modules/$f/build" ]; then
		echo "$f"
		exit 0
	fi
done
exit 1
