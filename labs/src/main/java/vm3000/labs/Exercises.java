package vm3000.labs;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import vm3000.vmm.trap.time.OneStep;

/** The exercises of the course labs (docs/labs/README.md) and their graders' checks. */
public final class Exercises {
    private Exercises() {}

    private static Predicate<String> starting(String... prefixes) {
        return line -> {
            for (String p : prefixes) if (line.startsWith(p)) return true;
            return false;
        };
    }

    private static final Predicate<String> ALL = line -> true;
    private static final Predicate<String> REGISTERS = Pattern.compile(
            "^(Index|EntryLo|Context|BadVAddr|EntryHi|Compare|Status|Cause|EPC|PRId) ").asPredicate();

    static final String SHADOW = "MFC0 must return the VM's own register, from its shadow CP0 (vm.cp0()), and MTC0 must "
            + "write the shadow as the hardware writes a register: Cp0.mtc0 keeps the read-only fields (Index.P, "
            + "Context.BadVPN, Cause's hardware bits, BadVAddr, EPC, PRId) and does the machine check for cache control.";
    static final String GUARD = "In user mode with Status.CU0 clear a CP0 instruction does not run: it raises a "
            + "Coprocessor Unusable exception in the VM, ExcCode CpU (11) with CE 0 — "
            + "vm.cpu().raiseException(ExcCode.CPU, 0, false) — and privileged() returns false. In kernel mode, "
            + "or in user mode with CU0 set, the instruction runs.";

    /** Exercise 1: the MTC0/MFC0 interpreters and the guard. */
    public static final Exercise EX1 = new Exercise(1, "the MTC0/MFC0 interpreters and the guard", "docs/labs/ex1.md",
            List.of(
                    new SameAsBare("MFC0 reads back what MTC0 wrote, for every CP0 register, in kernel mode", "lab1", "",
                            1, REGISTERS, false, SHADOW),
                    new SameAsBare("Count, read twice, advances by the VM's instructions in between", "lab1", "", 1,
                            starting("Count"), false, "Count is the VM's own: read it from the shadow CP0, which "
                                    + "counts the VM's cycles, never from the level below."),
                    new SameAsBare("the guard: MFC0 and MTC0 in user mode without Status.CU0 take CpU", "lab1", "", 1,
                            starting("user mode: CpU", "  Cause"), false, GUARD),
                    new SameAsBare("the guard: with Status.CU0 set, user mode may read Status", "lab1", "", 1,
                            starting("user mode with CU0"), false, GUARD),
                    new SameAsBare("the whole run of lab1: same console, exit code and cycle count as bare", "lab1", "", 1,
                            ALL, true, "If this is the only check that fails, the VM's time or its end differ: check what MTC0 "
                                    + "returns (false only when the VM stopped)."),
                    new SameAsBare("the cp0 microbenchmark: 100 iterations of MFC0/MTC0 of Status and EntryHi", "cp0",
                            "100", 1, ALL, true, SHADOW),
                    new SameAsBare("a whole kernel: tinyos (processes, system calls, TLB refills, timer)", "tinyos", "", 1,
                            ALL, true, GUARD + " " + SHADOW),
                    new SameAsBare("nesting: lab1 under two VMMs, the upper one's CP0 moves interpreted by the lower",
                            "lab1", "", 2, ALL, true, "The VMM above runs in a VM of the VMM below: its own reads "
                                    + "and writes of CP0 reach your interpreters too (Dispatcher.mfc0 and mtc0), with "
                                    + "that VM in kernel mode.")),
            // what stands in for exercises 2 (the shadow CP0's own entry), 3 (no shadow entries) and 4 (one
            // instruction per direct run)
            parts -> parts.withExceptions(null).withShadowPaging(null).withTime(new OneStep()));

    static final String ENTRY = "On exception entry the R3000 sets EPC to the instruction that took it, or to the "
            + "branch before it if it sat in a delay slot (and then sets Cause.BD); writes Cause's ExcCode (bits 6..2) "
            + "and CE (the coprocessor of a CpU, bits 29..28), keeping the software interrupt bits; pushes the KU/IE "
            + "stack (Status bits 5..0 move up two places, KUc and IEc become 0: kernel mode, interrupts off); and "
            + "continues at 0x80000000 for a UTLB refill (a kuseg miss) or 0x80000080 for everything else "
            + "(0xbfc00100 and 0xbfc00180 with Status.BEV set).";
    static final String POP = "RFE pops the KU/IE stack: the previous pair (bits 3..2) becomes the current one (1..0), "
            + "the old pair (5..4) the previous one, and the old pair itself stays as it was.";

