package io.fleetlab.core.node;

import io.fleetlab.core.membership.GossipConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link ClusterNode}'s command line: {@code --name}, {@code --bind}, {@code --join} (repeatable or
 * comma-separated), {@code --http}, {@code --preset lan|wan|alloy}, {@code --viewer},
 * {@code --keyring-file}, {@code --require-encryption}.
 *
 * @param name   node name (required)
 * @param bind   gossip address, {@code host:port}
 * @param join   seed addresses
 * @param http   address of the peer-list HTTP endpoint, or null for none
 * @param config the gossip configuration (from the preset)
 * @param viewer stay a viewer instead of becoming a participant
 * @param keyringFile       a {@link KeyringFile} to encrypt gossip with, or null for plaintext
 * @param requireEncryption refuse to run without {@code keyringFile}
 */
public record NodeOptions(String name, String bind, List<String> join, String http, GossipConfig config,
        boolean viewer, String keyringFile, boolean requireEncryption) {

    static final String USAGE = """
            usage: ClusterNode --name NAME [--bind HOST:PORT] [--join HOST:PORT[,HOST:PORT...]]...
                               [--http HOST:PORT] [--preset alloy|lan|wan] [--viewer]
                               [--keyring-file FILE] [--require-encryption]
              --name     unique node name (required)
              --bind     gossip address for UDP and TCP (default 127.0.0.1:7946)
              --join     seed node(s) to join through; repeatable; none = start a new cluster
              --http     serve the peer list as JSON at http://HOST:PORT/peers
              --preset   gossip timing preset (default alloy)
              --viewer   watch the cluster without becoming a participant
              --keyring-file FILE   encrypt and authenticate gossip with the AES keys in FILE (a JSON
                         array of base64 keys, the first primary); re-read every 10 s to rotate keys
              --require-encryption  refuse to start without --keyring-file
            Without a keyring gossip is plaintext: anyone who can reach the gossip port can join,
            forge or remove members. Use plaintext on trusted networks only.
            """;

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
        GossipConfig config = GossipConfig.alloy();
        boolean viewer = false;
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
                case "--name", "--bind", "--join", "--http", "--preset", "--keyring-file" -> {
                    if (value == null) {
                        if (i + 1 >= args.length) {
                            throw new IllegalArgumentException(key + ": expected a value");
                        }
                        value = args[++i];
                    }
                    switch (key) {
                        case "--name" -> name = value;
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
                        default -> config = switch (value) {
                            case "alloy" -> GossipConfig.alloy();
                            case "lan" -> GossipConfig.lan();
                            case "wan" -> GossipConfig.wan();
                            default -> throw new IllegalArgumentException(
                                    "--preset: expected alloy, lan or wan, got '" + value + "'");
                        };
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
        return new NodeOptions(name, bind, List.copyOf(join), http, config, viewer, keyringFile, requireEncryption);
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
