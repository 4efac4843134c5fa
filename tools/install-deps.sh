#!/bin/sh
# Install what Provium needs from Debian's archive, only if missing.
# Safe to run again; needs root (or sudo) the first time.
set -e
# zstd unpacks zstd kernels (Debian 6.12); dwarves' pahole adds BTF to
# modules built against 6.12's headers; e2fsprogs and qemu-utils make the
# disk images the rootfs and disk tests boot; rsync installs the kernel's
# selftests (provium kselftest --build, make kselftests)
PKGS="qemu-system-x86 lua5.4 liblua5.4-dev busybox-static linux-image-amd64
linux-headers-amd64 libnl-3-dev libnl-genl-3-dev pkg-config xz-utils linux-source-6.1
procps cpio zstd dwarves e2fsprogs qemu-utils rsync
make gcc
lowdown dpkg-dev"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "provium: installing:$missing"
	SUDO=""
	[ "$(id -u)" -eq 0 ] || SUDO="sudo"
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get update -q
	$SUDO apt-get install -y -q --no-install-recommends $missing
fi
# Debian's 6.12 for the second end-to-end pass, unpacked into the cache
# (the machine's default kernel stays as it is); without it only that pass fails
"$(dirname "$0")/debian-kernel.sh" >/dev/null ||
	echo "provium: Debian 6.12 could not be unpacked: 'make check' will fail its 6.12 pass" >&2
