package io.fleetlab.simulator.input;

import com.fasterxml.jackson.core.JsonToken;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a peer set: a JSON dump of Alloy's {@code /api/v0/web/peers}
 * ({@code [{"name", "addr", "isSelf", "state"}]}, ckit's {@code peer.Peer} as Alloy serves it) or a
 * comma-separated list of names, all participants.
 */
public final class PeerFiles {
    private PeerFiles() {}

    /** Reads a peers dump; unknown fields are ignored, a missing name or state is an error. */
    public static List<Peer> read(Path file, InputLimits limits) throws InputException {
        String name = file.toString();
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > limits.maxBytes()) {
                throw new InputException(name, 1, 1, "is " + size + " bytes; the limit is " + limits.maxBytes() + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException(name, 1, 1, "cannot be read: " + TargetFiles.describe(e));
        }
        return parse(name, bytes, limits);
    }

    /** Parses a peers dump as if read from {@code name}. */
    public static List<Peer> parse(String name, byte[] bytes, InputLimits limits) throws InputException {
        List<Peer> peers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        try (JsonInput in = new JsonInput(name, bytes, limits)) {
            in.expect(JsonToken.START_ARRAY, "a list of peers as /api/v0/web/peers returns it");
            JsonToken t;
            while ((t = in.next()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw in.error("expected a peer object {\"name\", \"addr\", \"isSelf\", \"state\"}, found " + JsonInput.describe(t));
                }
                if (peers.size() == limits.maxItems()) {
                    throw in.error("more than " + limits.maxItems() + " peers");
                }
                int[] start = in.location();
                String peerName = null;
                String addr = "";
                boolean self = false;
                PeerState state = null;
                while (in.next() == JsonToken.FIELD_NAME) {
                    String field = in.text();
                    JsonToken v = in.next();
                    switch (field) {
                        case "name" -> {
                            requireType(in, v, JsonToken.VALUE_STRING, "name", "a string");
                            peerName = in.string("name");
                            if (peerName.isEmpty()) {
                                throw in.error("name: must not be empty");
                            }
                            if (!names.add(peerName)) {
                                throw in.error("name: peer '" + peerName + "' appears twice");
                            }
                        }
                        case "addr" -> {
                            requireType(in, v, JsonToken.VALUE_STRING, "addr", "a string");
                            addr = in.string("addr");
                        }
                        case "isSelf" -> {
                            if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                                throw in.error("isSelf: expected true or false, found " + JsonInput.describe(v));
                            }
                            self = in.bool();
                        }
                        case "state" -> {
                            requireType(in, v, JsonToken.VALUE_STRING, "state", "a string");
                            state = state(in, in.text());
                        }
                        default -> in.skipValue();
                    }
                }
                if (peerName == null) {
                    throw in.errorAt(start, "peer without a name");
                }
                if (state == null) {
                    throw in.errorAt(start, "peer '" + peerName + "' without a state; expected participant, viewer or terminating");
                }
                peers.add(new Peer(peerName, addr, state, self));
            }
            in.expectEnd();
        }
        if (peers.isEmpty()) {
            throw new InputException(name, 1, 1, "holds no peers");
        }
        return peers;
    }

    /**
     * Participants named in a comma-separated list; errors point into the list itself, reported
     * as {@code source:1:column}.
     */
    public static List<Peer> ofNames(String source, String list, InputLimits limits) throws InputException {
        List<Peer> peers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int column = 1;
        for (String n : list.split(",", -1)) {
            if (n.isEmpty()) {
                throw new InputException(source, 1, column, "empty peer name in '" + abbreviate(list) + "'");
            }
            if (n.length() > limits.maxStringLength()) {
                throw new InputException(source, 1, column, "peer name longer than " + limits.maxStringLength() + " characters");
            }
            if (!names.add(n)) {
                throw new InputException(source, 1, column, "peer '" + n + "' appears twice");
            }
            if (peers.size() == limits.maxItems()) {
                throw new InputException(source, 1, column, "more than " + limits.maxItems() + " peers");
            }
            peers.add(Peer.participant(n));
            column += n.length() + 1;
        }
        return peers;
    }

    private static void requireType(JsonInput in, JsonToken actual, JsonToken expected, String field, String what)
            throws InputException {
        if (actual != expected) {
            throw in.error(field + ": expected " + what + ", found " + JsonInput.describe(actual));
        }
    }

    private static PeerState state(JsonInput in, String s) throws InputException {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "participant" -> PeerState.PARTICIPANT;
            case "viewer" -> PeerState.VIEWER;
            case "terminating" -> PeerState.TERMINATING;
            default -> throw in.error("state: unknown state '" + s + "'; expected participant, viewer or terminating");
        };
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
