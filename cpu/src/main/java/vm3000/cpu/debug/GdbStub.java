package vm3000.cpu.debug;

import static vm3000.cpu.isa.Fields.rs;
import static vm3000.cpu.isa.Fields.simm;

import java.io.Closeable;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import vm3000.cpu.bus.Endian;
import vm3000.cpu.bus.PowerState;
import vm3000.cpu.core.Cpu;
import vm3000.cpu.core.Debugger;
import vm3000.cpu.cp0.Cp0;
import vm3000.cpu.isa.Decoder;
import vm3000.cpu.isa.Op;
import vm3000.cpu.mmu.Access;
import vm3000.cpu.mmu.Mmu;

/**
 * A gdb remote-serial-protocol stub for one CPU (a bare machine's, or a VM's virtual CPU; or the
 * machine's CPU as one VM of the RMR VMM sees it, through a debugger that forwards the VM's own
 * cycles to this stub, {@link #bind}), listening on a TCP port of the loopback interface or, as System/161 does, on a
 * Unix-domain socket (a file, removed again when the stub closes). It is the CPU's {@link Debugger}: every stop
 * (a breakpoint, a watchpoint, the end of a single step, Ctrl-C from gdb, the guest's own request
 * through the trace card, the first instruction with {@code --gdb-wait}) is served inside
 * {@link #beforeCycle}, so the machine's time stands still while gdb looks at it. Everything runs
 * on the machine's thread: while the machine runs, the connection is polled for gdb's interrupt
 * and for a debugger connecting ({@link #poll}).
 *
 * <p>Registers are numbered as gdb's MIPS target numbers them: $0..$31, Status, LO, HI, BadVAddr,
 * Cause, PC (37); the floating-point slots after them (38..71, and gdb's embedded slots up to
 * 89) are unavailable, as the machine has no FPU. Breakpoints and watchpoints are kept here and
 * checked before each instruction; guest memory is never written to set one.
 */
public final class GdbStub implements Debugger, Closeable {
    /** Registers of the {@code g} packet: the 38 integer and CP0 registers. */
    static final int GPRS = 38;
    /** gdb's MIPS register count: 38, the FPU's 34, and its embedded slots; all past 37 unavailable here. */
    static final int REGISTERS = 90;
    static final int SR = 32, LO = 33, HI = 34, BAD = 35, CAUSE = 36, PC = 37;
    private static final String UNAVAILABLE = "xxxxxxxx";
    /** Cycles between checks of the connection while the machine runs under a VMM's loop. */
    private static final int POLL_EVERY = 1 << 16;

    private static final String SIGTRAP = "S05", SIGINT = "S02";
    /** How long the last stop reply waits for gdb's acknowledgement before the connection closes. */
    private static final long ACK_WAIT_MILLIS = 2000;

    private enum Resume { CONTINUE, STEP, DETACH, KILL }

    private final String name;
    private final ServerSocketChannel listener;
    /** The TCP port listened on; -1 for a Unix-domain socket. */
    private final int port;
    /** The Unix-domain socket's file, removed when the stub closes; null for TCP. */
    private final Path socketFile;
    /** Where gdb connects, for messages: "port 1234", "unix:.sockets/gdb". */
    private final String where;
    /**
     * gdb's command to connect: "target remote :1234"; for a socket both OS/161's gdb's
     * "target remote unix:PATH" and a stock gdb's "target remote PATH" (stock gdb reads unix: as a host name).
     */
    private final String target;
    /** Removes {@link #socketFile} if the JVM ends before the stub closes (Ctrl-C); null for TCP. */
    private Thread removeAtExit;
    private final DebugMemory memory;
    private final Endian endian;
    private final PrintStream messages;
    private Cpu cpu;
    private RspConnection conn;

    private final Set<Integer> softBreaks = new HashSet<>();
    private final Set<Integer> hardBreaks = new HashSet<>();
    private final List<Watch> watches = new ArrayList<>();
    /** A stop to serve before the next cycle (its stop reply), or null. */
    private String pending;
    private boolean stepping;
    /** gdb resumed the machine and waits for the stop reply. */
    private boolean replyOwed;
    /** The last stop reply (the end) awaits gdb's acknowledgement before the connection closes. */
    private boolean ackOwed;
    private String lastStop = SIGTRAP;
    private long cycles;

