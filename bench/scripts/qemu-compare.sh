#!/bin/sh
# vm3000 against qemu-mips (user mode, TCG) on the same GCC-built program: cpu/src/test/c/compute.c
# with ROUNDS rounds (default 2304: 2.18e9 guest instructions, so that qemu's start-up is a few
# per cent of its run), compiled once and the object linked twice by build-ccompute.sh: bare metal
# for vm3000, a static Linux o32 executable for qemu. Same code, same work; only the start-up and
# console code differ. -DROUNDS is given to this build only: the C corpus tests still build
# compute.c with its own 128 rounds.
#
#   bench/scripts/qemu-compare.sh [RUNS]        (make bench-qemu [RUNS=N]; RUNS defaults to 5)
#
# Environment: ROUNDS (rounds of compute.c), JMH=0 (skip the in-process figure of vm3000),
# JMH_WI and JMH_I (its warm-up and measured iterations of 2 s: 15 and 10; a run of the program
# takes well under a second once the JVM is warm, and its first a few, see docs/performance.md).
#
# Runs are paired: run i times qemu (the empty program, then compute) and vm3000 (the same), the
# order swapped from one pair to the next, so that load from other jobs hits both alike. Every
# run's output is checked against qemu's first. Then the table, whose figures are derived so:
#   wall s        median over the runs of the whole process's wall time (fork to exit)
#   start-up s    median wall time of the same runner on empty-*.elf: the same start-up and
#                 runtime code around a main that returns at once, timed in the same pairs
#   instructions  vm3000 --stats on the bare-metal image (qemu runs the same compute.o)
#   whole MIPS    instructions / wall
#   warm MIPS     qemu: instructions / (wall - start-up), translation by TCG left in;
#                 vm3000: in-process JMH, ProgramBench on this very image: the whole program on
#                 a fresh machine an operation, as vm3000 run runs it, in one JVM with
#                 bin/vm3000's JVM options; instructions / the median of JMH_I iterations' mean
#                 time an operation, after JMH_WI of warm-up (JVM start-up and JIT compilation
#                 left out, the block core's decoding and compiling on each machine left in)
#   x qemu        speed as a fraction of qemu's: qemu wall / vm3000 wall, and the warm MIPS ratio
# Tools missing: one message, exit 2.
set -eu
runs=${1:-5}
rounds=${ROUNDS:-2304}
jmh=${JMH:-1}
jmh_wi=${JMH_WI:-15}
jmh_i=${JMH_I:-10}
case "$runs$rounds$jmh_wi$jmh_i" in
  *[!0-9]*) echo "qemu-compare: RUNS, ROUNDS, JMH_WI and JMH_I are numbers" >&2; exit 2 ;;
esac
[ "$runs" -ge 1 ] || { echo "qemu-compare: RUNS is at least 1" >&2; exit 2; }
root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
out="$root/bench/target/qemu-compare"
for tool in qemu-mips mips-linux-gnu-gcc mips-linux-gnu-ld java; do
  command -v "$tool" >/dev/null 2>&1 || {
    echo "qemu-compare: $tool not found (apt-get install qemu-user gcc-mips-linux-gnu openjdk-17-jre-headless)" >&2; exit 2; }
done
[ -f "$root/cli/target/vm3000.jar" ] || { echo "qemu-compare: build vm3000 first (make build)" >&2; exit 2; }
if [ "$jmh" != 0 ] && [ ! -f "$root/bench/target/benchmarks.jar" ]; then
  echo "qemu-compare: bench/target/benchmarks.jar not found (make bench-qemu builds it; or JMH=0)" >&2; exit 2
fi
rm -rf "$out"
sh "$root/bench/scripts/build-ccompute.sh" "$out" "-DROUNDS=$rounds"
for f in compute-baremetal compute-linux empty-baremetal empty-linux; do
  [ -f "$out/$f.elf" ] || { echo "qemu-compare: $out/$f.elf was not built" >&2; exit 2; }
done
vm3000="$root/bin/vm3000"

