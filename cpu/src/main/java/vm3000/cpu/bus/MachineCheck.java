package vm3000.cpu.bus;

/**
 * Where a machine check goes: the machine's power (it stops), or, on an RMR-stack machine, the
 * owner of the level that made it (that level stops, the machine goes on).
 */
@FunctionalInterface
public interface MachineCheck {
    void machineCheck(String diagnostic);
}
