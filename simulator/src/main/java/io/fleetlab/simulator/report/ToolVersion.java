package io.fleetlab.simulator.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of this build, as the parent pom sets it; written into every result file. */
public final class ToolVersion {
    private static final String VERSION = load();

    private ToolVersion() {}

    /** For example {@code 0.1.0-SNAPSHOT}; {@code unknown} when the resource is missing. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ToolVersion.class.getResourceAsStream("/io/fleetlab/simulator/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }
}
