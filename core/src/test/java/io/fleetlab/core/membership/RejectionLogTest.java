package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.harness.PacketInjector;
import io.fleetlab.core.membership.harness.SimCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** 100,000 junk datagrams: every one counted, a handful of log lines that summarise them. */
class RejectionLogTest {
    @Test
    void junkIsCountedAndSummarisedNotLoggedLineByLine() {
        Logger jul = Logger.getLogger(Membership.class.getName());
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    lines.add(r.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(capture);
        boolean parentHandlers = jul.getUseParentHandlers();
        jul.setUseParentHandlers(false);
        try {
            SimCluster c = new SimCluster(51, GossipConfig.lan()).start(2);
            assertTrue(c.runUntil(c::converged, Duration.ofSeconds(30)));
            PacketInjector inj = new PacketInjector(c);
            SplittableRandom junk = new SplittableRandom(51);
            int sent = 100_000;
            // 100,000 datagrams over 20 simulated seconds: random bytes, and empty ones
            for (int i = 0; i < sent; i++) {
                byte[] p = new byte[junk.nextInt(0, 40)];
                junk.nextBytes(p);
                if (p.length > 0) {
                    p[0] = (byte) 0x7F; // never a valid version byte
                }
                inj.transport.sendPacket(c.node(0).address(), p);
                if (i % 5000 == 4999) {
                    c.runFor(Duration.ofSeconds(1));
                }
            }
            c.runFor(Duration.ofSeconds(11));
            inj.transport.sendPacket(c.node(0).address(), new byte[] {0x7F});
            c.runFor(Duration.ofSeconds(1));
            long rejected = 0;
            for (RejectReason r : RejectReason.values()) {
                rejected += c.node(0).traffic().rejected(r);
            }
            assertEquals(sent + 1, rejected, "every junk datagram is counted");
            // one line per 10 s at most: 20 s of junk plus the late one
            assertTrue(lines.size() <= 4, lines.size() + " log lines: " + lines);
            String last = lines.get(lines.size() - 1);
            assertTrue(last.contains("more since the last report"), last);
        } finally {
            jul.removeHandler(capture);
            jul.setUseParentHandlers(parentHandlers);
        }
    }
}
