#!/bin/sh
# Builds the C compute workload (cpu/src/test/c/compute.c) big-endian, twice, from the same
# object file, exactly as the C corpus tests do (CCorpus.java): compute-baremetal.elf for vm3000
# and compute-linux.elf (Linux o32, static) for qemu-mips. Beside them, empty-baremetal.elf and
# empty-linux.elf: the same start-up and runtime around a main that returns 0 at once, whose run
# time is the runner's start-up alone (qemu-compare.sh subtracts it).
#
#   build-ccompute.sh OUTDIR [CFLAG...]
#
# Extra CFLAGs go to every compilation (vm3000 bench --quick passes -DROUNDS=1: 1/128 of the work).
#
# Without the cross compiler (or with VM3000_NO_HOST_TOOLS=1, as for the tests) it prints why
# and exits 0, so that the benchmarks go on without that workload.
set -eu
out=$1
shift
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
src="$here/../../cpu/src/test/c"
rt="$src/runtime"
for tool in mips-linux-gnu-gcc mips-linux-gnu-ld; do
  if [ "${VM3000_NO_HOST_TOOLS:-}" = 1 ]; then
    echo "build-ccompute: $tool not used (VM3000_NO_HOST_TOOLS=1): the c-compute workload is skipped" >&2
    exit 0
  fi
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "build-ccompute: $tool not found (install gcc-mips-linux-gnu): the c-compute workload is skipped" >&2
    exit 0
  fi
done
# The flags of CCorpus.CFLAGS; docs/testing.md explains each.
cflags="-EB -march=r3000 -mabi=32 -mno-abicalls -fno-pic -G0 -O2 -ffreestanding -fno-builtin
  -nostdlib -nostartfiles -mno-llsc -msoft-float -mfp32 -fno-stack-protector
  -fno-tree-loop-distribute-patterns -Wall -Werror -I$rt $*"
obj="$out/ccompute-obj"
mkdir -p "$obj"
cc() { mips-linux-gnu-gcc $cflags -c "$1" -o "$2"; }
cc "$src/compute.c" "$obj/compute.o"
printf 'int main(void)\n{\n    return 0;\n}\n' > "$obj/empty.c"
cc "$obj/empty.c" "$obj/empty.o"
cc "$rt/common.c" "$obj/common.o"
for flavour in baremetal linux; do
  cc "$rt/$flavour/start.S" "$obj/start-$flavour.o"
  cc "$rt/$flavour/console.c" "$obj/console-$flavour.o"
done
for prog in compute empty; do
  mips-linux-gnu-ld -EB -nostdlib -T "$rt/baremetal/baremetal.ld" "$obj/start-baremetal.o" "$obj/$prog.o" \
    "$obj/console-baremetal.o" "$obj/common.o" -o "$out/$prog-baremetal.elf"
  mips-linux-gnu-ld -EB -nostdlib -static -e __start "$obj/start-linux.o" "$obj/$prog.o" \
    "$obj/console-linux.o" "$obj/common.o" -o "$out/$prog-linux.elf"
done
rm -r "$obj"
