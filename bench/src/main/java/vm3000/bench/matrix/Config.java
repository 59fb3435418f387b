package vm3000.bench.matrix;

/**
 * One column of the matrix: how the guest runs. {@code bare}: on the plain machine;
 * {@code trap-d}: as the one VM of the top of d stacked trap-and-emulate VMMs (docs/vmm.md);
 * {@code rmr-d}: as the one VM of the top of d RMR VMMs on a machine with d RMR levels
 * (docs/rmr.md), the guest at level d.
 */
public record Config(Scheme scheme, int depth) {
    public static final int MAX_DEPTH = 4;

    public enum Scheme {
        BARE, TRAP, RMR;

        public String label() {
            return switch (this) {
                case BARE -> "bare";
                case TRAP -> "trap-and-emulate";
                case RMR -> "RMR";
            };
        }
    }

    public Config {
        if (scheme == Scheme.BARE ? depth != 0 : depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("no configuration " + scheme + " at depth " + depth);
        }
    }

    public static final Config BARE = new Config(Scheme.BARE, 0);

    /** bare, trap-1..4, rmr-1..4. */
    public static java.util.List<Config> all() {
        java.util.List<Config> all = new java.util.ArrayList<>();
        all.add(BARE);
        for (Scheme s : new Scheme[] {Scheme.TRAP, Scheme.RMR}) {
            for (int d = 1; d <= MAX_DEPTH; d++) all.add(new Config(s, d));
        }
        return all;
    }

    /** "bare", "trap-3", "rmr-1". */
    public String name() {
        return scheme == Scheme.BARE ? "bare" : scheme.name().toLowerCase(java.util.Locale.ROOT) + "-" + depth;
    }

    /** The inverse of {@link #name()}. */
    public static Config parse(String name) {
        if (name.equals("bare")) return BARE;
        int dash = name.indexOf('-');
        if (dash > 0) {
            try {
                return new Config(Scheme.valueOf(name.substring(0, dash).toUpperCase(java.util.Locale.ROOT)), Integer.parseInt(name.substring(dash + 1)));
            } catch (IllegalArgumentException e) {
                // falls through to the error below
            }
        }
        throw new IllegalArgumentException("unknown configuration '" + name + "' (bare, trap-1..trap-" + MAX_DEPTH
                + ", rmr-1..rmr-" + MAX_DEPTH + ")");
    }

    @Override public String toString() { return name(); }
}
