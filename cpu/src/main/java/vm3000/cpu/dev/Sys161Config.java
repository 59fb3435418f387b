package vm3000.cpu.dev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vm3000.cpu.BadInputException;
import vm3000.cpu.InputFiles;
import vm3000.cpu.bus.Lamebus;

/**
 * A machine's slot table in System/161's {@code sys161.conf} syntax (System/161 doc/system.html,
 * "Config File Syntax"): one card per line, {@code slot device [args...]}, {@code #} to the end of
 * a line is a comment, blank lines are ignored. Arguments are {@code key=value} or a bare flag.
 * Every error names the file and line.
 */
public final class Sys161Config {
    /** One configured slot. {@code args} keeps the line's order; a bare flag maps to "". */
    public record Slot(int slot, String device, Map<String, String> args, int line) {
        public Slot {
            args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        }
    }

    /** The largest RAM: physical memory below the boot ROM area at 0x1fc00000. */
    public static final long MAX_RAM = 0x1fc00000L;

    private static final Set<String> UNSUPPORTED = Set.of("nic", "screen");
    private static final Set<String> CONTROLLERS = Set.of("mainboard", "oldmainboard", "busctl");
    private static final Set<String> NO_ARGS = Set.of("serial", "timer", "trace");

    private final String file;
    private final List<Slot> slots;
    private final int ramSize;
    private final List<String> notes;

    private Sys161Config(String file, List<Slot> slots, int ramSize, List<String> notes) {
        this.file = file;
        this.slots = List.copyOf(slots);
        this.ramSize = ramSize;
        this.notes = List.copyOf(notes);
    }

    /**
     * What the user should know about lines vm3000 accepts but runs differently from System/161
     * (e.g. {@code cpus=8}: vm3000 has one CPU), one line each, naming the file and line.
     */
    public List<String> notes() { return notes; }

    /**
     * True if a random card's line says {@code autoseed}: its seed is then the machine's seed,
     * which the command line chooses afresh for each run unless {@code --seed} gives it.
     */
    public boolean autoseed() {
        for (Slot s : slots) if (s.device().equals("random") && s.args().containsKey("autoseed")) return true;
        return false;
    }

    /** Where the configuration came from (a file name, or "(defaults)"). */
    public String file() { return file; }

    /** The configured slots, in file order. */
    public List<Slot> slots() { return slots; }

    /** RAM size in bytes, from the controller line's {@code ramsize=}. */
    public int ramSize() { return ramSize; }

    /** The same slots with a different RAM size (the command line's {@code --ram} overrides the file). */
    public Sys161Config withRamSize(int bytes) { return new Sys161Config(file, slots, bytes, notes); }

    /** The slot table of System/161's sample configuration, with 16 MiB of RAM. */
    public static Sys161Config defaults() { return defaults(DeviceContext.DEFAULT_RAM_SIZE); }

