package vm3000.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vm3000.bench.matrix.Config;
import vm3000.bench.matrix.CostModel;
import vm3000.bench.matrix.Matrix;
import vm3000.bench.matrix.Workload;

/** {@code vm3000 bench}: the comparison matrix, trap-and-emulate against RMR, per depth. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Time every workload bare, under 1-4 trap-and-emulate VMMs and under 1-4 RMR VMMs (JMH, JVM "
                + "forks of its own for each configuration), count every monitor entry, and write DIR/results.json, DIR/report.md and "
                + "the charts DIR/slowdown.svg, DIR/entries.svg and DIR/modelled.svg.",
                "The full matrix takes about 40 minutes and says so before it starts; --quick runs it in seconds "
                + "as a smoke test (its times mean nothing). docs/performance.md explains the method."})
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--quick", description = "a thousandth of the iterations, one single-shot run per cell, no fork")
    boolean quick;

    @Option(names = "--forks", paramLabel = "N", description = "JVM forks per configuration (default: ${DEFAULT-VALUE}; "
            + "--quick runs none)")
    int forks = Matrix.Settings.DEFAULT_FORKS;

    @Option(names = "--out", paramLabel = "DIR", description = "where the results go (default: ${DEFAULT-VALUE}); each "
            + "file is written whole and replaced as vm3000 asm -o replaces OUT")
    Path out = Path.of("bench-results");

    @Option(names = "--workloads", paramLabel = "W[,W...]", split = ",",
            description = "only these workloads (default: all): cp0, tlbwrite, syscall, tlbmiss, interrupt, compute, "
                    + "tinyos-gcc, c-compute")
    List<String> workloads;

    @Option(names = "--configs", paramLabel = "C[,C...]", split = ",",
            description = "only these configurations (default: all; bare is always run): bare, trap-1..trap-4, rmr-1..rmr-4")
    List<String> configs;

    @Option(names = "--c-entry", paramLabel = "CYCLES", description = "modelled cycles of one monitor entry (default: ${DEFAULT-VALUE})")
    double cEntry = CostModel.DEFAULT_ENTRY;

    @Option(names = "--c-interp", paramLabel = "CYCLES",
            description = "modelled extra cycles of one interpreted instruction (default: ${DEFAULT-VALUE})")
    double cInterp = CostModel.DEFAULT_INTERP;

    @Override
    public Integer call() throws Exception {
        List<Workload> ws = new ArrayList<>();
        List<Config> cs = new ArrayList<>();
        CostModel model;
        try {
            if (workloads == null) ws.addAll(Workload.ALL);
            else for (String w : workloads) ws.add(Workload.named(w.strip()));
            if (configs == null) cs.addAll(Config.all());
            else for (String c : configs) cs.add(Config.parse(c.strip()));
            model = new CostModel(cEntry, cInterp);
            if (forks < 1 || forks > 20) throw new IllegalArgumentException("--forks must be 1 to 20: " + forks);
            if (Files.exists(out) && !Files.isDirectory(out)) throw new IllegalArgumentException("--out: " + out + " is not a directory");
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        StringBuilder command = new StringBuilder("vm3000 bench");
        if (quick) command.append(" --quick");
        command.append(" --out ").append(out);
        if (workloads != null) command.append(" --workloads ").append(String.join(",", workloads));
        if (configs != null) command.append(" --configs ").append(String.join(",", configs));
        if (forks != Matrix.Settings.DEFAULT_FORKS) command.append(" --forks ").append(forks);
        if (cEntry != CostModel.DEFAULT_ENTRY) command.append(" --c-entry ").append(cEntry);
        if (cInterp != CostModel.DEFAULT_INTERP) command.append(" --c-interp ").append(cInterp);
        try {
            new Matrix(new Matrix.Settings(quick, forks, ws, cs, model, out, command.toString()), main.out).run();
        } catch (Matrix.BusyException e) {
            main.err.println("vm3000: " + e.getMessage());
            return ExitCodes.BENCH_BUSY;
        }
        return 0;
    }
}