    /** Exercise 2: exception reflection. */
    public static final Exercise EX2 = new Exercise(2, "exception reflection: EPC, BD, Cause, the KU/IE stack, the vector",
            "docs/labs/ex2.md", List.of(
                    new SameAsBare("EPC: the instruction that took the exception, or the branch before a delay slot",
                            "lab2", "", 1, starting("  EPC"), false, ENTRY),
                    new SameAsBare("Cause: ExcCode, CE for a coprocessor, BD for a delay slot", "lab2", "", 1,
                            starting("  Cause"), false, ENTRY),
                    new SameAsBare("the KU/IE stack pushed on entry, three deep for a nested exception", "lab2", "", 1,
                            starting("  KU/IE"), false, ENTRY),
                    new SameAsBare("the vector: UTLB refill for a kuseg miss, general for everything else", "lab2", "", 1,
                            starting("UTLB refill vector", "general exception vector"), false, ENTRY),
                    new SameAsBare("RFE pops the KU/IE stack and keeps the old pair", "lab2", "", 1,
                            starting("  after the nested"), false, POP),
                    new SameAsBare("the whole run of lab2: same console, exit code and cycle count as bare", "lab2", "", 1,
                            ALL, true, ENTRY + " " + POP),
                    new SameAsBare("the syscall microbenchmark: 100 system calls from user mode", "syscall", "100", 1,
                            ALL, true, ENTRY + " " + POP),
                    new SameAsBare("a whole kernel: tinyos (processes, system calls, TLB refills, timer)", "tinyos", "", 1,
                            ALL, true, ENTRY + " " + POP),
                    new SameAsBare("nesting: lab2 under two VMMs, exceptions reflected through both", "lab2", "", 2,
                            ALL, true, "Under two VMMs, the upper VMM's VM takes its exceptions through your reflection "
                                    + "at both levels. " + ENTRY)),
            parts -> parts.withShadowPaging(null).withTime(new OneStep())); // what stands in for exercises 3 and 4

    static final String REFILL = "On a real TLB fault of the VM's user mode, translate the address through the VM's own "
            + "TLB under its current ASID (Mmu.translate on vm.cp0()). If it maps a page of the VM's RAM, install the "
            + "shadow entry (ShadowTlb.install) for the page under hostAsid(vm), onto the partition's base plus the "
            + "guest's physical page (vm.partition().base()), with the guest entry's N and D bits, V set and never G, "
            + "and return INSTALLED: a page the guest has clean stays read-only, so that a store takes the Mod its "
            + "kernel counts on. If the guest's TLB has no valid entry (or a clean one for a store), reflect the "
            + "guest's own fault (Reflect.translationFault) and return REFLECTED: its refill handler runs exactly as "
            + "often as on the bare machine.";
    static final String REPLACE = "When the guest overwrites a valid entry of its TLB (TLBWI, or TLBWR in its refill "
            + "handler), guestEntryReplaced gets the old entry: remove its page's shadow (ShadowTlb.invalidate) under "
            + "the host ASID of the old entry's ASID (AsidMap.mapped), not the new entry's nor the current one. A "
            + "stale shadow shows the old frame.";
    static final String GLOBAL = "A global guest entry (G in EntryLo) matches every ASID, so its page has a shadow "
            + "under the host ASID of every process that used it, whatever ASID its EntryHi held: when it is "
            + "overwritten, remove the page's shadow under every host ASID of the VM (AsidMap.hostAsidsOf).";
    static final String ASIDS = "Each guest ASID of a VM runs under a host ASID of its own: hostAsid(vm) looks up the "
            + "pair (vm.id(), the guest's current ASID, vm.cp0().asid() >>> 6) in the AsidMap and maps a new pair to the "
            + "next free host ASID (1..63). Shadow entries are tagged with it, so that two processes' entries for one "
            + "page never meet and a process switch needs no flush.";
    static final String RECYCLE = "There are 63 host ASIDs: when a new pair finds none left, flush the real TLB "
            + "(ShadowTlb.flush), forget every mapping of every VM (AsidMap.clear) and start again from 1. A host ASID "
            + "handed out again while shadow entries made under its old owner remain shows the new process another's "
            + "pages.";
    static final String OUTSIDE = "Install only pages inside the VM's RAM (vm.partition().contains): for a guest "
            + "mapping of a device or of a frame past its RAM return INTERPRET, so that the virtual CPU makes the "
            + "access, reaching the VM's own devices or taking the bus error the bare machine gives. Installed, it "
            + "reaches the host's devices, or memory that is not the VM's.";

