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

    /**
     * Attaches every configured card to {@code machine.bus()}, each with its own slot in its
     * context. The mainboard reports {@code cfg.ramSize()}, which is the size the machine's RAM
     * must have; a random card's {@code seed=} overrides {@code machine.seed()}. A card that
     * cannot be built (a disk image that cannot be used) is bad input naming the configuration's
     * file and line; the cards built before it are closed again.
     */
    public static void attach(Sys161Config cfg, DeviceContext machine) throws BadInputException {
        DeviceContext base = machine.withRamSize(cfg.ramSize());
        List<LamebusDevice> built = new ArrayList<>();
        for (Sys161Config.Slot s : cfg.slots()) {
            DeviceContext ctx = base.withSlot(s.slot());
            LamebusDevice d;
            try {
                d = create(s, ctx);
            } catch (DiskImage.Refused e) {
                for (LamebusDevice b : built) b.close();
                throw BadInputException.at(cfg.file(), s.line(), "disk: slot " + s.slot() + ": " + s.args().get("file")
                        + ": " + e.getMessage());
            }
            built.add(d);
            machine.bus().attach(s.slot(), d);
        }
    }

    /** The card for one configured slot (the configuration has been checked by the parser). */
    static LamebusDevice create(Sys161Config.Slot s, DeviceContext ctx) throws DiskImage.Refused {
        switch (s.device()) {
            case "mainboard": return new Mainboard(ctx, Mainboard.Kind.MULTIPROCESSOR);
            case "oldmainboard":
            case "busctl": return new Mainboard(ctx, Mainboard.Kind.UNIPROCESSOR);
            case "serial": return new Serial(ctx);
            case "timer": return new Timer(ctx);
            case "trace": return new Trace(ctx);
            case "emufs": return new Emufs(ctx, Path.of(s.args().getOrDefault("dir", ".")));
            case "random": {
                String seed = s.args().get("seed");
                return new RandomDevice(seed == null ? ctx.seed() : Sys161Config.parseNumber(seed));
            }
            case "disk": return Disk.open(ctx, diskOptions(s.args()));
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
