package io.fleetlab.simulator.cli;

/** Placeholder entry point until the scenario runner lands. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.out.println("fleetlab simulator: " + String.join(" ", args));
    }
}
