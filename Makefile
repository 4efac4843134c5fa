# Provium: build everything, run the demo, the test suite and benchmarks.
#   make demo    install what is missing, build, boot the default kernel, run hello
#   make check   install what is missing, build, run every test (the fuzzers briefly)
#   make fuzz    the fuzzers, 5 minutes each (FUZZ_SECONDS=...)
#   make bench   print boot (per kernel: default, Debian 6.12), warm start, memory,
#                round-trip, tracing and kselftest medians
#   make install PREFIX=/usr/local DESTDIR=   install (make uninstall removes it)
#   make deb     build/provium_<version>_amd64.deb

KREL    ?= $(shell tools/default-kernel.sh 2>/dev/null)
KDIR    ?= $(PROVIUM_SYSROOT)/lib/modules/$(KREL)/build
BUILD   := build
CC      ?= gcc
LUA_CFLAGS := $(shell pkg-config --cflags lua5.4 2>/dev/null)
LUA_LIBS   := $(shell pkg-config --libs lua5.4 2>/dev/null || echo -llua5.4)
WARN    := -Wall -Wextra -Werror
CFLAGS  ?= -O2 -g
HOST_CFLAGS := $(CFLAGS) $(WARN) -std=gnu11 -D_GNU_SOURCE $(LUA_CFLAGS)
AGENT_CFLAGS := -O2 $(WARN) -std=gnu11 -D_GNU_SOURCE -static -I/usr/include/libnl3
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

