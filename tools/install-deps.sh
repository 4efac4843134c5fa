#!/bin/sh
# Install what Provium needs from Debian's archive, only if missing.
# Safe to run again; needs root (or sudo) the first time.
set -e
PKGS="qemu-system-x86 lua5.4 liblua5.4-dev busybox-static linux-image-amd64
linux-headers-amd64 libnl-3-dev libnl-genl-3-dev pkg-config xz-utils linux-source-6.1
procps cpio e2fsprogs qemu-utils
make gcc
lowdown dpkg-dev"
missing=""
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "provium: installing:$missing"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends $missing
