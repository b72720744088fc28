package io.fleetlab.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The simulator's packages depend on each other without cycles, so each can be read (and
 * changed) knowing only the ones below it. Dependencies are read from the sources' references to
 * {@code io.fleetlab.simulator.<package>.}.
 */
class PackageCyclesTest {
    private static final Path ROOT = Path.of("src/main/java/io/fleetlab/simulator");
    private static final Pattern REFERENCE = Pattern.compile("io\\.fleetlab\\.simulator\\.(\\w+)\\.");

    static Map<String, Set<String>> dependencies() throws IOException {
        Map<String, Set<String>> deps = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(ROOT)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String pkg = dir.getFileName().toString();
                Set<String> uses = new TreeSet<>();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        Matcher m = REFERENCE.matcher(Files.readString(f));
                        while (m.find()) {
                            if (!m.group(1).equals(pkg)) {
                                uses.add(m.group(1));
                            }
                        }
                    }
                }
                deps.put(pkg, uses);
            }
        }
        return deps;
    }

    @Test
    void noPackageDependsOnItselfThroughOthers() throws IOException {
        Map<String, Set<String>> deps = dependencies();
        assertTrue(deps.containsKey("fleet") && deps.get("run").contains("fleet"), "the sources were found: " + deps);
        List<String> cycles = new ArrayList<>();
        for (String start : deps.keySet()) {
            find(start, new ArrayList<>(List.of(start)), deps, cycles);
        }
        assertEquals(List.of(), cycles, "package cycles");
    }

    @Test
    void theFleetKnowsNothingOfHowARunIsMeasured() throws IOException {
        Set<String> fleet = dependencies().get("fleet");
        assertTrue(!fleet.contains("run") && !fleet.contains("metrics") && !fleet.contains("scenario"), fleet.toString());
    }

    private static void find(String at, List<String> path, Map<String, Set<String>> deps, List<String> cycles) {
        for (String next : deps.getOrDefault(at, Set.of())) {
            if (next.equals(path.get(0))) {
                cycles.add(String.join(" -> ", path) + " -> " + next);
            } else if (!path.contains(next) && next.compareTo(path.get(0)) > 0) {
                path.add(next);
                find(next, path, deps, cycles);
                path.remove(path.size() - 1);
            }
        }
    }
}