HOST_SRC  := $(wildcard host/*.c) proto/proto.c
HOST_HDR  := $(wildcard host/*.h) proto/proto.h proto/proto.def kmod/provium_uapi.h kmod/provium_desc.h
AGENT_SRC := $(wildcard agent/*.c) proto/proto.c
AGENT_HDR := agent/agent.h agent/btf.h agent/ksyms.h proto/proto.h proto/proto.def kmod/provium_uapi.h kmod/provium_desc.h
UNIT_SRC  := $(wildcard tests/unit/*.c)
# the parts of the host the unit tests link against: everything but the
# Lua bindings, the commands and main (client.c needs vm.c and what it uses),
# and the agent's kmsg reader, BTF and kallsyms parsers
UNIT_LIB  := host/pack.c host/cpio.c host/call.c host/kernel.c host/util.c proto/proto.c \
	host/client.c host/vm.c host/qemu_argv.c host/console.c host/logcap.c host/accel.c host/qmp.c host/initramfs.c host/module.c \
	host/test_results.c host/test_select.c host/report.c agent/kmsg.c host/layout.c host/config.c \
	host/junit_merge.c host/progress.c host/pool.c host/ktap.c host/rootfs.c host/ksft.c host/ksft_report.c \
	host/trace.c agent/btf.c agent/ksyms.c \
	host/snapshot.c host/warm_key.c host/warm.c
# tests/unit/test_kmsg.c stands in for /dev/kmsg
UNIT_WRAP := -Wl,--wrap=read -Wl,--wrap=lseek

VERSION := $(shell sed -n 's/^\#define PROVIUM_VERSION "\(.*\)"/\1/p' host/lprovium.h)
PREFIX  ?= /usr/local
DESTDIR ?=

.PHONY: all deps demo check unit e2e selftests kselftests bench clean module sample install uninstall fuzz fuzzers \
	man deb

all: $(BUILD)/provium $(BUILD)/provium-agent module sample $(BUILD)/lua/provium/nr.lua

deps:
	@tools/install-deps.sh

$(BUILD)/provium: $(HOST_SRC) $(HOST_HDR)
	@mkdir -p $(BUILD)
	$(CC) $(HOST_CFLAGS) -o $@ $(HOST_SRC) $(LUA_LIBS)

# the host built with ASan, UBSan and LSan: what the API fuzzer runs on
# (tests/fuzz/api.lua); a leak, overflow or undefined behaviour ends it
$(BUILD)/provium-asan: $(HOST_SRC) $(HOST_HDR)
	@mkdir -p $(BUILD)
	$(CC) -O1 -g $(WARN) -std=gnu11 -D_GNU_SOURCE $(SAN) $(LUA_CFLAGS) -o $@ $(HOST_SRC) $(LUA_LIBS)

$(BUILD)/provium-agent: $(AGENT_SRC) $(AGENT_HDR)
	@mkdir -p $(BUILD)
	$(CC) $(AGENT_CFLAGS) -o $@ $(AGENT_SRC) -lnl-genl-3 -lnl-3 -lpthread 2>$(BUILD)/agent-link.log || \
		{ cat $(BUILD)/agent-link.log; exit 1; }

# The default kernel's release as a file name: when it changes (a kernel
# package installed or removed), what was built against the old one is
# rebuilt (provium.ko, the sample driver, the syscall and errno tables).
KSTAMP  := $(BUILD)/kernel-$(KREL)

$(KSTAMP):
	@mkdir -p $(BUILD)
	@rm -f $(BUILD)/kernel-*
	@touch $@

module: kmod/provium.ko

kmod/provium.ko: $(filter-out %.mod.c,$(wildcard kmod/*.c)) $(wildcard kmod/*.h) kmod/Kbuild Kbuild \
		$(KSTAMP)
	@test -d "$(KDIR)" || { echo "no kernel build dir $(KDIR): run 'make deps'"; exit 1; }
	$(MAKE) -C $(KDIR) M=$(CURDIR) modules
	@touch $@	# kbuild may find nothing to do: newer than the stamp anyway

# the sample driver of examples/sample_driver (tests/e2e/sample_driver.lua)
SAMPLE_DIR := examples/sample_driver

sample: $(SAMPLE_DIR)/provium_sample.ko

# provium_sample_sys.ko links against provium.ko's exported symbols
$(SAMPLE_DIR)/provium_sample.ko: $(wildcard $(SAMPLE_DIR)/*.c) $(SAMPLE_DIR)/provium_sample.h \
		$(SAMPLE_DIR)/Kbuild kmod/provium_ext.h kmod/provium.ko $(KSTAMP)
	@test -d "$(KDIR)" || { echo "no kernel build dir $(KDIR): run 'make deps'"; exit 1; }
	$(MAKE) -C $(KDIR) M=$(CURDIR)/$(SAMPLE_DIR) KBUILD_EXTRA_SYMBOLS=$(CURDIR)/Module.symvers modules
	@touch $@

$(BUILD)/lua/provium/nr.lua: tools/gen-tables.sh $(KSTAMP)
	tools/gen-tables.sh $(KDIR) $(BUILD)/lua/provium

$(BUILD)/unit: $(UNIT_SRC) $(UNIT_LIB) $(HOST_HDR) agent/agent.h agent/btf.h agent/ksyms.h \
		tests/unit/unit.h
	@mkdir -p $(BUILD)
	$(CC) -O1 -g $(WARN) -std=gnu11 -D_GNU_SOURCE $(SAN) $(LUA_CFLAGS) -o $@ $(UNIT_SRC) $(UNIT_LIB) \
		$(UNIT_WRAP)

# the channel fuzzer: random well-formed frames to a booted agent (ASan/UBSan)
FUZZ_LIB := $(filter-out agent/kmsg.c,$(UNIT_LIB))
$(BUILD)/fuzz-agent: tests/fuzz/agent_frames.c selftests/fuzz_desc.h $(FUZZ_LIB) $(HOST_HDR)
	@mkdir -p $(BUILD)
	$(CC) -O1 -g $(WARN) -std=gnu11 -D_GNU_SOURCE $(SAN) $(LUA_CFLAGS) -Ikmod -o $@ \
		tests/fuzz/agent_frames.c $(FUZZ_LIB)

unit: $(BUILD)/unit
	$(BUILD)/unit

# kselftests of the uapi, installed as a kselftest tree (build/kselftest:
# collection "provium") that tests/e2e/selftests.lua runs with vm:kselftest;
# the harness headers, the kselftest runner and checkpatch come from
# linux-source-6.1 into the cache
KSELFTEST_DIR := $(or $(PROVIUM_CACHE),$(or $(XDG_CACHE_HOME),$(HOME)/.cache)/provium)/kselftest

selftests: $(BUILD)/provium_selftest $(BUILD)/kselftest/kselftest-list.txt $(BUILD)/ioctl_loop $(BUILD)/provium_fuzz

$(BUILD)/kselftest/kselftest-list.txt: $(BUILD)/provium_selftest selftests/settings
	@rm -rf $(BUILD)/kselftest
	@mkdir -p $(BUILD)/kselftest/provium $(BUILD)/kselftest/kselftest
	cp $(BUILD)/provium_selftest $(BUILD)/kselftest/provium/provium_test
	cp selftests/settings $(BUILD)/kselftest/provium/settings
	cp $(KSELFTEST_DIR)/run_kselftest.sh $(BUILD)/kselftest/
	cp $(KSELFTEST_DIR)/runner.sh $(KSELFTEST_DIR)/prefix.pl $(BUILD)/kselftest/kselftest/
	echo provium:provium_test > $@

# the guest-side fuzzer of /dev/provium (tests/fuzz/module.lua)
$(BUILD)/provium_fuzz: selftests/provium_fuzz.c selftests/fuzz_desc.h kmod/provium_uapi.h
	@mkdir -p $(BUILD)
	$(CC) -static -O2 -Wall -Wextra -Werror -Ikmod selftests/provium_fuzz.c -o $@

# a guest-side loop of one ioctl (tests/failure-cases/flood.lua)
$(BUILD)/ioctl_loop: selftests/ioctl_loop.c
	@mkdir -p $(BUILD)
	$(CC) -static -O2 -Wall -Wextra -Werror selftests/ioctl_loop.c -o $@

$(BUILD)/provium_selftest: selftests/provium_test.c kmod/provium_uapi.h tools/kselftest-headers.sh
	@mkdir -p $(BUILD)
	@tools/kselftest-headers.sh >/dev/null
	$(CC) -static -O2 -Wall -Wextra -Werror -I$(KSELFTEST_DIR) -Ikmod selftests/provium_test.c -o $@

# ENOSYS is ignored: the module returns it for exactly what checkpatch wants,
# a system call number that does not exist. LINUX_VERSION_CODE and
# CONSTANT_COMPARISON: an out-of-tree module builds against several kernels.
.PHONY: checkpatch
checkpatch:
	@tools/kselftest-headers.sh >/dev/null
	perl $(KSELFTEST_DIR)/checkpatch.pl --no-tree --ignore ENOSYS,LINUX_VERSION_CODE,CONSTANT_COMPARISON -q -f \
		$(filter-out %.mod.c,$(wildcard kmod/*.[ch] examples/sample_driver/*.[ch]))

# provium(1), from docs/cli.md by lowdown
man: $(BUILD)/provium.1

$(BUILD)/provium.1: docs/cli.md tools/gen-man.sh host/lprovium.h
	@mkdir -p $(BUILD)
	tools/gen-man.sh docs/cli.md $(VERSION) > $@.$$$$ && mv $@.$$$$ $@

# the layout is described in tools/install.sh; the manifest it writes is
# what uninstall removes
install: $(BUILD)/provium $(BUILD)/provium-agent $(BUILD)/lua/provium/nr.lua $(BUILD)/provium.1
	PREFIX='$(PREFIX)' DESTDIR='$(DESTDIR)' tools/install.sh install

uninstall:
	PREFIX='$(PREFIX)' DESTDIR='$(DESTDIR)' tools/install.sh uninstall

# provium_$(VERSION)_amd64.deb: make install into a staging root, a control
# file whose Depends come from dpkg-shlibdeps and tools/deb.sh, dpkg-deb
deb: $(BUILD)/provium $(BUILD)/provium-agent $(BUILD)/lua/provium/nr.lua $(BUILD)/provium.1
	tools/deb.sh $(VERSION) $(KREL)

# real kselftests for tests/e2e/kselftest_real.lua and bench/kselftest.lua:
# built from Debian's linux-source-6.1 into the cache (once; a second run
# finds them there)
KSFT_SOURCE  := /usr/src/linux-source-6.1.tar.xz
KSFT_TARGETS := kcmp splice user sysctl membarrier size

kselftests: $(BUILD)/provium
	$(BUILD)/provium kselftest --build $(KSFT_SOURCE) $(KSFT_TARGETS) >/dev/null

demo: deps
	$(MAKE) all
	$(BUILD)/provium run examples/hello.lua

check: deps
	$(MAKE) all $(BUILD)/unit selftests kselftests fuzzers
	$(MAKE) -s checkpatch
	tools/check.sh

# the fuzzers' binaries; make fuzz runs each for 5 minutes, the slow cases too
fuzzers: $(BUILD)/provium-asan $(BUILD)/fuzz-agent $(BUILD)/provium_fuzz

FUZZ_SECONDS ?= 300
fuzz: all fuzzers
	tools/fuzz.sh $(FUZZ_SECONDS) -l

bench: deps
	$(MAKE) all
	$(BUILD)/provium run bench/boot_and_syscall.lua
	$(BUILD)/provium run bench/boot_kernels.lua
	$(BUILD)/provium run bench/trace.lua
	$(BUILD)/provium run bench/memory.lua
	bench/warm_start.sh
	bench/suite_parallel.sh
	$(BUILD)/provium run bench/kselftest.lua

clean:
	rm -rf $(BUILD)
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || true
	$(MAKE) -C $(KDIR) M=$(CURDIR)/$(SAMPLE_DIR) clean 2>/dev/null || true
