package vm3000.cli;

import picocli.CommandLine;

/** The version, from the jar's manifest when there is one. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"vm3000 " + (v == null ? "0.1.0" : v),
                "R3000-class MIPS machine, System/161 (MIPS-161) dialect; Java " + System.getProperty("java.version")};
    }
}
