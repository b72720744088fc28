/** The {@code fleetlab} command: one entry point whose subcommands call the modules' own commands. */
package io.fleetlab.app;
