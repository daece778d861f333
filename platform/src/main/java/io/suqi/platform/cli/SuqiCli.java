package io.suqi.platform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `suqi` command: run the system, manage tenants, ask questions. */
@Command(name = "suqi", mixinStandardHelpOptions = true, version = "suqi 0.1.0",
    description = "Suqi Streams: the event-driven backbone for AI-orchestrated retail analytics.",
    subcommands = {UpCommand.class, TenantCommand.class, AskCommand.class, BenchCommand.class,
        BenchLakehouseCommand.class, TraceCommand.class, StatusCommand.class, JobCommand.class})
public final class SuqiCli implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line as `bin/suqi` runs it. */
  static CommandLine commandLine() {
    return new CommandLine(new SuqiCli())
        // As the docs write them: --roles orchestrator, --intent-models terms.
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
          // One line that says what went wrong and what to do; the stack trace is for the log.
          commandLine.getErr().println("suqi: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
          return 2;
        });
  }
}
