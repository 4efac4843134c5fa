#!/bin/sh
# What 'make install' and 'make uninstall' do.
#
#   tools/install.sh install    copy the built parts under $DESTDIR$PREFIX and
#                               record each file and each directory it created
#                               in PREFIX/share/provium/install-manifest
#   tools/install.sh uninstall  remove exactly what the manifest lists
#
# PREFIX defaults to /usr/local. MANIFEST=0 writes no manifest (the Debian
# package: dpkg keeps its own list). Run from the top of the source tree
# after 'make' (the Makefile does both).
#
# The layout (host/layout.c finds it relative to bin/provium):
#   bin/provium
#   lib/provium/provium-agent           the static guest agent
#   share/provium/lua/provium/          the Lua library and the generated tables
#   share/provium/lua/meta/             Lua language server stubs (docs/editor.md)
#   share/provium/kmod/                 provium.ko's sources, built per kernel into the cache
#   share/provium/examples/             hello.lua and the sample driver's sources
#   share/doc/provium/                  README.md and docs/*.md
#   share/man/man1/provium.1            generated from docs/cli.md
set -eu
cd "$(dirname "$0")/.."
PREFIX=${PREFIX:-/usr/local}
DESTDIR=${DESTDIR:-}
MANIFEST=${MANIFEST:-1}
case $PREFIX in /*) ;; *) echo "install.sh: PREFIX must be absolute: $PREFIX" >&2; exit 2;; esac
root=$DESTDIR$PREFIX
manifest=$PREFIX/share/provium/install-manifest
list=$(mktemp)
trap 'rm -f "$list" "$list.new"' EXIT

# mkdir -p, recording each directory it creates ("dir PATH"), outermost first
dir() {
	if [ "$1" = / ]; then
		mkdir -p "$DESTDIR/"	# the staging root is DESTDIR's, not ours
	elif [ ! -d "$DESTDIR$1" ]; then
		dir "$(dirname "$1")"
		mkdir "$DESTDIR$1"
		echo "dir $1" >>"$list"
	fi
}

# file MODE SRC DEST-DIR: install one file, recording it
file() {
	dir "$3"
	install -m "$1" "$2" "$DESTDIR$3/$(basename "$2")"
	echo "file $3/$(basename "$2")" >>"$list"
}

do_install() {
	for f in build/provium build/provium-agent build/lua/provium/nr.lua build/provium.1; do
		[ -r "$f" ] || { echo "install.sh: no $f: run 'make' first" >&2; exit 2; }
	done
	file 755 build/provium "$PREFIX/bin"
	file 755 build/provium-agent "$PREFIX/lib/provium"
	for f in lua/provium/*.lua build/lua/provium/*.lua; do
		file 644 "$f" "$PREFIX/share/provium/lua/provium"
	done
	for f in lua/meta/*.lua; do
		file 644 "$f" "$PREFIX/share/provium/lua/meta"
	done
	for f in kmod/*.c kmod/*.h kmod/Kbuild; do
		case $f in *.mod.c) continue;; esac
		file 644 "$f" "$PREFIX/share/provium/kmod"
	done
	file 644 examples/hello.lua "$PREFIX/share/provium/examples"
	for f in examples/sample_driver/*.c examples/sample_driver/*.h \
		examples/sample_driver/Kbuild examples/sample_driver/Makefile \
		examples/sample_driver/README.md; do
		case $f in *.mod.c) continue;; esac
		file 644 "$f" "$PREFIX/share/provium/examples/sample_driver"
	done
	file 644 README.md "$PREFIX/share/doc/provium"
	for f in docs/*.md; do
		file 644 "$f" "$PREFIX/share/doc/provium"
	done
	file 644 build/provium.1 "$PREFIX/share/man/man1"
	[ "$MANIFEST" = 0 ] && return
	# installing again keeps what the first install created
	if [ -r "$DESTDIR$manifest" ]; then
		cat "$DESTDIR$manifest" >>"$list"
	fi
	echo "file $manifest" >>"$list"
	sort -u "$list" >"$list.new"
	install -m 644 "$list.new" "$DESTDIR$manifest"
	echo "installed provium in $root ($(grep -c '^file' "$list.new") files; 'make uninstall" \
		"PREFIX=$PREFIX' removes them)"
}

do_uninstall() {
	if [ ! -r "$DESTDIR$manifest" ]; then
		echo "install.sh: no $DESTDIR$manifest: provium is not installed in $root" >&2
		exit 2
	fi
	cp "$DESTDIR$manifest" "$list"
	sed -n 's/^file //p' "$list" | while IFS= read -r f; do
		rm -f "$DESTDIR$f"
	done
	# the directories it created, innermost first; one holding other files stays
	sed -n 's/^dir //p' "$list" | sort -r | while IFS= read -r d; do
		rmdir "$DESTDIR$d" 2>/dev/null ||
			echo "install.sh: kept $DESTDIR$d: it holds files provium did not install" >&2
	done
	echo "removed provium from $root"
}

case ${1:-} in
install) do_install ;;
uninstall) do_uninstall ;;
*) echo "usage: tools/install.sh install|uninstall" >&2; exit 2 ;;
esac
