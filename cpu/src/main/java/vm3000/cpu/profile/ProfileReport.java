package vm3000.cpu.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import vm3000.cpu.elf.ElfFile;

/**
 * The text of a profile (docs/debugging.md, "Profiling"): a header, one row per symbol by samples,
 * then the sampled addresses of the hottest symbols. Everything in it comes from the run's
 * samples and the programs' symbol tables, sorted by a total order, so the same run gives the
 * same bytes.
 */
final class ProfileReport {
    /** Symbols whose samples are listed by address. */
    static final int TOP_SYMBOLS = 5;
    /** Code of no symbol is counted by regions of this many bytes. */
    static final int REGION = 256;

    /** One line of the table: a symbol, a region without one, or the idle CPU. */
    private static final class Row {
        final String name;
        final int image;
        final long start;
        final boolean symbol;
        long kernel;
        long user;
        final TreeMap<Long, Long> byAddress = new TreeMap<>();

        Row(String name, int image, long start, boolean symbol) {
            this.name = name;
            this.image = image;
            this.start = start;
            this.symbol = symbol;
        }

        long samples() { return kernel + user; }
    }

    private record Key(int image, long start, boolean symbol) {}

    /** Most samples first; ties by name, program and address, so that the order is total. */
    private static final Comparator<Row> ORDER = Comparator.comparingLong((Row r) -> -r.samples())
            .thenComparing((Row r) -> r.name).thenComparingInt((Row r) -> r.image).thenComparingLong((Row r) -> r.start);

    private ProfileReport() {}

    static String text(String image, String args, long interval, long cycles, List<CodeImage> images, Samples samples) {
        List<Row> rows = rows(images, samples);
        StringBuilder out = new StringBuilder();
        header(out, image, args, interval, cycles, images, samples, rows);
        table(out, rows, samples.total());
        byAddress(out, rows, samples.total());
        return out.toString();
    }

    private static void header(StringBuilder out, String image, String args, long interval, long cycles,
                               List<CodeImage> images, Samples samples, List<Row> rows) {
        out.append("# vm3000 profile: the guest's pc every ").append(cycles(interval)).append(" of machine time\n");
        out.append("image: ").append(image).append('\n');
        if (!args.isEmpty()) out.append("arguments: ").append(args).append('\n');
        if (images.size() > 1) {
            List<String> names = new ArrayList<>();
            for (CodeImage m : images.subList(1, images.size())) names.add(m.name());
            out.append("modules: ").append(String.join(", ", names)).append('\n');
        }
        out.append("interval: ").append(cycles(interval)).append('\n');
        out.append("cycles: ").append(cycles).append('\n');
        long kernel = 0;
        long user = 0;
        for (Row r : rows) {
            kernel += r.kernel;
            user += r.user;
        }
        out.append(String.format(Locale.ROOT, "samples: %d (kernel mode %d, user mode %d; idle in WAIT %d)\n\n",
                samples.total(), kernel, user, samples.idleKernel() + samples.idleUser()));
    }

    private static void table(StringBuilder out, List<Row> rows, long total) {
        out.append(String.format(Locale.ROOT, "%9s %7s %7s %9s %9s  %-10s  %s\n",
                "samples", "%", "cum %", "kernel", "user", "address", "symbol"));
        long cumulative = 0;
        for (Row r : rows) {
            cumulative += r.samples();
            out.append(String.format(Locale.ROOT, "%9d %7.2f %7.2f %9d %9d  %-10s  %s\n", r.samples(),
                    percent(r.samples(), total), percent(cumulative, total), r.kernel, r.user,
                    r.image == IDLE ? "-" : String.format("0x%08x", r.start), r.name));
        }
    }

    /** The sampled addresses of the {@link #TOP_SYMBOLS} symbols with most samples. */
    private static void byAddress(StringBuilder out, List<Row> rows, long total) {
        int listed = 0;
        for (Row r : rows) {
            if (!r.symbol || listed == TOP_SYMBOLS) continue;
            listed++;
            out.append(String.format(Locale.ROOT, "\n%s (0x%08x), by address:\n", r.name, r.start));
            for (Map.Entry<Long, Long> a : r.byAddress.entrySet()) {
                out.append(String.format(Locale.ROOT, "%9d %7.2f  0x%08x  %s+0x%x\n", a.getValue(),
                        percent(a.getValue(), total), a.getKey(), r.name, a.getKey() - r.start));
            }
        }
    }

    /** The image index of the idle row: neither a program nor {@link Site#UNKNOWN}. */
    private static final int IDLE = Integer.MIN_VALUE;

    private static List<Row> rows(List<CodeImage> images, Samples samples) {
        Map<Key, Row> rows = new HashMap<>();
        for (Map.Entry<Site, Long> e : samples.bySite().entrySet()) {
            Site s = e.getKey();
            long address = s.address() & 0xFFFFFFFFL;
            String prefix = s.image() > Site.KERNEL ? images.get(s.image()).name() + ":" : "";
            ElfFile.Symbol sym = s.image() == Site.UNKNOWN ? null : images.get(s.image()).symbols().at(s.address());
            Key key = sym != null ? new Key(s.image(), sym.value() & 0xFFFFFFFFL, true)
                    : new Key(s.image(), address & -REGION, false);
            String name = sym != null ? prefix + sym.name() : String.format("%s<0x%08x>", prefix, key.start());
            Row r = rows.computeIfAbsent(key, k -> new Row(name, k.image(), k.start(), k.symbol()));
            if (s.user()) r.user += e.getValue();
            else r.kernel += e.getValue();
            r.byAddress.merge(address, e.getValue(), Long::sum);
        }
        List<Row> out = new ArrayList<>(rows.values());
        if (samples.idleKernel() + samples.idleUser() > 0) {
            Row idle = new Row("<idle>", IDLE, 0, false);
            idle.kernel = samples.idleKernel();
            idle.user = samples.idleUser();
            out.add(idle);
        }
        out.sort(ORDER);
        return out;
    }

    private static String cycles(long n) { return n == 1 ? "1 cycle" : n + " cycles"; }

    private static double percent(long part, long total) {
        return total == 0 ? 0 : 100.0 * part / total;
    }
}
