package io.fleetlab.app.owner;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.ring.AlloyRing;
import io.fleetlab.core.ring.Op;
import io.fleetlab.simulator.input.InputException;
import io.fleetlab.simulator.input.InputLimits;
import io.fleetlab.simulator.input.PeerFiles;
import io.fleetlab.simulator.input.PrometheusLabels;
import io.fleetlab.simulator.input.Target;
import io.fleetlab.simulator.input.TargetFiles;
import io.fleetlab.simulator.input.TargetFormat;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code fleetlab owner}: the node(s) Alloy's ring gives each target, and what a join or leave would move. */
@Command(name = "owner", mixinStandardHelpOptions = true, sortOptions = false, usageHelpWidth = 110,
        description = {"Which node(s) scrape each target, byte for byte as Alloy's ring (ckit shard.Ring) computes it.",
            "Label sets are keyed as prometheus.scrape keys them (non-__meta_ labels, sorted, XXH64), strings as shard.StringKey."},
        footer = {"%nTarget files (--targets-format auto picks by content):",
            "  json        a JSON list of label maps [{\"__address__\": \"10.0.0.1:9100\", \"job\": \"node\"}, ...]",
            "              (what a discovery component exports to prometheus.scrape); plain strings may be mixed in",
            "  prometheus  a Prometheus /api/v1/targets response: each active target's discoveredLabels, without",
            "              __meta_ labels and, by default, without the labels Prometheus adds from its scrape",
            "              config (job, __scheme__, __metrics_path__, __scrape_interval__, __scrape_timeout__),",
            "              which an Alloy discovery component does not export; --prometheus-labels discovered keeps them",
            "  text        one string key per line (UTF-8; empty lines and lines starting with # are skipped)",
            "%nWith --format json each target is one line, in input order:",
            "  {\"target\": <label map or string as given>, \"key\": \"<16 hex digits>\", \"owners\": [\"name\", ...]}",
            "  {\"target\": ..., \"key\": ..., \"error\": \"not enough nodes: need at least K, have M\"}",
            "With --join/--leave only the targets whose owners change are listed, with \"from\" and \"to\";",
            "the moved fraction and its ideal (1/(N+1) on a join, 1/N on a leave) go to the end of a table,",
            "or to standard error with json and csv.",
            "%nExit status: 0 done, 2 bad options or input files."})
public final class OwnerCommand implements Callable<Integer> {
    @Option(names = "--peers", required = true, paramLabel = "FILE|a,b,c",
            description = "A JSON dump of Alloy's /api/v0/web/peers ([{\"name\", \"addr\", \"isSelf\", \"state\"}]), "
                    + "or a comma-separated list of node names (all participants). A value naming an existing file, "
                    + "or ending in .json, is read as a file.")
    String peers;

    @Option(names = "--targets", required = true, paramLabel = "FILE", description = "The targets (formats below).")
    Path targets;

    @Option(names = "--targets-format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto, json, prometheus or text (default: ${DEFAULT-VALUE}: a .json file by its first character, anything else as text).")
    String targetsFormat;

    @Option(names = "--prometheus-labels", defaultValue = "discovery", paramLabel = "WHICH",
            description = "For a Prometheus response: discovery (default) or discovered; see below.")
    String prometheusLabels;

    @Option(names = "--owners", defaultValue = "1", paramLabel = "K", description = "Owners per target (default: ${DEFAULT-VALUE}).")
    int owners;

    @Option(names = "--op", defaultValue = "read-write", paramLabel = "OP", converter = OpConverter.class,
            description = "read (participants and terminating nodes) or read-write (participants only; what "
                    + "prometheus.scrape uses). Default: ${DEFAULT-VALUE}.")
    Op op;

    @Option(names = "--tokens", defaultValue = "512", paramLabel = "N", description = "Tokens per node (Alloy: ${DEFAULT-VALUE}).")
    int tokens;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OwnerWriter.Format format;

    @ArgGroup(exclusive = true)
    Change change;

    /** A join or a leave, not both. */
    static final class Change {
        @Option(names = "--join", paramLabel = "NAME", description = "Show which targets move if NAME joins as a participant.")
        String join;

        @Option(names = "--leave", paramLabel = "NAME", description = "Show which targets move if NAME leaves.")
        String leave;
    }

    @Option(names = "--max-targets", defaultValue = "1000000", paramLabel = "N",
            description = "Refuse target files with more targets (default: ${DEFAULT-VALUE}).")
    int maxTargets;

    @Option(names = "--max-bytes", defaultValue = "67108864", paramLabel = "N",
            description = "Refuse input files larger than this (default: ${DEFAULT-VALUE}, 64 MiB).")
    long maxBytes;

    /** At most this many tokens on one ring (peers x tokens), about 320 MB of ring while it is built. */
    static final long MAX_RING_TOKENS = 20_000_000L;
    static final int MAX_PEERS = 100_000;
    static final int MAX_TOKENS_PER_NODE = 65_536;

    private final PrintStream out;
    private final PrintStream err;