    /** serial 0, random 28, timer 29, trace 30, mainboard 31 with {@code ramSize} bytes. */
    public static Sys161Config defaults(int ramSize) {
        String text = "0 serial\n28 random\n29 timer\n30 trace\n31 mainboard ramsize=" + ramSize + " cpus=1\n";
        try {
            return parse("(defaults)", text);
        } catch (BadInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The largest configuration file read: a real one is a few hundred bytes. */
    public static final int MAX_FILE = 1 << 20;

    /** Reads and parses {@code path}: a regular file of at most {@link #MAX_FILE} bytes. */
    public static Sys161Config read(Path path) throws BadInputException {
        String name = path.toString();
        String text;
        try {
            text = new String(InputFiles.read(path, MAX_FILE), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw BadInputException.in(name, "no such file");
        } catch (InputFiles.Refused e) {
            throw BadInputException.in(name, e.getMessage());
        } catch (IOException e) {
            throw BadInputException.in(name, "cannot read: " + e.getMessage());
        }
        return parse(name, text);
    }

    /** Parses {@code text}; {@code file} names it in errors. */
    public static Sys161Config parse(String file, String text) throws BadInputException {
        List<Slot> slots = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Slot[] bySlot = new Slot[Lamebus.SLOTS];
        int ram = -1;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            int hash = line.indexOf('#');
            if (hash >= 0) line = line.substring(0, hash);
            String[] words = line.trim().isEmpty() ? new String[0] : line.trim().split("[ \t\r]+");
            if (words.length == 0) continue;
            int slot = parseSlot(file, lineNo, words[0]);
            if (words.length == 1) throw BadInputException.at(file, lineNo, "slot " + slot + ": no device");
            if (bySlot[slot] != null) {
                throw BadInputException.at(file, lineNo, "slot " + slot + " is already in use (line " + bySlot[slot].line() + ")");
            }
            String device = words[1];
            Map<String, String> args = parseArgs(file, lineNo, words);
            checkDevice(file, lineNo, slot, device, args, notes);
            if (CONTROLLERS.contains(device)) ram = ramSize(file, lineNo, args.get("ramsize"));
            Slot s = new Slot(slot, device, args, lineNo);
            bySlot[slot] = s;
            slots.add(s);
        }
        if (bySlot[Lamebus.CONTROLLER_SLOT] == null) {
            throw BadInputException.in(file, "no mainboard in slot 31 (the machine needs a bus controller and its RAM size)");
        }
        return new Sys161Config(file, slots, ram, notes);
    }

    private static int parseSlot(String file, int line, String word) throws BadInputException {
        try {
            int slot = word.startsWith("0x") || word.startsWith("0X")
                    ? Integer.parseInt(word.substring(2), 16) : Integer.parseInt(word);
            if (slot >= 0 && slot < Lamebus.SLOTS) return slot;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw BadInputException.at(file, line, "invalid slot '" + word + "' (should be 0-31)");
    }

    private static Map<String, String> parseArgs(String file, int line, String[] words) throws BadInputException {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 2; i < words.length; i++) {
            String w = words[i];
            int eq = w.indexOf('=');
            String key = eq < 0 ? w : w.substring(0, eq);
            String value = eq < 0 ? "" : w.substring(eq + 1);
            if (key.isEmpty() || (eq >= 0 && value.isEmpty())) {
                throw BadInputException.at(file, line, "malformed argument '" + w + "' (expected key=value or a flag)");
            }
            if (args.putIfAbsent(key, value) != null) {
                throw BadInputException.at(file, line, "argument '" + key + "' given twice");
            }
        }
        return args;
    }

    private static void checkDevice(String file, int line, int slot, String device, Map<String, String> args,
                                    List<String> notes) throws BadInputException {
        if (UNSUPPORTED.contains(device)) {
            throw BadInputException.at(file, line, "device '" + device + "' is not supported by vm3000");
        }
        boolean controller = CONTROLLERS.contains(device);
        if (!controller && !NO_ARGS.contains(device) && !device.equals("random") && !device.equals("emufs")
                && !device.equals("disk")) {
            throw BadInputException.at(file, line, "slot " + slot + ": no such device '" + device + "'");
        }
        if (controller != (slot == Lamebus.CONTROLLER_SLOT)) {
            throw BadInputException.at(file, line, "slot " + slot + ": " + device + ": the bus controller must go in slot 31, and only it");
        }
        for (Map.Entry<String, String> a : args.entrySet()) checkArg(file, line, device, a.getKey(), a.getValue(), notes);
        if (controller && !args.containsKey("ramsize")) {
            throw BadInputException.at(file, line, device + ": ramsize= is required");
        }
        if (args.containsKey("seed") && args.containsKey("autoseed")) {
            throw BadInputException.at(file, line, "random: seed= and autoseed both given");
        }
        if (device.equals("disk") && !args.containsKey("file")) {
            throw BadInputException.at(file, line, "disk: file= is required (the disk image)");
        }
    }

    private static void checkArg(String file, int line, String device, String key, String value, List<String> notes)
            throws BadInputException {
        String arg = value.isEmpty() ? key : key + "=" + value;
        if (NO_ARGS.contains(device)) {
            throw BadInputException.at(file, line, device + " takes no arguments (got '" + arg + "')");
        }
        switch (device + " " + key) {
            case "mainboard ramsize", "oldmainboard ramsize", "busctl ramsize":
                if (value.isEmpty()) break;
                return;
            case "mainboard cpus", "mainboard cores":
                if (value.isEmpty()) break;
                if (parseNumber(value) == null) break;
                long n = parseNumber(value);
                if (n < 1 || n > 32) break;
                if (n != 1) {
                    notes.add(file + ":" + line + ": mainboard: " + arg + ": vm3000 has one CPU with one core; the guest finds one");
                }
                return;
            case "random seed":
                Long seed = parseNumber(value);
                if (seed == null || seed < Integer.MIN_VALUE || seed > 0xFFFFFFFFL) break;
                return;
            case "emufs dir":
                if (value.isEmpty()) break;
                checkDirectory(file, line, value);
                return;
            case "disk rpm":
                Long rpm = parseNumber(value);
                if (rpm == null || rpm > 0xFFFFFFFFL) break;
                if (rpm < 60 || rpm % 60 != 0) {
                    throw BadInputException.at(file, line, "disk: " + arg + ": the speed must be a multiple of 60, at least 60");
                }
                return;
            case "disk sectors":
                Long sectors = parseNumber(value);
                if (sectors == null || sectors < 0 || sectors > 0xFFFFFFFFL) break;
                return;
            case "disk size":
                Long bytes = parseSize(value);
                if (bytes == null || bytes < 0) break;
                if (bytes % 512 != 0) throw BadInputException.at(file, line, "disk: " + arg + " is not a whole number of 512-byte sectors");
                if (bytes / 512 > 0xFFFFFFFFL) throw BadInputException.at(file, line, "disk: " + arg + " is too large (at most 2^32 sectors)");
                return;
            case "disk file":
                try {
                    Path.of(value);
                } catch (InvalidPathException e) {
                    break;
                }
                return;
            case "disk paranoid", "disk doom", "disk nodoom":
                if (!value.isEmpty()) break;
                return;
            case "random autoseed":
                if (!value.isEmpty()) break;
                return;
            default:
                break;
        }
        throw BadInputException.at(file, line, device + ": invalid argument '" + arg + "'");
    }

    /** An emufs root must be an existing directory (relative: from the current directory). */
    private static void checkDirectory(String file, int line, String dir) throws BadInputException {
        boolean ok;
        try {
            ok = Files.isDirectory(Path.of(dir));
        } catch (InvalidPathException | SecurityException e) {
            ok = false;
        }
        if (!ok) throw BadInputException.at(file, line, "emufs: dir=" + dir + ": no such directory");
    }

    /** RAM size with System/161's suffixes: K (KiB), M (MiB), s (512-byte sectors). */
    private static int ramSize(String file, int line, String spec) throws BadInputException {
        long unit = 1;
        String digits = spec;
        char last = spec.charAt(spec.length() - 1);
        if (last == 'K' || last == 'k') unit = 1024;
        else if (last == 'M' || last == 'm') unit = 1024 * 1024;
        else if (last == 's') unit = 512;
        if (unit != 1) digits = spec.substring(0, spec.length() - 1);
        Long n = parseNumber(digits);
        if (n == null || n < 0) throw BadInputException.at(file, line, "ramsize: not a size: '" + spec + "'");
        if (n == 0) throw BadInputException.at(file, line, "ramsize: no system memory");
        if (n > MAX_RAM / unit) {
            throw BadInputException.at(file, line, "ramsize: " + spec + " is too large (at most 0x1fc00000 bytes: RAM ends below the boot ROM)");
        }
        long bytes = n * unit;
        if ((bytes & 0xFFF) != 0) throw BadInputException.at(file, line, "ramsize: " + spec + " is not a multiple of the 4 KiB page size");
        return (int) bytes;
    }

    /**
     * A size in bytes with System/161's suffixes (its {@code getsize}): none or {@code b} bytes,
     * {@code s} 512-byte sectors, {@code k}/{@code K} KiB, {@code m}/{@code M} MiB, {@code g}/{@code G}
     * GiB; or null.
     */
    static Long parseSize(String spec) {
        Long whole = parseNumber(spec);  // 0xb is eleven bytes, not 0x blocks
        if (whole != null) return whole < 0 ? null : whole;
        int digits = spec.length();
        long unit = 1;
        switch (spec.isEmpty() ? ' ' : spec.charAt(spec.length() - 1)) {
            case 'b': digits--; break;
            case 's': unit = 512; digits--; break;
            case 'k', 'K': unit = 1L << 10; digits--; break;
            case 'm', 'M': unit = 1L << 20; digits--; break;
            case 'g', 'G': unit = 1L << 30; digits--; break;
            default: break;
        }
        Long n = digits == 0 ? null : parseNumber(spec.substring(0, digits));
        if (n == null || n < 0 || n > Long.MAX_VALUE / unit) return null;
        return n * unit;
    }

    /** A decimal or 0x-hexadecimal number, or null. */
    static Long parseNumber(String s) {
        try {
            if (s.startsWith("0x") || s.startsWith("0X")) return Long.parseLong(s.substring(2), 16);
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
