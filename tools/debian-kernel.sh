#!/bin/sh
# Unpack a Debian kernel into Provium's cache without installing it, so the
# machine's default kernel never changes: image, modules (with modules.dep),
# headers and kbuild in <cache>/kernels/<release>/, laid out like / (boot/,
# lib/modules/<release>/ with its build link, usr/src/, usr/lib/).
# A profile names it with release = "<release>" (see docs/provium-toml.md).
#   usage: tools/debian-kernel.sh [VERSION]     prints the release
# VERSION is a Debian ABI version such as 6.12.117+deb12; the default is the
# one the second end-to-end pass of 'make check' runs on, pinned here:
VERSION=${1:-6.12.117+deb12}
set -e
FLAVOUR=amd64
REL=$VERSION-$FLAVOUR
CACHE=${PROVIUM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/provium}
DEST=$CACHE/kernels/$REL
[ -f "$DEST/.complete" ] && { echo "$REL"; exit 0; }
mkdir -p "$CACHE/kernels"
TMP=$(mktemp -d "$CACHE/kernels/.unpack-XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
PKGS="linux-image-$REL-unsigned linux-headers-$REL linux-headers-$VERSION-common
linux-kbuild-$VERSION"
echo "provium: unpacking $REL into $DEST" >&2
(cd "$TMP" && apt-get download -q $PKGS >&2) || {
	echo "provium: cannot download $PKGS (is bookworm-security in the apt sources?" \
	     "run 'apt-get update')" >&2
	exit 1
}
mkdir "$TMP/root"
for deb in "$TMP"/*.deb; do
	dpkg-deb -x "$deb" "$TMP/root"
done
# absolute links and includes point into /usr/src: make them relative
ln -sfn "../../../usr/src/linux-headers-$REL" "$TMP/root/lib/modules/$REL/build"
ln -sfn "../../../usr/src/linux-headers-$VERSION-common" "$TMP/root/lib/modules/$REL/source"
sed -i "s|^include /usr/src/|include ../|" "$TMP/root/usr/src/linux-headers-$REL/Makefile"
depmod -b "$TMP/root" "$REL"
rm -rf "$DEST"
mv "$TMP/root" "$DEST"
touch "$DEST/.complete"
echo "$REL"
