# vm3000: thin wrappers over Maven. `make run` and `make test` work on a fresh clone.
MVN ?= mvn
MVN_FLAGS ?= -B -q
JAR := cli/target/vm3000.jar
JSA := cli/target/vm3000.jsa

.PHONY: build run test bench bench-quick bench-jmh bench-qemu clean

build: $(JAR) $(JSA)

$(JAR): $(shell find pom.xml */pom.xml */src/main -type f 2>/dev/null)
	$(MVN) $(MVN_FLAGS) -DskipTests install

# The class-data archive bin/vm3000 maps at start-up (docs/performance.md, "Start-up"): the
# classes `vm3000 run hello` loads, the JDK's and picocli's included, parsed and verified once,
# here. The JVM records the jar by the path it was given, so the jar is named as bin/vm3000 names
# it; the archive replaces the old one only after a run that requires it (-Xshare:on) has worked.
# Optional: without it bin/vm3000 starts as before.
$(JSA): $(JAR)
	@rm -f $@ $@.tmp $@.classes
	@jar="$$(pwd -P)/$(JAR)"; \
	{ java -XX:+UseSerialGC -XX:DumpLoadedClassList=$@.classes -jar "$$jar" run hello </dev/null >/dev/null 2>&1 \
	  && java -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile=$@.classes -XX:SharedArchiveFile=$@.tmp \
	       -cp "$$jar" >/dev/null 2>&1 \
	  && JAVA_TOOL_OPTIONS=-Xshare:on VM3000_CDS=$@.tmp bin/vm3000 run hello </dev/null >/dev/null 2>&1 \
	  && mv $@.tmp $@; } \
	|| { rm -f $@.tmp; echo "no class-data archive: bin/vm3000 starts without one" >&2; }; \
	rm -f $@.classes

# Boot the hello-world guest and show what the machine prints (console on stdout,
# the machine's own messages and statistics on stderr).
run: build
	bin/vm3000 run --stats guest-kernels/src/main/resources/kernels/hello.s from make run

test:
	$(MVN) -B install

# The comparison matrix: every workload bare, under 1-4 trap-and-emulate VMMs and under 1-4 RMR
# VMMs, one JMH fork each, with every counter; writes results.json, report.md and the charts into
# BENCH_OUT (docs/performance.md). About half an hour; bench-quick is the seconds-long smoke test.
BENCH_OUT ?= bench/target/report
bench: build
	bin/vm3000 bench --out $(BENCH_OUT) $(BENCH_ARGS)

bench-quick: build
	bin/vm3000 bench --quick --out $(BENCH_OUT) $(BENCH_ARGS)

# The JMH benchmarks of the machine itself: guest instructions per second of each core
# (CoreBench, with the block/interp ratios of the run) and the RMR stack under rmrmon (RmrBench).
# BENCH_ARGS passes JMH options, e.g. BENCH_ARGS='CoreBench -p workload=c-compute -wi 2 -i 3'.
bench-jmh: build
	$(MVN) $(MVN_FLAGS) -pl bench -am -DskipTests package
	java -jar bench/target/benchmarks.jar $(BENCH_ARGS) 2>&1 | tee bench/target/jmh.txt

# vm3000 against qemu-mips on one GCC-built compute.c of 2.18e9 guest instructions: RUNS paired runs
# (default 5), medians, whole-process and warm speed ratios beside their targets (docs/performance.md).
bench-qemu: build
	$(MVN) $(MVN_FLAGS) -pl bench -am -DskipTests package
	sh bench/scripts/qemu-compare.sh $(RUNS)

clean:
	$(MVN) $(MVN_FLAGS) clean
