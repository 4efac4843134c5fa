#!/bin/sh
# provium(1) from docs/cli.md: NAME and SYNOPSIS first, the page's sections
# as man sections (its "##" become .SH, "###" .SS), SEE ALSO last, rendered
# by lowdown (Debian's lowdown package). Usage: gen-man.sh docs/cli.md VERSION > provium.1
set -eu
src=$1
version=$2
# the date the page last changed, so the output does not depend on when it was built
date=$(git -C "$(dirname "$src")" log -1 --format=%cs -- "$(basename "$src")" 2>/dev/null || true)
[ -n "$date" ] || date=$(date -u -r "$src" +%Y-%m-%d)

{
	cat <<'HEAD'
# NAME

provium - run Lua tests against a real Linux kernel in QEMU

# SYNOPSIS

`provium` [`-v`] `run` *script.lua* [*args*...]  
`provium` [`-v`] `test` [*options*] *paths*...  
`provium` [`-v`] `shell` [*profile*]  
`provium` `init` | `doctor` | `version` | `junit-merge` *files*...

# DESCRIPTION

HEAD
	# drop the page's own title; lift its headings one level, outside code blocks
	awk '
		/^```/ { code = !code }
		!code && !titled && /^# / { titled = 1; next }
		!code && /^##/ { sub(/^#/, "") }
		{ print }
	' "$src"
	cat <<'TAIL'

# SEE ALSO

The Markdown documentation, installed in `/usr/share/doc/provium` (or
`PREFIX/share/doc/provium`; `provium doctor` prints where): getting-started.md,
raw-syscalls.md, ioctls.md, pointer-patching.md, binary-packing.md,
running-commands.md, files.md, jobs-and-workers.md, fixtures.md,
provium-toml.md, editor.md, ci.md, architecture.md.

**qemu-system-x86_64**(1), **lua**(1)
TAIL
} | lowdown -s -Tman -M "title=provium" -M "section=1" -M "date=$date" \
	-M "source=provium $version" -M "volume=Provium Manual" |
	{ echo "'\\\" t"; cat; }	# tells man to run tbl for the tables
