package io.fleetlab.core.membership;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fleetlab.core.membership.swim.Awareness;
import io.fleetlab.core.membership.swim.BroadcastQueue;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.Message.Alive;
import io.fleetlab.core.membership.wire.Message.Dead;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.Message.PeerStateUpdate;
import io.fleetlab.core.membership.wire.Message.Suspect;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.membership.wire.SizedMessage;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import io.fleetlab.core.testkit.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Row hints into a registry other nodes of the process share ({@link NodeRegistry#find(String, int)},
 * {@link NodeRegistry#acquire(String, int)}) only save name lookups. A node with a registry of its
 * own, fed news without hints (how a node over sockets runs), and a node sharing its registry with
 * a neighbour that holds members the node does not, fed the same news with hints that are right,
 * the neighbour's rows of other members, stale, out of range or none, and with names that are
 * equal copies rather than the shared instance, end every step with the same members, records,
 * probe order, peer states, push-pull order, events, view changes and queued news. Liveness news,
 * peer-state news and full-state entries (member records and peer-state messages) are covered,
 * news about the node itself included.
 */
class SharedRegistryHintTest {
    private static final int CASES = 300;
    private static final int STEPS = 150;

    @Test
    void hintsIntoASharedRegistryChangeNothingButTheLookup() {
        int hintedNew = 0;
        for (int c = 0; c < CASES; c++) {
            long seed = 0x5a4ed000L + c;
            SplittableRandom r = new SplittableRandom(seed);
            long nodeSeed = r.nextLong();
            Node plain = new Node(nodeSeed, new NodeRegistry());
            NodeRegistry shared = new NodeRegistry();
            Node neighbour = new Node(r.nextLong(), shared);
            Node hinted = new Node(nodeSeed, shared);
            int names = 2 + r.nextInt(c < CASES / 2 ? 8 : 50);
            for (int step = 0; step < STEPS; step++) {
                String where = "seed " + seed + " step " + step;
                Message m = news(r, names);
                String about = about(m);
                if (r.nextInt(3) == 0) {
                    // the neighbour learns of members first, so the shared registry holds names the node lacks
                    neighbour.apply(news(r, names), -1, r.nextBoolean());
                }
                NodeRegistry.Entry e = shared.find(about);
                int right = e == null ? -1 : e.index;
                hintedNew += right >= 0 && hinted.table.indexOf(about) < 0 ? 1 : 0;
                int hint = switch (r.nextInt(6)) {
                    case 0, 1 -> right;
                    case 2 -> r.nextInt(names + 4) - 1; // any row: another member's, none or out of range
                    case 3 -> Integer.MAX_VALUE;
                    case 4 -> -1;
                    default -> right >= 0 ? right : r.nextInt(names + 1);
                };
                boolean asEntry = r.nextInt(3) == 0;
                plain.apply(m, -1, asEntry);
                hinted.apply(m, hint, asEntry);
                if (r.nextInt(10) == 0) {
                    long t = r.nextInt(40);
                    plain.scheduler.runFor(Duration.ofSeconds(t));
                    hinted.scheduler.runFor(Duration.ofSeconds(t));
                    neighbour.scheduler.runFor(Duration.ofSeconds(t));
                }
                if (r.nextInt(12) == 0) {
                    plain.reap();
                    hinted.reap();
                }
                if (r.nextInt(20) == 0) {
                    neighbour.reap();
                }
                if (step % 5 == 0 || step == STEPS - 1) {
                    assertEquals(plain.state(names), hinted.state(names), where);
                }
            }
            assertEquals(plain.drain(), hinted.drain(), "seed " + seed + ": the queued news");
        }
        assertTrue(hintedNew > 5_000, "news about members only the neighbour held, hinted right: " + hintedNew);
    }

    private static Message news(SplittableRandom r, int names) {
        int who = r.nextInt(names + 1); // names: the node itself
        String node = who == names ? "self" : r.nextInt(5) == 0 ? new String("m" + who) : name(who);
        long inc = r.nextInt(6);
        return switch (r.nextInt(6)) {
            case 0, 1 -> new Alive(inc, node, "10.1.0." + who + ":7946");
            case 2 -> new Suspect(inc, node, "m" + r.nextInt(names));
            case 3 -> new Dead(inc, node, r.nextBoolean() ? node : "self");
            default -> new PeerStateUpdate(new StateMessage(node, PeerState.values()[r.nextInt(3)], r.nextInt(12)));
        };
    }

    private static String about(Message m) {
        if (m instanceof Alive a) {
            return a.node();
        } else if (m instanceof Suspect s) {
            return s.node();
        } else if (m instanceof Dead d) {
            return d.node();
        }
        return ((PeerStateUpdate) m).state().nodeName();
    }

    private static final String[] NAMES = new String[64];

    /** One shared instance per name, as the nodes of one process share them. */
    private static String name(int i) {
        if (NAMES[i] == null) {
            NAMES[i] = "m" + i;
        }
        return NAMES[i];
    }

    /** A member table and peer states on one broadcast queue, as a {@link Membership} wires them. */
    private static final class Node {
        final ManualScheduler scheduler = new ManualScheduler();
        final BroadcastQueue<SizedMessage> queue = new BroadcastQueue<>(SizedMessage::size);
        final StringBuilder log = new StringBuilder();
        final MemberTable table;
        final PeerStates states;

        Node(long seed, NodeRegistry registry) {
            EventBus events = new EventBus();
            events.add(e -> log.append(e).append('\n'));
            table = new MemberTable("self", "10.0.0.1:7946", GossipConfig.alloy(), scheduler, new SplittableRandom(seed),
                    queue, new Awareness(8), events, n -> log.append("view ").append(n).append('\n'), registry);
            states = new PeerStates("self", scheduler, queue, events, i -> table.has(i) && !table.status(i).gone(),
                    n -> log.append("view ").append(n).append('\n'), registry);
            table.addSelf();
        }

        /** Applies {@code m} as gossiped news, or ({@code asEntry}) as an entry of a full state. */
        void apply(Message m, int hint, boolean asEntry) {
            if (m instanceof PeerStateUpdate u) {
                states.merge(u.state(), hint);
            } else if (asEntry) {
                table.merge(entry(m), hint);
            } else if (m instanceof Alive a) {
                table.alive(a, false, hint);
            } else if (m instanceof Suspect s) {
                table.suspect(s, hint);
            } else if (m instanceof Dead d) {
                table.dead(d, hint);
            }
        }

        private static NodeRecord entry(Message m) {
            if (m instanceof Alive a) {
                return new NodeRecord(a.node(), a.address(), a.incarnation(), NodeStatus.ALIVE);
            } else if (m instanceof Suspect s) {
                return new NodeRecord(s.node(), "10.1.0.9:7946", s.incarnation(), NodeStatus.SUSPECT);
            }
            Dead d = (Dead) m;
            return new NodeRecord(d.node(), "10.1.0.9:7946", d.incarnation(),
                    d.isLeave() ? NodeStatus.LEFT : NodeStatus.DEAD);
        }

        void reap() {
            table.reapAndShuffle(states::forget);
        }

        /** Everything observable, by name (the two nodes' registries number names differently). */
        String state(int names) {
            StringBuilder b = new StringBuilder();
            IndexList order = table.order();
            for (int q = 0; q < order.size(); q++) {
                int i = order.get(q);
                b.append(table.record(i)).append('@').append(table.statusSince(i)).append(';');
            }
            b.append(" size ").append(table.size()).append("\nstates:");
            for (StateMessage s : states.all()) {
                b.append(s).append(';');
            }
            b.append("\nqueued ").append(queue.size()).append(':');
            for (int i = 0; i <= names; i++) {
                String n = i == names ? "self" : name(i);
                b.append(queue.pending(BroadcastQueue.Topic.LIVENESS, n) ? '1' : '0')
                        .append(queue.pending(BroadcastQueue.Topic.PEER_STATE, n) ? '1' : '0');
            }
            return b.append("\n").append(log).toString();
        }

        /** The queued messages in the order they would go out. */
        List<Message> drain() {
            List<SizedMessage> out = new ArrayList<>();
            queue.take(1_000_000, 3, 100_000, 100, out);
            List<Message> messages = new ArrayList<>();
            for (SizedMessage s : out) {
                messages.add(s.message());
            }
            return messages;
        }
    }
}