    /** Exercise 3: the shadow TLB refill and the ASID map, with precise invalidation. */
    public static final Exercise EX3 = new Exercise(3, "the shadow TLB refill and the ASID map, with precise invalidation",
            "docs/labs/ex3.md", List.of(
                    new SameAsBare("the shadow refill: user-mode loads and stores through the guest's TLB and its "
                            + "refill handler, Mod for a clean page", "lab3", "", 1, starting("  refill", "  clean page"),
                            false, REFILL),
                    new SameAsBare("TLBWI over a valid entry: the process finds the new frame, not a stale shadow",
                            "lab3", "", 1, starting("  replace"), false, REPLACE),
                    new SameAsBare("a global entry replaced: no stale shadow under any process's ASID", "lab3", "", 1,
                            starting("  global"), false, GLOBAL),
                    new SameAsBare("the ASID map: two processes, one virtual page, two frames", "lab3", "", 1,
                            starting("  asid"), false, ASIDS),
                    new SameAsBare("host ASIDs recycled: the 64 ASIDs twice over, each process finds its own page",
                            "lab3", "", 1, starting("  recycle"), false, RECYCLE),
                    new Isolation("a device and a frame past RAM mapped: interpreted, not installed; the host's RAM "
                            + "outside the VM unchanged", "lab3", "", starting("  device", "  past RAM"), OUTSIDE),
                    new SameAsBare("the whole run of lab3: same console, exit code and cycle count as bare", "lab3", "", 1,
                            ALL, true, REFILL + " " + REPLACE),
                    new SameAsBare("the tlbmiss microbenchmark: 1000 loads over 128 pages, a guest refill for nearly each",
                            "tlbmiss", "1000", 1, ALL, true, REFILL + " " + REPLACE),
                    new SameAsBare("the tlbwrite microbenchmark: 100 iterations of TLBWR and TLBWI in kernel mode",
                            "tlbwrite", "100", 1, ALL, true, "tlbwrite overwrites entries that never had a shadow: "
                                    + "guestEntryReplaced must remove nothing for an old entry that was invalid (V "
                                    + "clear), outside kuseg (oldHi < 0), or of an ASID no process has run under."),
                    new SameAsBare("a whole kernel: tinyos (processes, system calls, TLB refills, timer)", "tinyos", "", 1,
                            ALL, true, REFILL + " " + ASIDS + " " + REPLACE),
                    new SameAsBare("nesting: lab3 under two VMMs, the upper one's shadow entries a TLB of the lower's VM",
                            "lab3", "", 2, ALL, true, "Under two VMMs, the upper VMM's shadow entries are guest TLB "
                                    + "entries of the lower one's VM: its TLBWIs and TLBWRs reach the lower level's "
                                    + "guestEntryReplaced, and its direct runs fault through tlbFault at both levels. "
                                    + REFILL),
                    new ShadowCounters("the VMM's counters for tlbmiss: user mode run directly, about one shadow refill "
                            + "per guest TLB write", "tlbmiss", "1000", "Run the guest's user mode directly: install a "
                                    + "shadow entry for each page of its RAM it uses (INSTALLED), interpret only "
                                    + "accesses outside its RAM, and remove only the shadows made from the entry a guest "
                                    + "overwrites (a flush is for recycling the host ASIDs).")),
            parts -> parts.withTime(new OneStep())); // what stands in for exercise 4

    static final String RAN_FOR = "A direct run starts with the real Count = 0 and Compare = its budget; Count steps once "
            + "a cycle, the trap's cycle included. When it steps onto Compare it becomes 0 instead and raises Cause.IP7, "
            + "which stays up: a run that ended with IP7 in Cause took the budget plus what Count shows, any other run what "
            + "Count shows (ranFor).";
    static final String CHARGE = "The last cycle of a direct run, its trap's, is the guest's only if the guest takes the "
            + "exception (REFLECT: a system call, a miss in its own TLB, a fault). The VMM's own timer interrupt (TIMER) and "
            + "an exception after which the instruction runs again (RESTART: a shadow TLB refill, a CP0 instruction handed "
            + "to the interpreter) cost the guest nothing (charge).";
    static final String BUDGET = "A direct run may go on until the first of: the end of the time slice (sliceEnd), the "
            + "VM's next virtual event (vm.clock().nextEvent(): its Count reaching Compare, its timer card, its console) and "
            + "its instruction limit (vm.limit()), counted from the VM's time now (vm.clock().now()). A run that goes past "
            + "the next event makes the VM take its interrupt late (budget).";

