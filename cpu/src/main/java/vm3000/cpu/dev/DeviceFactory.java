package vm3000.cpu.dev;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vm3000.cpu.BadInputException;
import vm3000.cpu.bus.LamebusDevice;

/** Builds the cards a {@link Sys161Config} names and plugs them into the machine's LAMEbus. */
public final class DeviceFactory {
    private DeviceFactory() {}

    /** Why a configured card cannot be built: one line, naming the card and its slot. */
    static final class CardRefused extends Exception {
        private static final long serialVersionUID = 1L;
        CardRefused(String why) { super(why); }
    }

    /**
     * Attaches every configured card to {@code machine.bus()}, each with its own slot in its
     * context. The mainboard reports {@code cfg.ramSize()}, which is the size the machine's RAM
     * must have; a random card's {@code seed=} overrides {@code machine.seed()}. A card that
     * cannot be built (a disk image that cannot be used, an emufs directory gone since the
     * configuration was read) is bad input naming the configuration's file and line. Whatever
     * stops the building, the cards built before it are closed again, so no image stays locked and
     * no directory open.
     */
    public static void attach(Sys161Config cfg, DeviceContext machine) throws BadInputException {
        DeviceContext base = machine.withRamSize(cfg.ramSize());
        List<LamebusDevice> built = new ArrayList<>();
        boolean done = false;
        try {
            for (Sys161Config.Slot s : cfg.slots()) {
                LamebusDevice d;
                try {
                    d = create(s, base.withSlot(s.slot()));
                } catch (CardRefused e) {
                    throw BadInputException.at(cfg.file(), s.line(), e.getMessage());
                }
                built.add(d);
                machine.bus().attach(s.slot(), d);
            }
            done = true;
        } finally {
            if (!done) for (LamebusDevice b : built) b.close();
        }
    }

    /** The card for one configured slot (the configuration has been checked by the parser). */
    static LamebusDevice create(Sys161Config.Slot s, DeviceContext ctx) throws CardRefused {
        switch (s.device()) {
            case "mainboard": return new Mainboard(ctx, Mainboard.Kind.MULTIPROCESSOR);
            case "oldmainboard":
            case "busctl": return new Mainboard(ctx, Mainboard.Kind.UNIPROCESSOR);
            case "serial": return new Serial(ctx);
            case "timer": return new Timer(ctx);
            case "trace": return new Trace(ctx);
            case "emufs": {
                String dir = s.args().getOrDefault("dir", ".");
                try {
                    return Emufs.open(ctx, Path.of(dir));
                } catch (Emufs.Refused e) {
                    throw new CardRefused("emufs: slot " + s.slot() + ": dir=" + dir + ": " + e.getMessage());
                }
            }
            case "random": {
                String seed = s.args().get("seed");
                return new RandomDevice(seed == null ? ctx.seed() : Sys161Config.parseNumber(seed));
            }
            case "disk":
                try {
                    return Disk.open(ctx, diskOptions(s.args()));
                } catch (DiskImage.Refused e) {
                    throw new CardRefused("disk: slot " + s.slot() + ": " + s.args().get("file") + ": " + e.getMessage());
                }
            default: throw new IllegalArgumentException("no such device: " + s.device());
        }
    }

    /** A disk line's options; of sectors= and size=, the last given counts, as on System/161. */
    static Disk.Options diskOptions(Map<String, String> args) {
        long sectors = 0;
        for (Map.Entry<String, String> a : args.entrySet()) {
            if (a.getKey().equals("sectors")) sectors = Sys161Config.parseNumber(a.getValue());
            if (a.getKey().equals("size")) sectors = Sys161Config.parseSize(a.getValue()) / Disk.SECTOR_SIZE;
        }
        String rpm = args.get("rpm");
        return new Disk.Options(Path.of(args.get("file")), sectors,
                rpm == null ? Disk.DEFAULT_RPM : Sys161Config.parseNumber(rpm), args.containsKey("paranoid"));
    }
}
