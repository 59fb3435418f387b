package vm3000.bench.matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine the matrix ran on, in one line: processor, cores, memory, OS, JVM. */
final class Host {
    private Host() {}

    static String describe() {
        Runtime rt = Runtime.getRuntime();
        return String.format("%s, %d cores available, JVM max heap %d MiB; %s %s %s; %s %s", cpu(), rt.availableProcessors(),
                rt.maxMemory() >> 20, System.getProperty("os.name"), System.getProperty("os.version"),
                System.getProperty("os.arch"), System.getProperty("java.vm.name"), System.getProperty("java.version"));
    }

    static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) return line.substring(line.indexOf(':') + 1).strip();
            }
        } catch (IOException | SecurityException e) {
            // no /proc: not Linux
        }
        return "processor unknown";
    }
}