    /** Exercise 4: virtual time and the timer. */
    public static final Exercise EX4 = new Exercise(4, "virtual time and the timer", "docs/labs/ex4.md", List.of(
            new SameAsBare("Count around a user-mode loop, a system call and two TLB misses", "lab4", "", 1,
                    starting("Count around a loop of 100 ", "Count around a system call", "Count around a load"), false,
                    CHARGE + " " + RAN_FOR),
            new SameAsBare("direct runs cut by the VMM's timer: a loop longer than a time slice, Count reaching Compare",
                    "lab4", "", 1, starting("Count around a loop of 20000", "Count after reaching", "Cause after reaching"),
                    false, RAN_FOR + " The interrupt's own cycle is the VMM's (TIMER)."),
            new SameAsBare("the VM's timer interrupt in a user-mode loop, at the bare machine's cycle", "lab4", "", 1,
                    starting("timer interrupt"), false, BUDGET),
            new SameAsBare("the timer card's interrupt in a user-mode loop, at the bare machine's cycle", "lab4", "", 1,
                    starting("card interrupt"), false, BUDGET + " The VM's next event is not always its Compare: "
                            + "its devices' events are on its clock too."),
            // cycle 200001 falls in lab4's loop of 20000 iterations (Exercise4GraderTest checks that it is a direct run)
            new StopsAtLimit("the instruction limit: the VM stops at the bare machine's cycle, in a direct run", "lab4", "",
                    1, 200_001, "The VM must stop at exactly its limit, like the bare machine: a direct run that goes "
                            + "past it stops the VM late. " + BUDGET),
            new SameAsBare("the whole run of lab4: same console, exit code and cycle count as bare", "lab4", "", 1, ALL, true,
                    "If this is the only check that fails, look at the time of the WAIT or of the kernel's printing. " + BUDGET),
            new RunsDirectly("user mode runs directly, a time slice at a time: the compute microbenchmark (10000 iterations)",
                    "compute", "10000", 5, 20, "The budget is the whole time the VM may run: one instruction per run "
                            + "(OneStep, what grades exercises 1 and 2) is exact but traps on every instruction, and a run "
                            + "past the slice end keeps other VMs waiting. " + BUDGET),
            new SameAsBare("a whole kernel: tinyos (processes preempted by the timer, system calls, TLB refills)", "tinyos",
                    "", 1, ALL, true, "tinyos's transcript does not depend on time; its cycle count does. " + CHARGE + " "
                            + RAN_FOR),
            new SameAsBare("nesting: lab4 under two VMMs, the upper VMM's direct runs timed by the lower's virtual Count",
                    "lab4", "", 2, ALL, true, "The upper VMM runs in a VM of the lower one: the Count and Compare it runs "
                            + "its guest under are that VM's, kept by the lower VMM with the same rules, so ranFor must go "
                            + "by Count and Cause alone. " + RAN_FOR)),
            UnaryOperator.identity());

    static final String DIRECT_RUN = "A VMM below the top never sees the guest: it sees the VMM above it. One direct "
            + "run of that VMM (Dispatcher.runDirect) is a run of CP0 operations on its MachineControl, each of them a "
            + "sensitive instruction of a VM of the level below, so each one entry there, and the trap that ends the run "
            + "is one more.";
    static final String INTERPRETED = "The guest kernel runs in kernel mode, which the top VMM interprets one "
            + "instruction at a time (the hybrid VM): which of its instructions are entries of the top VMM, and does "
            + "an interpreted instruction run on the machine below at all?";

