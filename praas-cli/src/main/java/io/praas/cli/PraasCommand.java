package io.praas.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ./praas} command line. */
@Command(name = "praas", mixinStandardHelpOptions = true, version = "praas 0.1.0",
        description = "Process-as-a-Service: run the local stack.",
        subcommands = {UpCommand.class})
public final class PraasCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PraasCommand()).execute(args));
    }
}
