package io.fleetlab.core.node;

import io.fleetlab.core.cluster.Component;
import io.fleetlab.core.membership.GossipConfig;
import io.fleetlab.core.membership.GossipPreset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link ClusterNode}'s command line: {@code --name}, {@code --bind}, {@code --join} (repeatable or
 * comma-separated), {@code --http}, {@code --preset lan|wan|alloy}, {@code --viewer},
 * {@code --keyring-file}, {@code --require-encryption}, {@code --targets},
 * {@code --scrape-reload-interval}.
 *
 * @param name   node name (required)
 * @param bind   gossip address, {@code host:port}
 * @param join   seed addresses
 * @param http   address of the peer-list HTTP endpoint, or null for none
 * @param config the gossip configuration (from the preset)
 * @param viewer stay a viewer instead of becoming a participant
 * @param keyringFile       a {@link KeyringFile} to encrypt gossip with, or null for plaintext
 * @param requireEncryption refuse to run without {@code keyringFile}
 * @param targets the targets file to share out ({@link TargetsFile}), or null for none
 * @param scrapeReloadInterval how often the targets component's scrape manager applies ownership
 *                             changes (Prometheus' {@code DiscoveryReloadInterval}); zero applies
 *                             them at once
 */
public record NodeOptions(String name, String bind, List<String> join, String http, GossipConfig config,
        boolean viewer, String keyringFile, boolean requireEncryption, String targets, Duration scrapeReloadInterval) {

    /** The longest {@code --scrape-reload-interval} accepted. */
    static final Duration MAX_RELOAD_INTERVAL = Duration.ofHours(1);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");

    static final String USAGE = """
            usage: ClusterNode --name NAME [--bind HOST:PORT] [--join HOST:PORT[,HOST:PORT...]]...
                               [--http HOST:PORT] [--preset %s] [--viewer]
                               [--keyring-file FILE] [--require-encryption] [--targets FILE]
                               [--scrape-reload-interval DURATION]
              --name     unique node name (required)
              --bind     gossip address for UDP and TCP (default 127.0.0.1:7946)
              --join     seed node(s) to join through; repeatable; none = start a new cluster
              --http     serve /peers (Alloy's peer list), /targets (owned targets) and /metrics
                         (Prometheus text format) at http://HOST:PORT
              --preset   gossip timing preset (default %s)
              --viewer   watch the cluster without becoming a participant
              --targets  a JSON list of targets (strings, or objects of labels) to share out
                         with the others on Alloy's ring; nothing is scraped
              --scrape-reload-interval DURATION  how often the targets' scrape manager applies
                         ownership changes, e.g. 5s, 500ms, 0s = at once (default %s, Prometheus'
                         DiscoveryReloadInterval, which Alloy keeps; at most 1h)
              --keyring-file FILE   encrypt and authenticate gossip with the AES keys in FILE (a JSON
                         array of base64 keys, the first primary); re-read every 10 s to rotate keys
              --require-encryption  refuse to start without --keyring-file
            Without a keyring gossip is plaintext: anyone who can reach the gossip port can join,
            forge or remove members. Use plaintext on trusted networks only.
            """.formatted(String.join("|", GossipPreset.ids()), GossipPreset.DEFAULT.id(),
            text(Component.PROMETHEUS_RELOAD_INTERVAL));

    /**
     * Parses the arguments.
     *
     * @throws IllegalArgumentException naming the offending argument and what was expected
     */
    public static NodeOptions parse(String[] args) {
        String name = null;
        String bind = "127.0.0.1:7946";
        List<String> join = new ArrayList<>();
        String http = null;
        GossipConfig config = GossipPreset.DEFAULT.config();
        Duration reload = Component.PROMETHEUS_RELOAD_INTERVAL;
        boolean viewer = false;
        String targets = null;
        String keyringFile = null;
        boolean requireEncryption = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String key = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                key = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (key) {
                case "--viewer" -> viewer = true;
                case "--require-encryption" -> requireEncryption = true;
                case "--name", "--bind", "--join", "--http", "--preset", "--keyring-file", "--targets",
                        "--scrape-reload-interval" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(key + ": expected a value");
                        }
                        value = args[++i];
                    }
                    switch (key) {
                        case "--name" -> name = value;
                        case "--targets" -> targets = value;
                        case "--keyring-file" -> keyringFile = value;
                        case "--bind" -> bind = address(key, value);
                        case "--http" -> http = address(key, value);
                        case "--join" -> {
                            for (String s : value.split(",")) {
                                if (!s.isBlank()) {
                                    join.add(address(key, s.trim()));
                                }
                            }
                        }
                        case "--scrape-reload-interval" -> reload = duration(key, value);
                        default -> config = preset(key, value).config();
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("--name: required");
        }
        if (requireEncryption && keyringFile == null) {
            throw new IllegalArgumentException("--require-encryption: needs --keyring-file");
        }
        return new NodeOptions(name, bind, List.copyOf(join), http, config, viewer, keyringFile, requireEncryption,
                targets, reload);
    }

    private static GossipPreset preset(String flag, String value) {
        try {
            return GossipPreset.of(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(flag + ": expected one of " + GossipPreset.ids() + ", got '" + value + "'");
        }
    }

    /** A whole number of milliseconds, seconds or minutes ({@code 500ms}, {@code 5s}, {@code 1m}), 0 to 1 h. */
    static Duration duration(String flag, String value) {
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException(flag + ": expected a duration such as 5s, 500ms or 1m, got '" + value + "'");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            default -> Duration.ofMinutes(n);
        };
        if (d.compareTo(MAX_RELOAD_INTERVAL) > 0) {
            throw new IllegalArgumentException(flag + ": must be at most " + text(MAX_RELOAD_INTERVAL) + ", got '" + value + "'");
        }
        return d;
    }

    private static String text(Duration d) {
        return d.toMillis() % 1000 != 0 ? d.toMillis() + "ms" : d.toSeconds() + "s";
    }

    private static String address(String flag, String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException(flag + ": expected HOST:PORT, got '" + value + "'");
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + ": expected a port 0..65535 in '" + value + "'");
        }
        return value;
    }
}
