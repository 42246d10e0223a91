package com.omniops.bench;

import java.util.Arrays;

/**
 * The {@code --name=value} options of the benchmarks' subcommands (settlement-file, settlement-import, kpi-latency):
 * unknown ones refused, known ones read with their defaults.
 */
public final class SubcommandArgs {

    private SubcommandArgs() {
    }

    /**
     * Refuses an argument that is not one of {@code names} ({@code --name=value}): a mistyped option would otherwise
     * run the benchmark with its default, and the figures would not be what the command says.
     */
    public static void onlyOptions(String[] argv, String usage, String... names) {
        for (String arg : argv) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (eq < 0 || !Arrays.asList(names).contains(name)) {
                System.err.println("Unknown option " + arg + ". Usage: " + usage);
                System.exit(2);
            }
        }
    }

    public static int option(String[] argv, String name, int otherwise) {
        String value = text(argv, name, null);
        return value == null ? otherwise : Integer.parseInt(value);
    }

    public static String text(String[] argv, String name, String otherwise) {
        for (String arg : argv) {
            if (arg.startsWith(name + "=")) {
                return arg.substring(name.length() + 1);
            }
        }
        return otherwise;
    }
}
