#!/bin/sh
# make deb: build/provium_<version>_amd64.deb from what 'make' built.
#
# The files are 'make install' with PREFIX=/usr into a staging root (the
# layout of tools/install.sh); the Depends are what the binary links
# (dpkg-shlibdeps) plus what provium runs or reads at run time:
#   qemu-system-x86      runs the guest
#   busybox-static       copied into every initramfs
#   xz-utils             decompresses the kernel's payload into a cached vmlinux
#   linux-image-amd64    the default guest kernel (or the one built against here)
#   linux-headers-amd64  the build tree provium.ko is compiled against on first use
#   make, gcc            kbuild, for that build
# The guest agent is static: it needs nothing on the host.
# Usage: tools/deb.sh VERSION KERNEL-RELEASE
set -eu
cd "$(dirname "$0")/.."
version=$1
krel=$2
[ -n "$krel" ] || { echo "deb.sh: no default kernel release (is a kernel with headers installed?)" >&2; exit 2; }
work=$PWD/build/deb
stage=$work/provium_${version}_amd64
out=build/provium_${version}_amd64.deb
rm -rf "$work"
mkdir -p "$stage/DEBIAN" "$work/debian"

PREFIX=/usr DESTDIR=$stage MANIFEST=0 tools/install.sh install >/dev/null
# Debian's conventions: man pages gzip'ed, no timestamps in them
gzip -9n "$stage/usr/share/man/man1/provium.1"

# what the host binary links against: dpkg-shlibdeps wants a debian/control
printf 'Source: provium\n\nPackage: provium\nArchitecture: amd64\n' >"$work/debian/control"
shlibs=$(cd "$work" && dpkg-shlibdeps -O -e"$stage/usr/bin/provium" 2>/dev/null |
	sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || { echo "deb.sh: dpkg-shlibdeps found no libraries for provium" >&2; exit 2; }

# MAINTAINER="Name <mail>" names who built it; else git's user, else a placeholder
maintainer=${MAINTAINER:-}
if [ -z "$maintainer" ] && git config user.email >/dev/null 2>&1; then
	maintainer="$(git config user.name) <$(git config user.email)>"
fi
[ -n "$maintainer" ] || maintainer="Provium developers <provium@localhost>"

cat >"$stage/DEBIAN/control" <<CONTROL
Package: provium
Version: $version
Architecture: amd64
Maintainer: $maintainer
Installed-Size: $(du -sk --apparent-size "$stage/usr" | cut -f1)
Depends: $shlibs, qemu-system-x86, busybox-static, xz-utils, make, gcc, linux-image-amd64 | linux-image-$krel, linux-headers-amd64 | linux-headers-$krel
Section: devel
Priority: optional
Description: run Lua tests against a real Linux kernel in QEMU
 Provium boots a Linux kernel in a QEMU virtual machine and lets a Lua
 script drive the guest: shell commands, files, and raw system calls and
 ioctls whose arguments are binary buffers, structs with pointers
 included, dispatched in kernel context by a helper module (provium.ko,
 built from the installed sources against each guest kernel on first use).
CONTROL
(cd "$stage" && find usr -type f -print0 | sort -z | xargs -0 md5sum) >"$stage/DEBIAN/md5sums"
dpkg-deb --root-owner-group -Zxz --build "$stage" "$out" >/dev/null
echo "$out"
