package vm3000.cpu.profile;

import java.util.HashMap;
import java.util.Map;

/** The samples of one run: by site, and those that found the CPU idle in WAIT, by mode. */
final class Samples {
    private final Map<Site, Long> bySite = new HashMap<>();
    private long idleKernel;
    private long idleUser;

    void add(Site site) { bySite.merge(site, 1L, Long::sum); }

    void addIdle(boolean user) {
        if (user) idleUser++;
        else idleKernel++;
    }

    Map<Site, Long> bySite() { return bySite; }
    long idleKernel() { return idleKernel; }
    long idleUser() { return idleUser; }

    long total() {
        long n = idleKernel + idleUser;
        for (long c : bySite.values()) n += c;
        return n;
    }
}
