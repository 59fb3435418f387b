#!/bin/sh
# vm3000 against qemu-mips (user mode, TCG) on the same GCC-built program: cpu/src/test/c/compute.c,
# one object file linked bare-metal for vm3000 and as a static Linux o32 executable for qemu
# (scripts/build-ccompute.sh). Same code, same work; only the start-up and console code differ.
#
#   bench/scripts/qemu-compare.sh [RUNS]        (make bench-qemu; RUNS defaults to 5)
#
# Prints the median and minimum wall time of RUNS runs of each, the guest instructions per second
# (the count is vm3000's, from --stats: the instructions are the same under qemu), and the ratio
# to qemu. vm3000's wall time includes starting the JVM and JIT warm-up; so the script also runs
# the in-process JMH benchmark of the block core on the same workload (set JMH=0 to skip it).
set -eu
runs=${1:-5}
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
out="$root/bench/target/ccompute"
for tool in qemu-mips mips-linux-gnu-gcc; do
  command -v "$tool" >/dev/null 2>&1 || { echo "qemu-compare: $tool not found (apt-get install qemu-user gcc-mips-linux-gnu)" >&2; exit 2; }
done
[ -f "$root/cli/target/vm3000.jar" ] || { echo "qemu-compare: build vm3000 first (make build)" >&2; exit 2; }
sh "$root/bench/scripts/build-ccompute.sh" "$out"
bare="$out/compute-baremetal.elf"
linux="$out/compute-linux.elf"

now() { date +%s%N; }
# median and min of the numbers on stdin (nanoseconds), printed in seconds
stats() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.3f %.3f\n", m / 1e9, v[1] / 1e9 }'; }

# The same program must print the same thing under both.
expected=$(qemu-mips "$linux" | tail -1)
got=$("$root/bin/vm3000" run "$bare" 2>/dev/null | tail -1)
[ "$expected" = "$got" ] || { echo "qemu-compare: outputs differ: qemu '$expected', vm3000 '$got'" >&2; exit 1; }
instructions=$("$root/bin/vm3000" run --stats "$bare" 2>&1 >/dev/null | awk '/^instructions:/ { print $2 }')

time_runs() { # name command...
  name=$1; shift
  : > "$out/times-$name"
  i=0
  while [ $i -lt "$runs" ]; do
    t0=$(now); "$@" >/dev/null 2>&1; t1=$(now)
    echo $((t1 - t0)) >> "$out/times-$name"
    i=$((i + 1))
  done
  stats < "$out/times-$name"
}

q=$(time_runs qemu qemu-mips "$linux")
b=$(time_runs block "$root/bin/vm3000" run --core=block "$bare")
n=$(time_runs interp "$root/bin/vm3000" run --core=interp "$bare")

echo
echo "compute.c: $instructions guest instructions per run, $runs runs each, $(nproc) CPUs, $(uname -m)"
printf '%-34s %10s %10s %12s %14s\n' "runner" "median s" "min s" "guest MIPS" "median / qemu"
row() { # label "median min"
  set -- "$1" $2
  awk -v l="$1" -v m="$2" -v mn="$3" -v q="${q%% *}" -v n="$instructions" \
    'BEGIN { printf "%-34s %10.3f %10.3f %12.1f %14.1f\n", l, m, mn, n / m / 1e6, m / q }'
}
row "qemu-mips (TCG, user mode)" "$q"
row "vm3000 run --core=block" "$b"
row "vm3000 run --core=interp" "$n"
echo '(vm3000 wall times include JVM start-up and JIT warm-up: vm3000 run hello alone takes about 0.75 s)'

if [ "${JMH:-1}" != 0 ]; then
  echo
  echo "In-process (JMH, warmed up): block core on the same program"
  java -jar "$root/bench/target/benchmarks.jar" CoreBench -p core=block -p workload=c-compute \
    -wi 3 -i 5 -w 2 -r 2 2>&1 | grep -E '^CoreBench.run' | tee "$out/jmh-block.txt"
  awk -v q="${q%% *}" -v n="$instructions" '{ jmh = $(NF - 3) + 0 }
    END { if (jmh > 0) printf "qemu-mips %.1f MIPS (median wall), vm3000 block core %.1f MIPS (JMH): qemu/vm3000 = %.1f\n",
      n / q / 1e6, jmh, (n / q / 1e6) / jmh }' "$out/jmh-block.txt"
fi
