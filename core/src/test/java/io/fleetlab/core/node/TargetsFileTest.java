package io.fleetlab.core.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.hash.TargetKeys;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetsFileTest {
    private static TargetsFile parse(String json) {
        return TargetsFile.parse("t.json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String refusal(String json) {
        return assertThrows(IllegalArgumentException.class, () -> parse(json)).getMessage();
    }

    @Test
    void stringsAndLabelSetsAreKeyedAsAlloyKeysThemAndDuplicatesAreDropped() {
        TargetsFile s = parse("[\"http://a:9100/metrics\", \"http://b:9100/metrics\", \"http://a:9100/metrics\"]");
        assertEquals(2, s.entries().size());
        assertEquals(1, s.dropped());
        assertEquals(TargetKeys.ofString("http://b:9100/metrics"), s.keys().key(1));
        TargetsFile l = parse("[{\"job\":\"n\",\"instance\":\"a:1\",\"__meta_x\":\"1\"},"
                + "{\"job\":\"n\",\"instance\":\"a:1\",\"__meta_x\":\"2\"}]");
        assertEquals(1, l.entries().size(), "labels that differ only in __meta_ ones are one target");
        assertEquals(TargetKeys.ofLabels(Map.of("job", "n", "instance", "a:1")), l.keys().key(0));
    }

    @Test
    void hostileFilesAreRefusedWithWhereAndWhat() {
        assertTrue(refusal("{\"a\":1}").contains("expected a JSON list"));
        assertTrue(refusal("[\"a\", {\"job\":\"x\"}]").contains("[1]: expected a string, like the entries before it"));
        assertTrue(refusal("[{\"job\":1}]").contains("[0].job: expected a string label value, got number"));
        assertTrue(refusal("[1]").contains("[0]: expected a string or an object of string labels, got number"));
        assertTrue(refusal("[\"a\",").startsWith("t.json:1:"), refusal("[\"a\","));
        StringBuilder many = new StringBuilder("[{");
        for (int i = 0; i <= TargetsFile.MAX_LABELS; i++) {
            many.append(i == 0 ? "" : ",").append("\"l").append(i).append("\":\"v\"");
        }
        assertTrue(refusal(many.append("}]").toString()).contains("labels; expected at most " + TargetsFile.MAX_LABELS));
    }
}