    /** A watchpoint: Z2 (write), Z3 (read), Z4 (access) over {@code length} bytes from {@code address}. */
    private record Watch(int type, int address, int length) {
        boolean covers(int a, int size, boolean store) {
            if (type == 2 && !store || type == 3 && store) return false;
            long from = address & 0xFFFFFFFFL, to = from + length;
            long x = a & 0xFFFFFFFFL;
            return x < to && from < x + size;
        }
    }

    private GdbStub(String name, ServerSocketChannel listener, int port, Path socketFile, DebugMemory memory,
                    Endian endian, PrintStream messages) {
        this.name = name;
        this.listener = listener;
        this.port = port;
        this.socketFile = socketFile;
        this.where = socketFile == null ? "port " + port : "unix:" + socketFile;
        this.target = socketFile == null ? "target remote :" + port
                : "target remote unix:" + socketFile + "; a stock gdb: target remote " + socketFile;
        this.memory = memory;
        this.endian = endian;
        this.messages = messages;
    }

    /**
     * A stub listening on loopback port {@code port} (0: any free port) for the CPU it is then attached to, whose
     * physical memory {@code memory} is, of byte order {@code endian}; {@code name} names it in
     * messages ("vm0", or empty).
     */
    public static GdbStub listen(int port, String name, DebugMemory memory, Endian endian, PrintStream messages)
            throws IOException {
        ServerSocketChannel ch = ServerSocketChannel.open();
        try {
            ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            ch.configureBlocking(false);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        int bound = ((InetSocketAddress) ch.getLocalAddress()).getPort();
        GdbStub stub = new GdbStub(name, ch, bound, null, memory, endian, messages);
        stub.say("listening on port " + bound);
        return stub;
    }

    /**
     * A stub listening on the Unix-domain socket {@code path}, as System/161 listens on
     * {@code .sockets/gdb} (gdb: {@code target remote unix:PATH}); otherwise as {@link #listen}.
     * A missing parent directory is created; a socket file already there is removed first if
     * nothing listens on it (one left by a run that ended), refused if something does; anything
     * else at {@code path} is refused and left alone. The socket file is removed when the stub
     * closes, and when the JVM ends before that (Ctrl-C).
     */
    public static GdbStub listenUnix(Path path, String name, DebugMemory memory, Endian endian, PrintStream messages)
            throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (FileAlreadyExistsException e) {
                throw new IOException("not a directory: " + e.getFile());
            }
        }
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            if (!isSocket(path)) throw new IOException("exists and is not a socket");
            if (listenedOn(path)) throw new IOException("another process listens on it");
            Files.delete(path); // a stale socket, left by a run that was killed
        }
        ServerSocketChannel ch = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            ch.bind(UnixDomainSocketAddress.of(path));
            ch.configureBlocking(false);
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        GdbStub stub = new GdbStub(name, ch, -1, path, memory, endian, messages);
        stub.removeAtExit = new Thread(stub::removeSocketFile, "vm3000 gdb socket removal");
        Runtime.getRuntime().addShutdownHook(stub.removeAtExit);
        stub.say("listening on unix:" + path);
        return stub;
    }

    /** {@code path} is a Unix-domain socket (not following a symbolic link). */
    private static boolean isSocket(Path path) throws IOException {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return (mode & 0170000) == 0140000; // S_IFSOCK
        } catch (UnsupportedOperationException e) {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isOther();
        }
    }

    /** Something accepts connections on the socket {@code path}. */
    private static boolean listenedOn(Path path) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void removeSocketFile() {
        try {
            Files.deleteIfExists(socketFile);
        } catch (IOException ignored) {
            // nothing more to do at exit
        }
    }

    /** Attaches this stub to {@code cpu}; with {@code waitFirst} the first cycle waits for the debugger. */
    public void attach(Cpu cpu, boolean waitFirst) {
        bind(cpu, waitFirst);
        cpu.setDebugger(this);
    }

    /**
     * Makes {@code cpu} the CPU this stub reads, writes and stops, without making the stub its
     * debugger: for a debugger that shares one CPU among several stubs and forwards to each the
     * cycles of its own guest (the VMs of the RMR VMM, which take turns on the machine's CPU).
     */
    public void bind(Cpu cpu, boolean waitFirst) {
        this.cpu = cpu;
        if (waitFirst) pending = SIGTRAP;
    }

    /** The TCP port listened on; -1 for a Unix-domain socket. */
    public int port() { return port; }

    /** The Unix-domain socket's file listened on; null for TCP. */
    public Path socketFile() { return socketFile; }

    /**
     * The guest asked for the debugger (the trace card's DEBUGGER register, as OS/161's panic
     * writes it): the machine stops after the instruction and waits for gdb, connected or not.
     */
    public void guestRequest() {
        say("the guest asked for the debugger");
        pending = SIGTRAP;
        cpu.requestStop();
    }

    /**
     * An exception went to the boot ROM: as on System/161, whose boot ROM holds a breakpoint there,
     * the machine stops for gdb before the next cycle, at the vector (continuing takes it again).
     */
    @Override
    public boolean bootRomException(Cpu c, String diagnostic) {
        say(diagnostic);
        pending = SIGTRAP;
        c.requestStop();
        return true;
    }

    @Override
    public boolean wantsEveryStep() {
        return pending != null || stepping || !softBreaks.isEmpty() || !hardBreaks.isEmpty() || !watches.isEmpty();
    }

    /**
     * Checks the connection without waiting: a debugger connecting stops the machine (gdb then
     * asks why), and so does gdb's interrupt. The run loop calls this between stretches of run.
     */
    public void poll() {
        try {
            if (conn == null) {
                SocketChannel s = listener.accept();
                if (s != null) {
                    connected(s);
                    stopAtNextCycle(SIGTRAP);
                }
            } else if (conn.interruptArrived()) {
                stopAtNextCycle(SIGINT);
            }
        } catch (IOException e) {
            lost();
        }
    }

    private void stopAtNextCycle(String reply) {
        pending = reply;
        cpu.requestStop();
    }

    @Override
    public void beforeCycle(Cpu c) {
        if (++cycles % POLL_EVERY == 0) poll();
        String p = pending;
        if (p != null) {
            pending = null;
            stop(p);
            return;
        }
        if (stepping) {
            stepping = false;
            stop(SIGTRAP);
            return;
        }
        if (c.cp0().deliverableInterrupts() != 0) return; // this cycle takes an interrupt: pc does not execute
        int pc = c.pc();
        if (softBreaks.contains(pc) || hardBreaks.contains(pc)) {
            stop(SIGTRAP);
            return;
        }
        if (!watches.isEmpty()) {
            String hit = watchHit(pc);
            if (hit != null) stop(hit);
        }
    }

    /**
     * The stop reply if the instruction at {@code pc} is about to access a watched byte: gdb's
     * MIPS target takes watchpoints as reported before the access (it then steps over the
     * instruction itself and compares the values), so the machine stops with pc at the access.
     */
    private String watchHit(int pc) {
        long w = readWord(pc);
        if (w < 0) return null;
        Op op = Decoder.decode((int) w);
        if (op == null) return null;
        boolean store = op.has(Op.Flag.STORE);
        if (!store && !op.has(Op.Flag.LOAD)) return null;
        int a = cpu.reg(rs((int) w)) + simm((int) w);
        int size;
        switch (op) {
            case LB: case LBU: case SB: size = 1; break;
            case LH: case LHU: case SH: size = 2; break;
            case LWL: case LWR: case SWL: case SWR: a &= ~3; size = 4; break;
            default: size = 4; break;
        }
        for (Watch watch : watches) {
            if (watch.covers(a, size, store)) {
                int at = Integer.compareUnsigned(a, watch.address()) < 0 ? watch.address() : a;
                String kind = watch.type() == 2 ? "watch" : watch.type() == 3 ? "rwatch" : "awatch";
                return "T05" + kind + ":" + Integer.toHexString(at) + ";";
            }
        }
        return null;
    }

    /** The machine stops: tell gdb (if it is waiting to hear) and serve it until it resumes. */
    private void stop(String reply) {
        lastStop = reply;
        try {
            if (conn == null) {
                say("waiting for a debugger on " + where + " (gdb: " + target + ")");
                listener.configureBlocking(true);
                SocketChannel s = listener.accept();
                listener.configureBlocking(false);
                connected(s);
                lastStop = SIGTRAP;
            } else if (replyOwed) {
                conn.send(reply);
            }
            replyOwed = false;
            serve();
        } catch (IOException e) {
            lost();
        }
        cpu.requestStop(); // the run loop chooses its way of running again: what the debugger wants may have changed
    }

    private void connected(SocketChannel s) throws IOException {
        if (socketFile == null) s.setOption(StandardSocketOptions.TCP_NODELAY, true);
        conn = new RspConnection(s);
        replyOwed = false;
        say("debugger connected on " + where);
    }

    /** The debugger went away without detaching: as a detach, the machine runs on. */
    private void lost() {
        if (conn == null) return;
        say("debugger connection lost; running on");
        detach();
    }

    private void detach() {
        softBreaks.clear();
        hardBreaks.clear();
        watches.clear();
        stepping = false;
        replyOwed = false;
        try {
            conn.close();
        } catch (IOException ignored) {
            // closing a socket that failed already
        }
        conn = null;
    }

    /** Answers packets until one resumes the machine. */
    private void serve() throws IOException {
        for (;;) {
            String packet = conn.readPacket();
            Resume r = handle(packet);
            if (r == null) continue;
            switch (r) {
                case CONTINUE: replyOwed = true; return;
                case STEP: replyOwed = true; stepping = true; return;
                case DETACH:
                    say("debugger detached; running on");
                    detach();
                    return;
                case KILL:
                    say("killed by the debugger");
                    detach();
                    // A machine check of the CPU's guest: the machine's, or a nested RMR level's, whose owner stops it
                    cpu.machineCheck("gdb: killed by the debugger");
                    return;
                default: throw new IllegalStateException(r.toString());
            }
        }
    }

    /** One packet: its reply is sent; a packet that resumes the machine returns how. */
    private Resume handle(String p) throws IOException {
        if (p.isEmpty()) {
            conn.send("");
            return null;
        }
        String rest = p.substring(1);
        switch (p.charAt(0)) {
            case '?': conn.send(lastStop); return null;
            case 'g': conn.send(allRegisters()); return null;
            case 'G': conn.send(writeAll(rest)); return null;
            case 'p': conn.send(readRegister(rest)); return null;
            case 'P': conn.send(writeRegister(rest)); return null;
            case 'm': conn.send(readMemory(rest)); return null;
            case 'M': conn.send(writeMemory(rest, false)); return null;
            case 'X': conn.send(writeMemory(rest, true)); return null;
            case 'c': return resume(rest, Resume.CONTINUE);
            case 's': return resume(rest, Resume.STEP);
            case 'C': return resume(afterSignal(rest), Resume.CONTINUE); // no signals to deliver on a bare CPU
            case 'S': return resume(afterSignal(rest), Resume.STEP);
            case 'v': return vPacket(p);
            case 'Z': case 'z': conn.send(breakpoint(p.charAt(0) == 'Z', rest)); return null;
            case 'H': case 'T': conn.send("OK"); return null;
            case 'q': conn.send(query(rest)); return null;
            case 'k': return Resume.KILL;
            case 'D': conn.send("OK"); return Resume.DETACH;
            default: conn.send(""); return null;
        }
    }

    private static String afterSignal(String rest) {
        int semi = rest.indexOf(';');
        return semi < 0 ? "" : rest.substring(semi + 1);
    }

    /** c/s with an optional address to resume at. */
    private Resume resume(String address, Resume how) throws IOException {
        if (!address.isEmpty()) {
            long a = Hex.number(address);
            if (a < 0) {
                conn.send("E01");
                return null;
            }
            cpu.setPc((int) a);
        }
        return how;
    }

    private Resume vPacket(String p) throws IOException {
        if (p.equals("vCont?")) {
            conn.send("vCont;c;C;s;S");
            return null;
        }
        if (p.startsWith("vCont;")) {
            // One thread: the first action decides (gdb sends e.g. "vCont;s:1;c" or "vCont;c").
            String action = p.substring(6);
            char a = action.isEmpty() ? ' ' : action.charAt(0);
            if (a == 's' || a == 'S') return Resume.STEP;
            if (a == 'c' || a == 'C') return Resume.CONTINUE;
            conn.send("E01");
            return null;
        }
        if (p.startsWith("vKill")) {
            conn.send("OK");
            return Resume.KILL;
        }
        conn.send(""); // vMustReplyEmpty and everything else: not supported
        return null;
    }

    private String query(String q) {
        if (q.startsWith("Supported")) return "PacketSize=" + Integer.toHexString(RspConnection.MAX_PACKET) + ";vContSupported+";
        if (q.startsWith("Attached")) return "1"; // an existing machine: detaching leaves it running
        return "";
    }

    // --- Registers ----------------------------------------------------------------------------

    private String allRegisters() {
        StringBuilder sb = new StringBuilder();
        for (int n = 0; n < GPRS; n++) sb.append(word(register(n)));
        return sb.toString();
    }

    private int register(int n) {
        if (n < 32) return cpu.reg(n);
        Cp0 cp0 = cpu.cp0();
        switch (n) {
            case SR: return cp0.status();
            case LO: return cpu.lo();
            case HI: return cpu.hi();
            case BAD: return cp0.badVAddr();
            case CAUSE: return cp0.cause();
            case PC: return cpu.pc();
            default: throw new IllegalArgumentException("register " + n);
        }
    }

    private String readRegister(String arg) {
        long n = Hex.number(arg);
        if (n < 0 || n >= REGISTERS) return "E01";
        return n < GPRS ? word(register((int) n)) : UNAVAILABLE;
    }

    private String writeRegister(String arg) {
        int eq = arg.indexOf('=');
        if (eq < 0) return "E01";
        long n = Hex.number(arg.substring(0, eq));
        long v = parseWord(arg.substring(eq + 1));
        if (n < 0 || v < 0 || n >= REGISTERS) return "E01";
        if (n >= GPRS) return "OK"; // the FPU's registers: there is no FPU, so nothing to write
        setRegister((int) n, (int) v);
        return "OK";
    }

    private String writeAll(String hex) {
        if (hex.length() < 8 * GPRS) return "E01";
        int[] values = new int[GPRS];
        for (int n = 0; n < GPRS; n++) {
            long v = parseWord(hex.substring(8 * n, 8 * n + 8));
            if (v < 0) return "E01";
            values[n] = (int) v;
        }
        for (int n = 0; n < GPRS; n++) if (register(n) != values[n]) setRegister(n, values[n]);
        return "OK";
    }

    private void setRegister(int n, int v) {
        Cp0 cp0 = cpu.cp0();
        if (n < 32) cpu.setReg(n, v);
        else if (n == SR) cp0.write(Cp0.STATUS, 0, v);
        else if (n == LO) cpu.setHiLo(cpu.hi(), v);
        else if (n == HI) cpu.setHiLo(v, cpu.lo());
        else if (n == BAD) cp0.write(Cp0.BADVADDR, 0, v);
        else if (n == CAUSE) cp0.write(Cp0.CAUSE, 0, v);
        else cpu.setPc(v);
    }

    /** A register's 8 hex digits, in the machine's byte order as gdb expects. */
    private String word(int v) {
        int x = endian == Endian.BIG ? v : Integer.reverseBytes(v);
        return String.format("%08x", x);
    }

    /** The register value in 8 hex digits in the machine's byte order, or -1. */
    private long parseWord(String hex) {
        if (hex.length() != 8) return -1;
        long v = Hex.number(hex);
        if (v < 0) return -1;
        return endian == Endian.BIG ? v : Integer.reverseBytes((int) v) & 0xFFFFFFFFL;
    }

    // --- Memory -------------------------------------------------------------------------------

    /**
     * The physical address of {@code vaddr} as the CPU would see it now, without its side effects:
     * kseg0 and kseg1 directly whatever the mode (gdb reads the kernel while a user process
     * runs), the rest through the TLB with the current ASID; -1 where the TLB has no valid entry
     * (an error for gdb, never an exception for the guest). Writes ignore the D bit, as a
     * debugger may patch read-only text.
     */
    private long physical(int vaddr) {
        int seg = vaddr >>> 29;
        if (seg == 4 || seg == 5) return vaddr & 0x1FFFFFFF;
        long t = Mmu.translate(cpu.cp0(), vaddr, Access.LOAD);
        return t < 0 ? -1 : t;
    }

    private int readByte(int vaddr) {
        long pa = physical(vaddr);
        return pa < 0 ? -1 : memory.load((int) pa);
    }

    /** The word at {@code vaddr} in the machine's byte order, or -1. */
    private long readWord(int vaddr) {
        long w = 0;
        for (int i = 0; i < 4; i++) {
            int b = readByte(vaddr + i);
            if (b < 0) return -1;
            w = w << 8 | b;
        }
        return endian == Endian.BIG ? w : Integer.reverseBytes((int) w) & 0xFFFFFFFFL;
    }

    private String readMemory(String arg) {
        int comma = arg.indexOf(',');
        if (comma < 0) return "E01";
        long a = Hex.number(arg.substring(0, comma));
        long n = Hex.number(arg.substring(comma + 1));
        if (a < 0 || n < 0 || n > RspConnection.MAX_PACKET / 2) return "E01";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int b = readByte((int) a + i);
            if (b < 0) break; // a partial read: gdb asks again from where it stopped
            sb.append(Hex.byteHex(b));
        }
        return sb.length() == 0 && n > 0 ? "E03" : sb.toString();
    }

    /** M addr,len:hex or X addr,len:binary (escaped with '}'). All or nothing. */
    private String writeMemory(String arg, boolean binary) {
        int comma = arg.indexOf(',');
        int colon = arg.indexOf(':');
        if (comma < 0 || colon < comma) return "E01";
        long a = Hex.number(arg.substring(0, comma));
        long n = Hex.number(arg.substring(comma + 1, colon));
        byte[] data = binary ? unescape(arg.substring(colon + 1)) : Hex.bytes(arg.substring(colon + 1));
        if (a < 0 || n < 0 || data == null || data.length != n) return "E01";
        long[] pa = new long[data.length];
        for (int i = 0; i < data.length; i++) {
            pa[i] = physical((int) a + i);
            if (pa[i] < 0 || memory.load((int) pa[i]) < 0) return "E03";
        }
        for (int i = 0; i < data.length; i++) memory.store((int) pa[i], data[i] & 0xFF);
        return "OK";
    }

    private static byte[] unescape(String s) {
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '}') {
                if (++i == s.length()) return null;
                c = (char) (s.charAt(i) ^ 0x20);
            }
            out[n++] = (byte) c;
        }
        return Arrays.copyOf(out, n);
    }

    // --- Breakpoints and watchpoints ----------------------------------------------------------

    /** Z/z type,addr,kind: 0 software and 1 hardware breakpoints, 2 write, 3 read, 4 access watchpoints. */
    private String breakpoint(boolean insert, String arg) {
        String[] f = arg.split(",", -1);
        if (f.length < 3) return "E01";
        long type = Hex.number(f[0]);
        long a = Hex.number(f[1]);
        int semi = f[2].indexOf(';'); // conditions and commands after the kind: not supported, ignored
        long kind = Hex.number(semi < 0 ? f[2] : f[2].substring(0, semi));
        if (type < 0 || a < 0 || kind < 0) return "E01";
        int address = (int) a;
        switch ((int) type) {
            case 0: case 1: {
                Set<Integer> set = type == 0 ? softBreaks : hardBreaks;
                if (insert) set.add(address);
                else set.remove(address);
                break;
            }
            case 2: case 3: case 4: {
                if (kind == 0) return "E01";
                Watch w = new Watch((int) type, address, (int) kind);
                if (insert) {
                    if (!watches.contains(w)) watches.add(w);
                } else {
                    watches.remove(w);
                }
                break;
            }
            default: return "";
        }
        if (insert) cpu.requestStop();
        return "OK";
    }

    // --- The end ------------------------------------------------------------------------------

    /**
     * The machine has stopped for good: a debugger waiting to hear is told, W and the guest's exit
     * code for a power-off, X and a signal otherwise (SIGABRT for a machine check, SIGXCPU for
     * the instruction limit); then the connection and the port close (a socket file is removed).
     */
    public void finish(PowerState power) {
        tellTheEnd(power);
        close();
    }

    /**
     * As {@link #finish}, without closing yet: where several stubs end together (the VMs of a
     * VMM), each debugger is told first, and then each stub closes, once its debugger has
     * acknowledged the news (or after a while), so that no debugger waits for another's.
     */
    public void tellTheEnd(PowerState power) {
        if (conn != null && replyOwed) {
            String reply;
            switch (power.reason()) {
                case POWER_OFF: reply = "W" + Hex.byteHex(power.exitCode() & 0xFF); break;
                case INSTRUCTION_LIMIT: reply = "X18"; break;
                default: reply = "X06"; break;
            }
            try {
                conn.send(reply);
                ackOwed = true;
            } catch (IOException ignored) {
                // the debugger went away first: nothing to tell
            }
            replyOwed = false;
        }
    }

    @Override
    public void close() {
        try {
            if (conn != null && ackOwed) conn.awaitAcknowledgement(ACK_WAIT_MILLIS);
        } catch (IOException ignored) {
            // the debugger has gone: nothing to wait for
        }
        ackOwed = false;
        try {
            if (conn != null) conn.close();
            listener.close();
        } catch (IOException ignored) {
            // closing sockets at the end of a run
        }
        conn = null;
        if (removeAtExit != null) { // once: a later close must not remove another run's socket
            removeSocketFile();
            try {
                Runtime.getRuntime().removeShutdownHook(removeAtExit);
            } catch (IllegalStateException ignored) {
                // the JVM is ending already: the hook removes the file (again) harmlessly
            }
            removeAtExit = null;
        }
    }

    private void say(String what) {
        messages.println("vm3000: gdb" + (name.isEmpty() ? "" : " (" + name + ")") + ": " + what);
        messages.flush();
    }
}