    public OwnerCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        String problem = checkOptions();
        if (problem != null) {
            err.println("fleetlab owner: " + problem);
            return 2;
        }
        InputLimits limits = InputLimits.DEFAULT.withMaxItems(maxTargets).withMaxBytes(maxBytes);
        List<Peer> peerSet;
        List<Target> targetList;
        try {
            peerSet = readPeers(limits.withMaxItems(MAX_PEERS));
            targetList = TargetFiles.read(targets, TargetFormat.valueOf(targetsFormat.toUpperCase(Locale.ROOT)),
                    PrometheusLabels.valueOf(prometheusLabels.toUpperCase(Locale.ROOT)), limits);
        } catch (InputException e) {
            err.println("fleetlab owner: " + e.getMessage());
            return 2;
        }
        if ((long) peerSet.size() * tokens > MAX_RING_TOKENS) {
            err.printf(Locale.ROOT, "fleetlab owner: %d peers x %d tokens is more than %,d tokens on one ring%n",
                    peerSet.size(), tokens, MAX_RING_TOKENS);
            return 2;
        }
        AlloyRing ring = new AlloyRing(tokens);
        ring.setPeers(peerSet);
        if (change == null) {
            OwnerWriter writer = OwnerWriter.of(format, out, owners, longestName(peerSet), false);
            for (Target t : targetList) {
                writer.lookup(t, Lookup.on(ring, t.key(), owners, op));
            }
            writer.finish();
            return 0;
        }
        return movement(peerSet, ring, targetList);
    }

    private String checkOptions() {
        if (owners < 0) {
            return "--owners must be 0 or more, got " + owners;
        }
        if (tokens < 1 || tokens > MAX_TOKENS_PER_NODE) {
            return "--tokens must be between 1 and " + MAX_TOKENS_PER_NODE + ", got " + tokens;
        }
        if (maxTargets < 1 || maxBytes < 1) {
            return "--max-targets and --max-bytes must be positive";
        }
        if (!List.of("auto", "json", "prometheus", "text").contains(targetsFormat)) {
            return "unknown --targets-format '" + targetsFormat + "'; expected auto, json, prometheus or text";
        }
        if (!List.of("discovery", "discovered").contains(prometheusLabels)) {
            return "unknown --prometheus-labels '" + prometheusLabels + "'; expected discovery or discovered";
        }
        return null;
    }

    private List<Peer> readPeers(InputLimits limits) throws InputException {
        Path file = Path.of(peers.isEmpty() ? "." : peers);
        boolean isFile = peers.endsWith(".json") || (!peers.isEmpty() && Files.isRegularFile(file));
        return isFile ? PeerFiles.read(file, limits) : PeerFiles.ofNames("--peers", peers, limits);
    }

    private int movement(List<Peer> before, AlloyRing ring, List<Target> targetList) {
        boolean join = change.join != null;
        String node = join ? change.join : change.leave;
        List<Peer> after = new ArrayList<>();
        Peer leaver = null;
        for (Peer p : before) {
            if (p.name().equals(node)) {
                if (join) {
                    err.println("fleetlab owner: --join " + node + ": that node is already a peer (" + p.state().name().toLowerCase(Locale.ROOT) + ")");
                    return 2;
                }
                leaver = p;
            } else {
                after.add(p);
            }
        }
        if (join) {
            if (node.isEmpty()) {
                err.println("fleetlab owner: --join needs a node name");
                return 2;
            }
            after.add(Peer.participant(node));
        } else if (leaver == null) {
            err.println("fleetlab owner: --leave " + node + ": no such peer");
            return 2;
        }
        AlloyRing next = new AlloyRing(tokens);
        next.setPeers(after);
        int eligibleBefore = ring.eligibleCount(op);
        OwnerWriter writer = OwnerWriter.of(format, out, owners, longestName(after.isEmpty() ? before : after), true);
        int movedPrimary = 0;
        int changedSets = 0;
        int betweenBystanders = 0;
        for (Target t : targetList) {
            Lookup from = Lookup.on(ring, t.key(), owners, op);
            Lookup to = Lookup.on(next, t.key(), owners, op);
            if (from.equals(to)) {
                continue;
            }
            changedSets++;
            if (from.primary() == null || !from.primary().equals(to.primary())) {
                movedPrimary++;
                if (from.primary() != null && to.primary() != null && !from.primary().equals(node) && !to.primary().equals(node)) {
                    betweenBystanders++;
                }
            }
            writer.move(t, from, to);
        }
        writer.finish();
        PrintStream summary = format == OwnerWriter.Format.table ? out : err;
        int total = targetList.size();
        double fraction = (double) movedPrimary / total;
        summary.println();
        summary.printf(Locale.ROOT, "%s %s: %,d of %,d targets change primary owner (%.4f)%n", join ? "join of" : "leave of", node,
                movedPrimary, total, fraction);
        if (owners > 1) {
            summary.printf(Locale.ROOT, "  owner lists changed for %,d targets (%.4f)%n", changedSets, (double) changedSets / total);
        }
        boolean eligible = join || op.admits(leaver.state());
        if (!eligible) {
            summary.printf(Locale.ROOT, "  %s is a %s and owns nothing on the %s ring, so nothing should move%n", node,
                    leaver.state().name().toLowerCase(Locale.ROOT), OpConverter.name(op));
        } else if (owners == 0) {
            summary.println("  --owners 0 asks for no owners, so nothing moves");
        } else {
            int n = join ? eligibleBefore + 1 : eligibleBefore;
            double ideal = 1.0 / n;
            summary.printf(Locale.ROOT, "  ideal %s = 1/%d = %.4f; moved / ideal = %.3f%n", join ? "1/(N+1)" : "1/N", n, ideal,
                    fraction / ideal);
        }
        summary.printf(Locale.ROOT, "  moved between two other nodes: %d (consistent hashing moves only to or from the changed node)%n",
                betweenBystanders);
        return 0;
    }

    private static int longestName(List<Peer> peers) {
        return peers.stream().mapToInt(p -> p.name().length()).max().orElse(6);
    }
}