now() { date +%s%N; }
# the median of the numbers on stdin (awk prints with printf: mawk's print turns 2^31 and above into %.6g)
median() { sort -n | awk '{ v[NR] = $1 } END { printf "%.6f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
load() { if [ -r /proc/loadavg ]; then cut -d' ' -f1-3 /proc/loadavg; else echo '?'; fi; }
# timed NAME OUTFILE command...: runs it, appends its wall time (s) to $out/NAME, fails on an error exit
timed() {
  name=$1; file=$2; shift 2
  t0=$(now)
  "$@" > "$file" 2> "$file.err" || { echo "qemu-compare: $* failed (exit $?):" >&2; cat "$file.err" >&2; exit 1; }
  t1=$(now)
  awk -v t=$((t1 - t0)) 'BEGIN { printf "%.6f\n", t / 1e9 }' >> "$out/$name"
}
# same FILE WHO: the run's output must be qemu's first one
same() { cmp -s "$out/expected" "$1" || { echo "qemu-compare: $2 printed something else than qemu:" >&2; diff "$out/expected" "$1" | head >&2; exit 1; }; }
run_qemu() {
  timed qemu-empty "$out/out-empty" qemu-mips "$out/empty-linux.elf"
  timed qemu "$out/out-qemu" qemu-mips "$out/compute-linux.elf"
  [ -f "$out/expected" ] || cp "$out/out-qemu" "$out/expected"
  same "$out/out-qemu" qemu-mips
}
run_vm3000() {
  timed vm3000-empty "$out/out-empty" "$vm3000" run --core=block "$out/empty-baremetal.elf"
  timed vm3000 "$out/out-vm3000" "$vm3000" run --core=block --stats "$out/compute-baremetal.elf"
  awk '/^instructions:/ { print $2 }' "$out/out-vm3000.err" >> "$out/instructions"
  if [ -f "$out/expected" ]; then same "$out/out-vm3000" vm3000; fi
}
last() { tail -1 "$out/$1" | awk '{ printf "%.3f", $1 }'; }

load0=$(load)
echo "qemu-compare: compute.c with ROUNDS=$rounds, $runs paired runs (load average $load0)" >&2
i=1
while [ "$i" -le "$runs" ]; do
  if [ $((i % 2)) = 1 ]; then run_qemu; run_vm3000; else run_vm3000; run_qemu; fi
  echo "  pair $i: qemu $(last qemu) s (empty $(last qemu-empty) s), vm3000 $(last vm3000) s (empty $(last vm3000-empty) s)" >&2
  i=$((i + 1))
done
[ "$(sort -u "$out/instructions" | wc -l)" = 1 ] || { echo "qemu-compare: vm3000's instruction count varied: $(sort -u "$out/instructions" | tr '\n' ' ')" >&2; exit 1; }
instructions=$(head -1 "$out/instructions")
qw=$(median < "$out/qemu"); qs=$(median < "$out/qemu-empty")
vw=$(median < "$out/vm3000"); vs=$(median < "$out/vm3000-empty")
load1=$(load)

warm=
# the JVM options bin/vm3000 runs with (its jvm= line), for the in-process figure too
jvmopts=$(sed -n 's/^jvm="\(.*\)"$/\1/p' "$root/bin/vm3000")
[ -n "$jvmopts" ] || { echo "qemu-compare: no jvm= line in $root/bin/vm3000" >&2; exit 1; }
if [ "$jmh" != 0 ]; then
  echo "qemu-compare: in-process figure: ProgramBench (this image, whole runs), $jmh_wi + $jmh_i iterations of 2 s" >&2
  waited=0
  # JMH refuses to start while another JMH run holds /tmp/jmh.lock: wait for it, up to 10 minutes
  until java -jar "$root/bench/target/benchmarks.jar" ProgramBench -p image="$out/compute-baremetal.elf" -f 1 \
      -wi "$jmh_wi" -i "$jmh_i" -w 2 -r 2 -jvmArgsAppend "$jvmopts" > "$out/jmh.txt" 2>&1; do
    if grep -q 'Unable to acquire the JMH lock' "$out/jmh.txt" && [ "$waited" -lt 600 ]; then
      [ "$waited" != 0 ] || echo "qemu-compare: another JMH run holds /tmp/jmh.lock; waiting for it" >&2
      sleep 15; waited=$((waited + 15))
    else
      echo "qemu-compare: the JMH run failed; see $out/jmh.txt" >&2; tail "$out/jmh.txt" >&2; exit 1
    fi
  done
  # each iteration's mean milliseconds a run, as guest instructions per second
  awk -v n="$instructions" '/^Iteration / { print n / $3 / 1e3 }' "$out/jmh.txt" > "$out/jmh-iterations"
  awk -v n="$instructions" '/^# Warmup Iteration / { print n / $5 / 1e3 }' "$out/jmh.txt" > "$out/jmh-warmup"
  warm=$(median < "$out/jmh-iterations")
  load2=$(load)
fi

echo
echo "compute.c -DROUNDS=$rounds: $instructions guest instructions a run, the same output under both;"
echo "$runs paired runs; $(nproc) CPUs, $(uname -m); $(qemu-mips --version | head -1);"
echo "load average $load0 before, $load1 after the runs${warm:+, $load2 after JMH}"
printf '%-24s %8s %10s %13s %10s %10s %9s %7s %9s %7s\n' runner "wall s" "start-up s" instructions \
  "whole MIPS" "warm MIPS" "whole" "target" "warm" "target"
awk -v n="$instructions" -v qw="$qw" -v qs="$qs" -v vw="$vw" -v vs="$vs" -v warm="$warm" '
  function fmt(f, x, ok) { return ok ? sprintf(f, x) : "-" }
  BEGIN {
  qok = qw > qs; qwarm = qok ? n / (qw - qs) / 1e6 : 0; wok = qok && warm != ""
  f = "%-24s %8.3f %10.3f %13.0f %10.1f %10s %9s %7s %9s %7s\n"
  printf f, "qemu-mips (TCG, user)", qw, qs, n, n / qw / 1e6, fmt("%.1f", qwarm, qok), "1.000x", "", "1.000x", ""
  printf f, "vm3000 run --core=block", vw, vs, n, n / vw / 1e6, fmt("%.1f", warm, warm != ""),
    sprintf("%.3fx", qw / vw), ">=0.33", fmt("%.3fx", warm / (wok ? qwarm : 1), wok), ">=0.6"
  print ""
  printf "qemu start-up: %.1f %% of its wall time%s.\n", 100 * qs / qw, (qs < 0.1 * qw) ? "" : " (10 % or more: raise ROUNDS)"
  printf "vm3000 against qemu: whole process %.3fx the speed (%.1fx the time; target 0.33x: %s)",
    qw / vw, vw / qw, (qw / vw >= 0.33) ? "met" : "missed"
  if (wok) printf "; warm %.3fx (target 0.6x: %s)", warm / qwarm, (warm / qwarm >= 0.6) ? "met" : "missed"
  print "."
  if (qok && vw > vs) printf "vm3000 wall minus its start-up (JIT warm-up left in): %.1f MIPS, %.3fx qemu'"'"'s warm MIPS.\n",
    n / (vw - vs) / 1e6, n / (vw - vs) / 1e6 / qwarm
}'
paste "$out/qemu" "$out/vm3000" | awk '{ r = r sprintf(" %.3f", $1 / $2) } END { print "whole-process ratio of each pair (qemu wall / vm3000 wall):" r }'
if [ -n "$warm" ]; then
  awk '{ r = r sprintf(" %.0f", $1) } END { print "JMH warm-up iterations (MIPS):" r }' "$out/jmh-warmup"
  awk '{ r = r sprintf(" %.0f", $1) } END { print "JMH measured iterations (MIPS):" r }' "$out/jmh-iterations"
fi
echo "wall s: median wall time of the whole process (fork to exit); start-up s: median for the same runner"
echo "  on an empty main (same start-up and runtime code), timed in the same pairs; whole MIPS = instructions / wall."
echo "warm MIPS, qemu: instructions / (median wall - median start-up) (TCG's translation left in)."
if [ -n "$warm" ]; then
  echo "warm MIPS, vm3000: JMH ProgramBench, whole runs of this image on fresh machines in one JVM ($jvmopts):"
  echo "  instructions / the median of $jmh_i iterations' mean time a run, after $jmh_wi iterations of 2 s of warm-up."
else
  echo "warm MIPS, vm3000: not measured (JMH=0)."
fi