    /** Exercise 5: exit multiplication, counted and explained by a model. */
    public static final Exercise EX5 = new Exercise(5, "nesting: count exit multiplication and explain it",
            "docs/labs/ex5.md", List.of(
                    new ModelCheck("one system call under one VMM", false, List.of(GuestOperation.SYSCALL), 1, 1,
                            "Count the trap that brings the system call to the VMM, then the CP0 instructions of the "
                                    + "guest's handler (syscall.s, `general`), which the VMM interprets."),
                    new ModelCheck("one system call under 2 to 4 VMMs: the levels below the top", false,
                            List.of(GuestOperation.SYSCALL), 2, 4, DIRECT_RUN),
                    new ModelCheck("MFC0 and MTC0 of the guest kernel under 1 to 4 VMMs", false,
                            List.of(GuestOperation.CP0_MOVE), 1, 4, INTERPRETED),
                    new ModelCheck("a timer interrupt under 1 to 4 VMMs", false, List.of(GuestOperation.TIMER_INTERRUPT), 1,
                            4, "Who raises the guest's timer interrupt: its Compare is a shadow register, and the "
                                    + "guest waits for it spinning in kernel mode (interrupt.s). " + INTERPRETED),
                    new ModelCheck("a load of a device register under 1 to 4 VMMs", false,
                            List.of(GuestOperation.DEVICE_LOAD), 1, 4, INTERPRETED + " The VM's devices are Java "
                                    + "objects of the top VMM (VmBus).")),
            UnaryOperator.identity());

    static final String LOADS = "A load reads size() bytes at the aligned address (paddr & -size), as the bare bus "
            + "does, and returns what the VM's bus returned: the bus picks the bytes of the register.";
    static final String BUS_ERROR = "Where no register answers, the bus returns PhysicalBus.BUS_ERROR: return it, and "
            + "the VMM raises the bus error (DBE) in the VM as the bare machine does. Past the VM's RAM and outside the "
            + "LAMEbus there is nothing at all: isDevice must say false.";
    static final String STORE = "A store writes size() bytes of data() at paddr() on the VM's bus, and returns 0, or "
            + "BUS_ERROR if the bus refused it; every console character is such a store.";
    static final String PORTED = "The guest is not changed to run on the RMR stack: its CP0, TLB, exceptions and "
            + "timer are its level's own. Only its device accesses reach your interpreter. ";

    /** Exercise 6: the guest on the RMR stack, its device accesses interpreted, and its counts. */
    public static final Exercise EX6 = new Exercise(6, "port a guest to the RMR stack and compare the counts",
            "docs/labs/ex6.md", List.of(
                    new RmrSameAsBare("device registers: a word, a byte and a halfword load", "lab6", "10", 1,
                            starting("RAM size", "its first"), false, LOADS),
                    new RmrSameAsBare("the timer card, polled until its line rises", "lab6", "10", 1,
                            starting("timer card"), false, LOADS + " The VMM has brought the card to the VM's time "
                                    + "before it calls you: read it once per trap."),
                    new RmrSameAsBare("bus errors: an empty slot, a store and a load past the end of RAM", "lab6", "10",
                            1, starting("bus error", "  EPC", "  Cause"), false, BUS_ERROR),
                    new RmrSameAsBare("the console: hello's characters", "hello", "some words", 1, ALL, true, STORE),
                    new RmrSameAsBare("the whole run of lab6 under 3 RMR VMMs", "lab6", "10", 3, ALL, true,
                            PORTED + LOADS + " " + STORE),
                    new RmrSameAsBare("exercise 2's guest, unchanged: lab2 under 2 RMR VMMs", "lab2", "", 2, ALL, true,
                            PORTED + STORE),
                    new RmrSameAsBare("a whole kernel: tinyos under 2 RMR VMMs", "tinyos", "", 2, ALL, true,
                            PORTED + LOADS + " " + STORE),
                    new DeviceRules("which memory traps are device accesses", "A trap is the VM's device access only if "
                            + "it comes from the VM's own level (depth 1), from a VM that runs a guest kernel (a monitor "
                            + "VM has no devices), at a LAMEbus address (Lamebus.contains)."),
                    new ModelCheck("your model on the RMR stack: system calls, CP0 moves, timer interrupts", true,
                            List.of(GuestOperation.SYSCALL, GuestOperation.CP0_MOVE, GuestOperation.TIMER_INTERRUPT), 1,
                            4, "On the RMR stack the guest runs at its own level with its own CP0, TLB and timer: "
                                    + "which of these reach any monitor?"),
                    new ModelCheck("your model on the RMR stack: a load of a device register", true,
                            List.of(GuestOperation.DEVICE_LOAD), 1, 4, "A device access falls outside the guest's "
                                    + "window: the hardware hands the memory trap to the owner of the first window "
                                    + "that fails, from the top (the paper's `real address` loop).")),
            UnaryOperator.identity());

    /** Every exercise with a grader, in order. */
    public static List<Exercise> all() { return List.of(EX1, EX2, EX3, EX4, EX5, EX6); }

    /** Exercise {@code n}, if it has a grader. */
    public static Optional<Exercise> number(int n) {
        return all().stream().filter(e -> e.number() == n).findFirst();
    }
}
