package io.fleetlab.simulator.input;

import static io.fleetlab.simulator.input.TargetFilesTest.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Peer dumps as Alloy's /api/v0/web/peers serves them, and name lists; bad ones refused where they go wrong. */
class PeerFilesTest {
    private static List<Peer> parse(String json) throws InputException {
        return PeerFiles.parse("peers.json", json.getBytes(StandardCharsets.UTF_8), InputLimits.DEFAULT);
    }

    private static InputException refused(String json) {
        return assertThrows(InputException.class, () -> parse(json));
    }

    @Test
    void readsAlloysPeerDump() throws Exception {
        List<Peer> peers = parse("""
                [
                  {"name": "alloy-0", "addr": "10.0.0.1:12345", "isSelf": true, "state": "participant"},
                  {"name": "alloy-1", "addr": "10.0.0.2:12345", "isSelf": false, "state": "terminating", "extra": {"x": [1]}},
                  {"name": "alloy-2", "addr": "10.0.0.3:12345", "isSelf": false, "state": "viewer"}
                ]
                """);
        assertEquals(List.of(new Peer("alloy-0", "10.0.0.1:12345", PeerState.PARTICIPANT, true),
                new Peer("alloy-1", "10.0.0.2:12345", PeerState.TERMINATING, false),
                new Peer("alloy-2", "10.0.0.3:12345", PeerState.VIEWER, false)), peers);
    }

    @Test
    void badDumpsAreRefusedAtLineAndColumn() {
        assertAt(refused("[\n {\"name\": \"a\", \"state\": \"leaving\"}\n]"), 2, 25, "state: unknown state 'leaving'; expected participant, viewer or terminating");
        assertAt(refused("[\n {\"addr\": \"x\", \"state\": \"viewer\"}\n]"), 2, 2, "peer without a name");
        assertAt(refused("[\n {\"name\": \"a\"}\n]"), 2, 2, "peer 'a' without a state");
        assertAt(refused("[{\"name\": \"a\", \"state\": \"viewer\"},\n {\"name\": \"a\", \"state\": \"viewer\"}]"), 2, 11, "peer 'a' appears twice");
        assertAt(refused("[{\"name\": 5, \"state\": \"viewer\"}]"), 1, 11, "name: expected a string, found a number");
        assertAt(refused("[{\"name\": \"a\", \"isSelf\": \"yes\", \"state\": \"viewer\"}]"), 1, 26, "isSelf: expected true or false");
        assertAt(refused("{\"peers\": []}"), 1, 1, "expected a list of peers");
        assertAt(refused("[\"a\"]"), 1, 2, "expected a peer object");
        assertAt(refused("[]"), 1, 1, "holds no peers");
        assertAt(refused(""), 1, 1, "unexpected end of the file");
        assertAt(refused("[{\"name\": \"a\" \"state\": \"viewer\"}]"), 1, 15, "not valid JSON");
    }

    @Test
    void tooManyPeersIsARefusal() {
        InputLimits two = InputLimits.DEFAULT.withMaxItems(2);
        InputException e = assertThrows(InputException.class, () -> PeerFiles.parse("peers.json",
                "[{\"name\":\"a\",\"state\":\"viewer\"},{\"name\":\"b\",\"state\":\"viewer\"},{\"name\":\"c\",\"state\":\"viewer\"}]"
                        .getBytes(StandardCharsets.UTF_8), two));
        assertAt(e, 1, 62, "more than 2 peers");
    }

    @Test
    void nameListsAreParticipantsAndErrorsPointIntoTheList() throws Exception {
        assertEquals(List.of(Peer.participant("a"), Peer.participant("b c")),
                PeerFiles.ofNames("--peers", "a,b c", InputLimits.DEFAULT));
        assertAt(assertThrows(InputException.class, () -> PeerFiles.ofNames("--peers", "a,,b", InputLimits.DEFAULT)), 1, 3, "empty peer name");
        assertAt(assertThrows(InputException.class, () -> PeerFiles.ofNames("--peers", "ab,cd,ab", InputLimits.DEFAULT)), 1, 7,
                "peer 'ab' appears twice");
    }
}
