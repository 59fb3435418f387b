package vm3000.cpu.dev;

import java.nio.file.Path;

import vm3000.cpu.bus.LamebusDevice;

/** Builds the cards a {@link Sys161Config} names and plugs them into the machine's LAMEbus. */
public final class DeviceFactory {
    private DeviceFactory() {}

    /**
     * Attaches every configured card to {@code machine.bus()}, each with its own slot in its
     * context. The mainboard reports {@code cfg.ramSize()}, which is the size the machine's RAM
     * must have; a random card's {@code seed=} overrides {@code machine.seed()}.
     */
    public static void attach(Sys161Config cfg, DeviceContext machine) {
        DeviceContext base = machine.withRamSize(cfg.ramSize());
        for (Sys161Config.Slot s : cfg.slots()) {
            DeviceContext ctx = base.withSlot(s.slot());
            machine.bus().attach(s.slot(), create(s, ctx));
        }
    }

    /** The card for one configured slot (the configuration has been checked by the parser). */
    static LamebusDevice create(Sys161Config.Slot s, DeviceContext ctx) {
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
            default: throw new IllegalArgumentException("no such device: " + s.device());
        }
    }
}
