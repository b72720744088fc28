package io.fleetlab.core.membership;

import io.fleetlab.core.log.ThrottledLog;
import io.fleetlab.core.membership.swim.Awareness;
import io.fleetlab.core.membership.swim.BroadcastQueue;
import io.fleetlab.core.membership.swim.BroadcastQueue.Topic;
import io.fleetlab.core.membership.swim.RandomPicks;
import io.fleetlab.core.membership.swim.SwimMath;
import io.fleetlab.core.membership.wire.IndexedEntries;
import io.fleetlab.core.membership.wire.MalformedMessageException;
import io.fleetlab.core.membership.wire.Message;
import io.fleetlab.core.membership.wire.Message.Ack;
import io.fleetlab.core.membership.wire.Message.Alive;
import io.fleetlab.core.membership.wire.Message.Dead;
import io.fleetlab.core.membership.wire.Message.IndirectPing;
import io.fleetlab.core.membership.wire.Message.Nack;
import io.fleetlab.core.membership.wire.Message.NodeRecord;
import io.fleetlab.core.membership.wire.Message.PeerStateUpdate;
import io.fleetlab.core.membership.wire.Message.Ping;
import io.fleetlab.core.membership.wire.Message.PushPull;
import io.fleetlab.core.membership.wire.Message.Suspect;
import io.fleetlab.core.membership.wire.MessageCodec;
import io.fleetlab.core.membership.wire.MessageFrame;
import io.fleetlab.core.membership.wire.NodeStatus;
import io.fleetlab.core.membership.wire.PacketCodec;
import io.fleetlab.core.membership.wire.SizedMessage;
import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.peer.PeerState;
import io.fleetlab.core.peer.StateMessage;
import io.fleetlab.core.time.Cancellable;
import io.fleetlab.core.time.Scheduler;
import io.fleetlab.core.transport.Payload;
import io.fleetlab.core.transport.Transport;
import io.fleetlab.core.transport.TransportHandler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;
import java.util.random.RandomGenerator;

/**
 * Gossip membership of one node: SWIM failure detection with Lifeguard's refinements, the way
 * memberlist implements them, plus Alloy's Lamport-clocked peer states.
 *
 * <p>The parts: {@link FailureDetector} (probing), {@link MemberTable} (liveness rules),
 * {@link PeerStates} (Alloy states), {@link Outbox} (piggybacking and sending), and this class,
 * which joins, gossips, runs push-pull, dispatches what arrives and serves the public API.
 *
 * <p>Time comes only from the {@link Scheduler}, network only from the {@link Transport} and
 * chance only from the injected {@link RandomGenerator}; there are no threads and no locks. All
 * methods must be called on the scheduler's thread.
 */
public final class Membership {
    private static final System.Logger LOG = System.getLogger(Membership.class.getName());
    /** How many gossip intervals a leave waits at most for each of its announcements to go out. */
    private static final int LEAVE_WAIT_ROUNDS = 10;
    /** At most one log line about rejected input per interval; the rest are counted in it. */
    private static final Duration REJECTION_LOG_INTERVAL = Duration.ofSeconds(10);
    /** A member taken as gone from the view (a map value that cannot be confused with "no entry"). */
    private static final Peer GONE = new Peer("gone", "gone", PeerState.VIEWER, false);

    private final String name;
    private final GossipConfig config;
    private final Scheduler scheduler;
    private final Transport transport;
    private final RandomGenerator random;
    private final String address;
    private final PacketCodec codec;
    private final TrafficCounters traffic = new TrafficCounters();
    private final EventBus events = new EventBus();
    private final PeerSetNotifier notifier;
    /** What {@link #peers()} built last, until the view may have changed; null to rebuild. */
    private List<Peer> peers;
    /**
     * The view when its changes were last taken ({@link #takeViewChanges}): this list, sorted by
     * name as {@link #peers()} builds it (usually the very list {@code peers()} returned, so it
     * costs no memory of its own: a map per node here was 10^8 entries at 10,000 nodes) ...
     */
    private List<Peer> taken = List.of();
    /** ... overridden by these entries of members taken since ({@link #GONE}: gone from the view). */
    private final Map<String, Peer> takenSince = new HashMap<>();
    /** Members whose entry in the view may have changed since then. */
    private final Set<String> touched = new HashSet<>();
    /**
     * Whether {@link #taken} with its overrides and the entries of {@link #touched} members make the
     * view now: false until the first view is built from the tables, and again after the tables
     * changed without a word ({@link #assumeConverged}).
     */
    private boolean patchable;
    /** The names a patched view replaces, sorted (scratch of {@link #patchedView}). */
    private String[] patchNames = new String[16];
    /** How many views were patched and how many built from the tables (for tests). */
    private long patchedViews;
    private long viewsFromTables;
    private final BroadcastQueue<SizedMessage> broadcasts = new BroadcastQueue<>(SizedMessage::size);
    private final MemberTable table;
    private final PeerStates states;
    private final Outbox outbox;
    private final FailureDetector detector;
    private final Awareness healthScore;
    private final List<Message> inbox = new ArrayList<>();
    private final IndexList targets = new IndexList();
    private final NodeRegistry registry;
    /** Our own name's registry entry (held for the life of this membership). */
    private final NodeRegistry.Entry own;
    private final long gossipIntervalNanos;
    /** The configuration's gossip fan-out, kept here: a tick then reads no configuration. */
    private final int gossipNodes;
    private final ThrottledLog rejections;

    private boolean started;
    private boolean running;
    private boolean leaving;
    private List<String> seeds = List.of();
    private JoinRun currentJoin;
    /** Full states received that were the agreed state we held (merged without a pass; for tests). */
    private long fullStatesBringingNothing;
    private Cancellable gossipTimer;
    /** The gossip round, made once: it is rescheduled five times a second. */
    private final Runnable gossipRound = this::gossipTick;
    /** Where a ping for someone else is refused, made once rather than per ping. */
    private final FailureDetector.RejectSink pingRejects = this::reject;
    private Cancellable pushPullTimer;
    private Cancellable rejoinTimer;

    /**
     * @param name      this node's unique, stable name (1..255 UTF-8 bytes)
     * @param transport bound by this constructor; its {@link Transport#localAddress()} is the
     *                  address announced to others
     * @param random    the only source of chance (pass a seeded one for reproducible runs, a
     *                  {@link java.security.SecureRandom} when encryption is on)
     */
    public Membership(String name, GossipConfig config, Scheduler scheduler, Transport transport,
            RandomGenerator random) {
        this(name, config, scheduler, transport, random, new NodeRegistry());
    }

    /**
     * As the other constructor, sharing node identities through {@code registry} with every other
     * membership given the same one (they must all run on one thread): what many nodes in one
     * process do so that each name, address and record is held once.
     */
    public Membership(String name, GossipConfig config, Scheduler scheduler, Transport transport,
            RandomGenerator random, NodeRegistry registry) {
        this.name = Objects.requireNonNull(name, "name");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.config = Objects.requireNonNull(config, "config");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.random = Objects.requireNonNull(random, "random");
        int nameBytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (nameBytes == 0 || nameBytes > MessageCodec.MAX_STRING_BYTES) {
            throw new IllegalArgumentException("node name must be 1.." + MessageCodec.MAX_STRING_BYTES
                    + " UTF-8 bytes: '" + name + "'");
        }
        this.address = transport.localAddress();
        // Messages may be handed to others decoded: every string we put in one must read the same
        // after a trip through UTF-8 (no unpaired surrogates), as everything we decode does.
        if (!MessageCodec.isWellFormed(name) || !MessageCodec.isWellFormed(address)) {
            throw new IllegalArgumentException("node name and address must be well-formed UTF-16 (no unpaired surrogate): '"
                    + name + "' at '" + address + "'");
        }
        this.gossipIntervalNanos = config.gossipInterval().toNanos();
        this.gossipNodes = config.gossipNodes();
        this.codec = new PacketCodec(config.keyring(), random);
        this.notifier = new PeerSetNotifier(scheduler, config.notifyInterval().toNanos(), new PeerSetNotifier.View() {
            @Override
            public List<Peer> peers() {
                return Membership.this.peers();
            }

            @Override
            public boolean takeChanges(boolean fromScratch) {
                return takeViewChanges(fromScratch);
            }
        });
        Awareness awareness = new Awareness(config.awarenessMaxMultiplier());
        // first of all listeners: an event comes after the tables changed but before the view is
        // told (memberlist's state.go aliveNode/deadNode change the state before calling the event
        // delegate, and ckit's node.go peer list read then has it), so a listener reading the view
        // then must find the entry marked
        events.add(this::entryMayHaveChanged);
        this.own = registry.acquire(name);
        this.table = new MemberTable(name, address, config, scheduler, random, broadcasts, awareness, events,
                this::viewMayHaveChanged, registry);
        this.states = new PeerStates(name, scheduler, broadcasts, events, this::inView, this::viewMayHaveChanged,
                registry);
        this.outbox = new Outbox(name, config, transport, codec, broadcasts, traffic, table::size);
        this.detector = new FailureDetector(name, address, config, scheduler, random, outbox, table,
                awareness, () -> table.reapAndShuffle(states::forget), traffic::probeStarted);
        transport.bind(new TransportHandler() {
            @Override
            public void onPacket(String fromAddress, byte[] packet) {
                receivePacket(fromAddress, packet);
            }

            @Override
            public void onReliable(String fromAddress, byte[] message) {
                receiveReliable(fromAddress, message);
            }

            @Override
            public void onPacket(String fromAddress, Payload packet) {
                if (packet instanceof MessageFrame frame) {
                    receivePacket(fromAddress, frame);
                } else {
                    receivePacket(fromAddress, packet.toBytes());
                }
            }

            @Override
            public void onReliable(String fromAddress, Payload message) {
                if (message instanceof MessageFrame frame) {
                    receiveReliable(fromAddress, frame);
                } else {
                    receiveReliable(fromAddress, message.toBytes());
                }
            }
        });
        this.healthScore = awareness;
        this.rejections = new ThrottledLog(LOG, System.Logger.Level.WARNING, REJECTION_LOG_INTERVAL,
                scheduler::nowNanos);
    }

    // ---------------------------------------------------------------- public API

    /**
     * Starts the protocol and joins through {@code seedAddresses}: a full-state exchange with at
     * most {@link GossipConfig#maxJoinPeers()} of them, chosen at random and tried one after
     * another, each within the stream timeout (memberlist {@code memberlist.go} {@code Join}).
     * When none answers the node carries on as a cluster of one; with a rejoin interval it keeps
     * contacting the seeds.
     *
     * @throws IllegalStateException when called twice
     */
    public void join(List<String> seedAddresses) {
        join(seedAddresses, n -> { });
    }

    /**
     * As {@link #join(List)}; {@code whenReturned} hears how many seeds answered once every chosen
     * seed was tried (memberlist's {@code Join} returning), at once when there are none.
     */
    public void join(List<String> seedAddresses, IntConsumer whenReturned) {
        Objects.requireNonNull(seedAddresses, "seedAddresses");
        Objects.requireNonNull(whenReturned, "whenReturned");
        if (started) {
            throw new IllegalStateException("join may be called once");
        }
        started = true;
        running = true;
        List<String> others = new ArrayList<>();
        for (String s : seedAddresses) {
            if (!s.equals(address) && !others.contains(s)) {
                others.add(s);
            }
        }
        seeds = List.copyOf(others);
        table.addSelf();
        // Probe and gossip tick with the phase of this start, as memberlist's do: schedule()
        // (state.go) creates each time.Ticker when the node is created, and triggerFunc's random
        // stagger only delays the first read of the ticker channel, which cannot fire before a
        // whole interval has passed. Nodes started together tick together. Push-pull is staggered
        // for real (pushPullTrigger waits its stagger, then runs its own timer).
        detector.start(config.probeInterval().toNanos());
        gossipTimer = scheduler.schedule(gossipIntervalNanos, gossipRound);
        if (!config.pushPullInterval().isZero()) {
            pushPullTimer = scheduler.schedule(stagger(config.pushPullInterval().toNanos()), this::pushPullTick);
        }
        contactSeeds(whenReturned);
        if (!config.rejoinInterval().isZero() && !seeds.isEmpty()) {
            rejoinTimer = scheduler.schedule(config.rejoinInterval().toNanos(), this::rejoinTick);
        }
        viewMayHaveChanged(name);
    }

    /**
     * Takes {@code members} (other than this node) as known and alive, and {@code states} as
     * their peer states ({@code peerStates}), without news, events or messages: the tables a long steady state leaves
     * behind. For warm-started simulations of large fleets, whose start-up is not the question;
     * call before {@link #join}, which then needs no seeds.
     *
     * @throws IllegalStateException once joined
     */
    public void assumeConverged(List<NodeRecord> members, List<StateMessage> peerStates) {
        if (started) {
            throw new IllegalStateException("assumeConverged must come before join");
        }
        // every node of a warm start gets the same lists: their names are looked up once, not per node
        NodeRegistry.Entry[] known = registry.entriesOf(members, NodeRecord::name);
        for (int k = 0; k < known.length; k++) {
            NodeRecord r = members.get(k);
            if (known[k] != own && r.status() == NodeStatus.ALIVE && (known[k] != null || !r.name().equals(name))) {
                table.assumeAlive(r, known[k]);
            }
        }
        known = registry.entriesOf(peerStates, StateMessage::nodeName);
        for (int k = 0; k < known.length; k++) {
            states.assume(peerStates.get(k), known[k]);
        }
        peers = null;
        patchable = false; // the tables changed without a word: the next view is built from them
    }

    /**
     * Joins again through {@code seedAddresses} (a full-state exchange with each, as on the first
     * join): how a node heals a partition with freshly discovered seeds. Ignored unless running.
     */
    public void rejoin(List<String> seedAddresses) {
        Objects.requireNonNull(seedAddresses, "seedAddresses");
        if (!running || leaving) {
            return;
        }
        List<String> others = new ArrayList<>();
        for (String s : seedAddresses) {
            if (!s.equals(address) && !others.contains(s)) {
                others.add(s);
            }
        }
        seeds = List.copyOf(others);
        contactSeeds(n -> { });
    }

    /**
     * Announces a new Alloy peer state with a fresh Lamport time; it is gossiped and merged on
     * push-pull. Setting the current state again does nothing.
     *
     * @throws IllegalStateException for a transition Alloy forbids (only viewer -> participant ->
     *                               terminating are allowed)
     */
    public void setState(PeerState next) {
        states.set(Objects.requireNonNull(next, "next"));
    }

    /**
     * Leaves gracefully: a participant first announces {@code TERMINATING}; once that news is out
     * (or after ten gossip intervals) the node announces it left, waits for that to go out too,
     * shuts down, then runs {@code whenDone} on the scheduler's thread.
     */
    public void leave(Runnable whenDone) {
        Objects.requireNonNull(whenDone, "whenDone");
        if (!running || leaving) {
            scheduler.schedule(0, whenDone);
            return;
        }
        leaving = true;
        table.markLeaving();
        if (states.ownState() == PeerState.PARTICIPANT) {
            states.set(PeerState.TERMINATING);
        }
        whenSent(Topic.PEER_STATE, scheduler.nowNanos() + LEAVE_WAIT_ROUNDS * gossipIntervalNanos, () -> {
            table.leave();
            whenSent(Topic.LIVENESS, scheduler.nowNanos() + LEAVE_WAIT_ROUNDS * gossipIntervalNanos, () -> {
                shutdown();
                whenDone.run();
            });
        });
    }

    /** Stops at once: cancels every timer, sends nothing more and closes the transport (a crash). */
    public void shutdown() {
        if (started && !running) {
            return;
        }
        started = true;
        running = false;
        detector.stop();
        table.stop();
        cancel(gossipTimer);
        cancel(pushPullTimer);
        cancel(rejoinTimer);
        notifier.stop();
        outbox.close();
        transport.close();
    }

    /**
     * The current view: the local node and every member alive or suspect, sorted by name. One
     * immutable list is handed out until the view may have changed. The next one is the view its
     * changes were last taken on ({@link #takeViewChanges}) with the entries of the members changed
     * since replaced: it costs what changed, where reading every member's row from the tables
     * missed the cache a thousand times per notification. Built from the tables when nothing is
     * known to patch or when most of the view changed.
     */
    public List<Peer> peers() {
        List<Peer> cached = peers;
        if (cached != null) {
            return cached;
        }
        int changes = takenSince.size() + touched.size();
        List<Peer> view;
        if (patchable && changes <= 16 + taken.size() / 4) {
            view = patchedView();
            patchedViews++;
        } else {
            view = viewFromTables();
            viewsFromTables++;
        }
        peers = view;
        if (touched.isEmpty()) {
            rebaseTaken(view); // nothing changed since the changes were taken: this is that view
        }
        return view;
    }

    /** How many views {@link #peers()} patched (for tests). */
    long patchedViews() {
        return patchedViews;
    }

    /** How many views {@link #peers()} built from the tables (for tests). */
    long viewsFromTables() {
        return viewsFromTables;
    }

    /** The view built from the tables, every member in the registry's name order. */
    List<Peer> viewFromTables() {
        // the registry keeps every name in order, so the view needs no sort; its rows are shared
        List<Peer> out = new ArrayList<>(table.size() + 1);
        int ownIndex = own.index;
        for (int k = 0, n = registry.sortedSize(); k < n; k++) {
            NodeRegistry.Entry e = registry.sortedAt(k);
            int i = e.index;
            if (i == ownIndex) {
                out.add(new Peer(name, address, states.ownState(), true));
            } else if (table.live(i)) {
                out.add(registry.peer(e, table.address(i), states.stateAt(i)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * {@link #taken} with the members taken since and those touched since replaced by their entries
     * (or dropped when gone), in one merge by name: every other entry is as it was when taken.
     */
    private List<Peer> patchedView() {
        int k = 0;
        String[] names = patchNames;
        int most = takenSince.size() + touched.size();
        if (names.length < most) {
            names = new String[Math.max(most, names.length * 2)];
            patchNames = names;
        }
        for (String member : takenSince.keySet()) {
            names[k++] = member;
        }
        for (String member : touched) {
            if (!takenSince.containsKey(member)) {
                names[k++] = member;
            }
        }
        NameSort.sort(names, 0, k); // String order, as views keep names
        List<Peer> base = taken;
        int size = base.size();
        Peer[] out = new Peer[size + k];
        int n = 0;
        int from = 0;
        for (int j = 0; j < k; j++) {
            String member = names[j];
            names[j] = null;
            int at = firstAtOrAfter(base, member, from);
            while (from < at) {
                out[n++] = base.get(from++);
            }
            if (at < size && base.get(at).name().equals(member)) {
                from = at + 1;
            }
            Peer now;
            if (touched.contains(member)) {
                now = entryOf(member);
            } else {
                Peer since = takenSince.get(member);
                now = since == GONE ? null : since;
            }
            if (now != null) {
                out[n++] = now;
            }
        }
        while (from < size) {
            out[n++] = base.get(from++);
        }
        return List.of(n == out.length ? out : Arrays.copyOf(out, n));
    }

    /** The first position at or after {@code from} in the sorted {@code view} whose name is not below {@code member}. */
    private static int firstAtOrAfter(List<Peer> view, String member, int from) {
        int lo = from;
        int hi = view.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (view.get(mid).name().compareTo(member) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Every change that can alter {@link #peers()} (a member joining or gone, a peer state of a
     * member in the view, our own state) comes through here: the list is rebuilt on the next read
     * rather than on every read, which at a thousand members and a notification per change was
     * most of a simulated fleet's work.
     */
    private void viewMayHaveChanged(String member) {
        peers = null;
        touched.add(member);
        notifier.changed();
    }

    /**
     * An event about a member joining, dying, leaving or changing state: its entry in the view may
     * have changed, ahead of {@link #viewMayHaveChanged} (which comes once the event is handed out).
     */
    private void entryMayHaveChanged(NodeEvent event) {
        boolean mayChange = event instanceof NodeEvent.Joined || event instanceof NodeEvent.Dead
                || event instanceof NodeEvent.Left
                // a state counts only for a member in the view, as PeerStates announces it
                || event instanceof NodeEvent.StateChanged s && (s.node().equals(name) || inView(table.indexOf(s.node())));
        if (mayChange) {
            peers = null;
            touched.add(event.node());
        }
    }

    /**
     * Whether the view differs from the one of the last call: only the entries of members touched
     * since are compared (the whole view {@code fromScratch}). The same answer as comparing the
     * sorted lists, since names are unique in a view.
     */
    private boolean takeViewChanges(boolean fromScratch) {
        boolean changed = false;
        if (fromScratch) {
            List<Peer> before = takenView(); // first: reading the view may rebase on it
            List<Peer> now = peers();
            changed = !now.equals(before);
            rebaseTaken(now);
        } else {
            for (String member : touched) {
                Peer now = entryOf(member);
                Peer before = takenSince.put(member, now == null ? GONE : now); // one lookup, not three
                Peer then = before == null ? takenEntry(member) : before == GONE ? null : before;
                changed |= !Objects.equals(now, then);
            }
            // every touched entry is now as in the view, so the view itself may replace the list and
            // its overrides: at once when it is built anyway, else once the overrides outnumber half
            // the view (a rebase builds the whole view: at an eighth, a fleet's start rebuilt it about
            // once per eight members touched; the overrides stay below the view's own size)
            touched.clear();
            if (peers != null || takenSince.size() > 16 + taken.size() / 2) {
                rebaseTaken(peers());
            }
        }
        touched.clear();
        return changed;
    }

    private void rebaseTaken(List<Peer> view) {
        taken = view;
        takenSince.clear();
        patchable = true;
    }

    /** {@code member}'s entry in {@link #taken}, or null. */
    private Peer takenEntry(String member) {
        int lo = 0;
        int hi = taken.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Peer p = taken.get(mid);
            int c = p.name().compareTo(member);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return p;
            }
        }
        return null;
    }

    /** The taken view as one list sorted by name (only for a comparison from scratch). */
    private List<Peer> takenView() {
        if (takenSince.isEmpty()) {
            return taken;
        }
        Map<String, Peer> byName = new TreeMap<>();
        for (Peer p : taken) {
            byName.put(p.name(), p);
        }
        takenSince.forEach((member, p) -> {
            if (p == GONE) {
                byName.remove(member);
            } else {
                byName.put(member, p);
            }
        });
        return new ArrayList<>(byName.values());
    }

    /** {@code member}'s entry in {@link #peers()} now, or null when it is not in the view. */
    private Peer entryOf(String member) {
        if (member.equals(name)) {
            return new Peer(name, address, states.ownState(), true);
        }
        int i = table.indexOf(member);
        // the registry's shared entry, as peers() puts in the view, rather than a new one per change
        return i < 0 || !table.live(i) ? null : registry.peer(registry.at(i), table.address(i), states.stateAt(i));
    }

    /** Hears the peer set, coalesced to at most one call per notify interval. */
    public void addPeerSetListener(PeerSetListener listener) {
        notifier.add(Objects.requireNonNull(listener, "listener"));
        if (started) {
            notifier.changed();
        }
    }

    /**
     * Hears that the peer set changed, exactly when a {@link PeerSetListener} would hear it, but
     * without the list (read {@link #peers()} when it is needed): what a listener that only raises
     * a flag wants, and cheaper when the view changes often.
     */
    public void addPeerSetChangeListener(Runnable listener) {
        notifier.addSignal(Objects.requireNonNull(listener, "listener"));
        if (started) {
            notifier.changed();
        }
    }

    /** Hears every membership event as it happens. */
    public void addEventListener(MembershipEventListener listener) {
        events.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * Rotates the gossip keys (memberlist's keyring: the first key encrypts, all decrypt). To rotate
     * without losing traffic, install a new key as a secondary everywhere, then make it primary
     * everywhere, then drop the old one.
     *
     * @throws IllegalArgumentException when {@code keyring} would switch encryption on or off
     */
    public void setKeyring(io.fleetlab.core.membership.wire.Keyring keyring) {
        codec.rekey(keyring);
    }

    /** What this node sent, received and rejected so far. */
    public TrafficCounters traffic() {
        return traffic;
    }

    public String name() {
        return name;
    }

    /** The address announced to others. */
    public String address() {
        return address;
    }

    public GossipConfig config() {
        return config;
    }

    /** Whether the protocol runs (joined and neither left nor shut down). */
    public boolean running() {
        return running;
    }

    /** The member's liveness as this node sees it, or null if unknown (or reaped). */
    public NodeStatus statusOf(String member) {
        int i = table.indexOf(member);
        return i < 0 ? null : table.status(i);
    }

    /** This node's incarnation number (raised each time it refutes a suspicion). */
    public long incarnation() {
        int self = table.self();
        return self < 0 ? 0 : table.incarnation(self);
    }

    /** Lifeguard's current local health score (0 = healthy). */
    public int healthScore() {
        return healthScore.score();
    }

    /** The Lamport-clocked state message held for {@code member}, or null. */
    public StateMessage stateOf(String member) {
        return states.get(member);
    }

    /** Visits the liveness of every member in the table, the local node and unreaped dead or left ones included. */
    public void forEachMemberStatus(java.util.function.Consumer<NodeStatus> visitor) {
        IndexList order = table.order();
        for (int k = 0; k < order.size(); k++) {
            visitor.accept(table.status(order.get(k)));
        }
    }

    /** Members in the table, including the local node and dead or left ones not yet reaped. */
    public int memberCount() {
        return table.size();
    }

    // ---------------------------------------------------------------- receive path

    private void receivePacket(String from, byte[] packet) {
        if (!running) {
            return;
        }
        traffic.packetReceived(packet.length);
        inbox.clear();
        try {
            codec.decodePacket(packet, inbox);
        } catch (MalformedMessageException e) {
            reject(e.reason(), from, e.getMessage());
            return;
        } catch (RuntimeException e) {
            reject(RejectReason.BAD_FIELD, from, e.toString());
            return;
        }
        for (int i = 0; i < inbox.size(); i++) {
            Message m = inbox.get(i);
            traffic.messageReceived();
            if (m instanceof PushPull) {
                reject(RejectReason.UNEXPECTED, from, "push-pull in a datagram");
            } else {
                dispatch(m, from);
            }
        }
        inbox.clear();
    }

    private void receiveReliable(String from, byte[] data) {
        if (!running) {
            return;
        }
        traffic.reliableReceived(data.length);
        Message m;
        try {
            m = codec.decodeStream(data);
        } catch (MalformedMessageException e) {
            reject(e.reason(), from, e.getMessage());
            return;
        } catch (RuntimeException e) {
            reject(RejectReason.BAD_FIELD, from, e.toString());
            return;
        }
        traffic.messageReceived();
        dispatch(m, from);
    }

    /**
     * A datagram handed over decoded: counted and refused exactly as its bytes would be by
     * {@link PacketCodec#decodePacket} (too large; plaintext where encryption is required), then
     * dispatched message by message.
     */
    private void receivePacket(String from, MessageFrame frame) {
        if (!running) {
            return;
        }
        traffic.packetReceived(frame.size());
        if (refusedUndecoded(frame, PacketCodec.MAX_PACKET_BYTES, "datagram", from)) {
            return;
        }
        for (int i = 0; i < frame.count(); i++) {
            Message m = frame.message(i);
            traffic.messageReceived();
            if (m instanceof PushPull) {
                reject(RejectReason.UNEXPECTED, from, "push-pull in a datagram");
            } else {
                dispatch(m, from, frame.sized(i));
            }
        }
    }

    /** A stream message handed over decoded, as {@link #receivePacket(String, MessageFrame)}. */
    private void receiveReliable(String from, MessageFrame frame) {
        if (!running) {
            return;
        }
        traffic.reliableReceived(frame.size());
        if (refusedUndecoded(frame, PacketCodec.MAX_STREAM_BYTES, "stream message", from)) {
            return;
        }
        traffic.messageReceived();
        dispatch(frame.message(0), from);
    }

    private boolean refusedUndecoded(MessageFrame frame, int limit, String kind, String from) {
        if (frame.size() > limit) {
            reject(RejectReason.TOO_LARGE, from, frame.size() + " byte " + kind);
            return true;
        }
        if (codec.keyring().enabled()) {
            reject(RejectReason.DECRYPT_FAILED, from, "plaintext frame but encryption is required");
            return true;
        }
        return false;
    }

    private void reject(RejectReason reason, String from, String detail) {
        traffic.countRejected(reason);
        // one line per interval at most, with counts of what was held back: junk must not flood the log
        rejections.log(reason.name().toLowerCase(java.util.Locale.ROOT),
                name + ": rejected input from " + from + ": " + detail);
    }

    private void dispatch(Message m, String from) {
        dispatch(m, from, null);
    }

    /**
     * As {@link #dispatch(Message, String)}; {@code received} is {@code m} as a frame of this
     * process held it (its row: the sender's row of the member news is about), or null.
     */
    private void dispatch(Message m, String from, SizedMessage received) {
        int row = received == null ? -1 : received.row();
        try {
            if (m instanceof Ping p) {
                detector.onPing(p, pingRejects);
            } else if (m instanceof IndirectPing p) {
                detector.onIndirectPing(p);
            } else if (m instanceof Ack a) {
                detector.onAck(a);
            } else if (m instanceof Nack n) {
                detector.onNack(n);
            } else if (m instanceof Alive a) {
                table.alive(a, false, row, received);
            } else if (m instanceof Suspect s) {
                table.suspect(s, row);
            } else if (m instanceof Dead d) {
                table.dead(d, row);
            } else if (m instanceof PeerStateUpdate u) {
                states.merge(u.state(), row, received);
            } else if (m instanceof PushPull p) {
                onPushPull(p, from);
            }
        } catch (RuntimeException e) {
            // A bug, not bad input: log it loudly but keep the node running.
            LOG.log(System.Logger.Level.ERROR, name + ": failed to handle " + m + " from " + from, e);
        }
    }

    // ---------------------------------------------------------------- gossip and push-pull

    private void gossipTick() {
        if (!running) {
            return;
        }
        // rescheduled in finally: a failure in one round must not end gossiping for good
        try {
            traffic.gossipRound();
            targets.clear();
            // the targets are drawn all the same (memberlist's gossip: kRandomNodes, then
            // GetBroadcasts per target, returning at the first empty one); without news they are
            // only drawn, not read
            if (!outbox.hasNews()) {
                table.drawGossipTargets(gossipNodes, random, targets);
                return;
            }
            table.randomGossipTargets(gossipNodes, random, targets);
            int k = targets.size();
            for (int i = 0; i < k && outbox.hasNews(); i++) {
                if (!outbox.sendNews(table.address(targets.get(i)))) {
                    break;
                }
            }
        } finally {
            gossipTimer = scheduler.schedule(gossipIntervalNanos, gossipRound);
        }
    }

    private void pushPullTick() {
        if (!running) {
            return;
        }
        try {
            targets.clear();
            if (table.randomAliveOthers(-1, 1, random, targets) == 1) {
                traffic.pushPullStarted();
                outbox.sendReliable(table.address(targets.get(0)), fullState(false, false), null);
            }
        } finally {
            long next = SwimMath.pushPullScaleNanos(config.pushPullInterval().toNanos(), table.size());
            pushPullTimer = scheduler.schedule(next, this::pushPullTick);
        }
    }

    /** Our full state as {@link #fullState} lists it when our tables are not the agreed state, entry by entry (for tests). */
    PushPull fullStateListed() {
        return new PushPull(false, false, name, address, table.records(), states.all());
    }

    PushPull fullState(boolean join, boolean reply) {
        long agreed = holdsAgreed() ? registry.agreedVersion() : -1;
        return new PushPull(join, reply, name, address, table.records(agreed), states.all(agreed));
    }

    /** How many full states received were the agreed state we held, merged without a pass (for tests). */
    long fullStatesBringingNothing() {
        return fullStatesBringingNothing;
    }

    /** Whether our member table and peer states are exactly the registry's agreed state (see {@link NodeRegistry}). */
    private boolean holdsAgreed() {
        return table.holdsAgreed() && states.holdsAgreed();
    }

    /**
     * Whether {@code p} brings us nothing: its lists are the agreed state of our registry at its
     * current version, and so are our tables (then they hold the same entries, all alive).
     */
    private boolean bringsNothing(PushPull p) {
        return agreedNow(p.nodes()) && agreedNow(p.states()) && holdsAgreed();
    }

    private boolean agreedNow(List<?> entries) {
        return entries instanceof IndexedEntries<?> e && e.indexSpace() == registry && e.agreedVersion() >= 0
                && e.agreedVersion() == registry.agreedVersion();
    }

    /**
     * Our full state, plus the tombstone of every member the sender holds alive at an incarnation
     * we buried: so that member (or the sender, which gossips the news on) learns it must refute.
     */
    private PushPull reply(PushPull p, boolean bringsNothing) {
        List<NodeRecord> extra = null;
        // entries we all hold (bringsNothing) contradict no tombstone: we hold no row of a buried name
        List<NodeRecord> theirs = table.anyTombstones() && !bringsNothing ? p.nodes() : List.of();
        for (NodeRecord r : theirs) {
            NodeRecord buried = table.tombstoneContradicting(r);
            if (buried != null) {
                if (extra == null) {
                    extra = new ArrayList<>();
                }
                extra.add(buried);
            }
        }
        if (extra == null) {
            return fullState(p.join(), true);
        }
        List<NodeRecord> nodes = new ArrayList<>(table.records());
        nodes.addAll(extra);
        return new PushPull(p.join(), true, name, address, nodes, states.all());
    }

    private void onPushPull(PushPull p, String from) {
        if (!p.reply() && !sameHost(p.senderAddress(), from)) {
            // Answering would make us dial whatever address the message names: a reflector for
            // anyone who can open a stream. The answer goes only to the host the stream came from.
            reject(RejectReason.UNEXPECTED, from, "push-pull asks for an answer at " + p.senderAddress()
                    + ", not at the host it came from");
            return;
        }
        boolean nothingNew = bringsNothing(p);
        if (!p.reply()) {
            outbox.sendReliable(p.senderAddress(), reply(p, nothingNew), null);
        }
        if (nothingNew) {
            // every merge below would find its entry held as it is; only our own message's time is observed
            fullStatesBringingNothing++;
            states.observeOwnHeld();
        } else {
            mergeFullState(p);
        }
        if (p.reply() && p.join() && currentJoin != null) {
            currentJoin.settle(currentJoin.index, true);
        }
    }

    private void mergeFullState(PushPull p) {
        // A full state from a node sharing our registry lists each entry's index in it: the entries
        // we already hold are recognised by identity at that index, without hashing their names.
        List<NodeRecord> nodes = p.nodes();
        if (nodes instanceof IndexedEntries<NodeRecord> e && e.indexSpace() == registry) {
            e.forEachIndexed(table::merge);
        } else {
            for (NodeRecord r : nodes) {
                table.merge(r);
            }
        }
        List<StateMessage> held = p.states();
        if (held instanceof IndexedEntries<StateMessage> e && e.indexSpace() == registry) {
            e.forEachIndexed(states::merge);
        } else {
            for (StateMessage s : held) {
                states.merge(s);
            }
        }
    }

    // ---------------------------------------------------------------- joining and leaving

    /** Memberlist's {@code Join}: seeds picked at random, then tried one after another. */
    private void contactSeeds(IntConsumer whenReturned) {
        List<String> chosen = new ArrayList<>(seeds);
        RandomPicks.shuffle(chosen, random);
        if (chosen.size() > config.maxJoinPeers()) {
            chosen = chosen.subList(0, config.maxJoinPeers());
        }
        if (chosen.isEmpty()) {
            if (table.size() <= 1) {
                LOG.log(System.Logger.Level.INFO, "{0}: no seeds, bootstrapping a new cluster", name);
            }
            whenReturned.accept(0);
            return;
        }
        if (currentJoin != null) {
            LOG.log(System.Logger.Level.INFO, "{0}: a join is still running, not starting another", name);
            return;
        }
        currentJoin = new JoinRun(List.copyOf(chosen), whenReturned);
        currentJoin.next();
    }

    /**
     * One run of memberlist's {@code Join} ({@code memberlist.go}): a full-state push-pull with
     * each seed in turn, each waiting for the answer (merged before the next seed is tried), a
     * failure, or the stream timeout; it returns how many seeds answered.
     */
    private final class JoinRun {
        final List<String> chosen;
        final IntConsumer whenReturned;
        int index;
        int answered;
        Cancellable timer;

        JoinRun(List<String> chosen, IntConsumer whenReturned) {
            this.chosen = chosen;
            this.whenReturned = whenReturned;
        }

        void next() {
            if (!running || currentJoin != this) {
                return;
            }
            if (index == chosen.size()) {
                currentJoin = null;
                if (answered == 0) {
                    LOG.log(System.Logger.Level.INFO, "{0}: no seed answered, running alone", name);
                }
                whenReturned.accept(answered);
                return;
            }
            String seed = chosen.get(index++);
            int tag = index;
            timer = scheduler.schedule(config.streamTimeout().toNanos(), () -> settle(tag, false));
            outbox.sendReliable(seed, fullState(true, false), () -> settle(tag, false));
        }

        /** The exchange with the seed numbered {@code tag} ended; a late answer of an earlier one is ignored. */
        void settle(int tag, boolean ok) {
            if (currentJoin != this || tag != index) {
                return;
            }
            timer.cancel();
            if (ok) {
                answered++;
            }
            next();
        }
    }

    private void rejoinTick() {
        if (!running) {
            return;
        }
        try {
            contactSeeds(n -> { });
        } finally {
            rejoinTimer = scheduler.schedule(config.rejoinInterval().toNanos(), this::rejoinTick);
        }
    }

    /** Runs {@code then} once no news on {@code topic} about us is queued, or at {@code deadline}. */
    private void whenSent(Topic topic, long deadline, Runnable then) {
        if (!running) {
            return;
        }
        if (!table.anyoneLive() || !broadcasts.pending(topic, name, own.index) || scheduler.nowNanos() >= deadline) {
            then.run();
        } else {
            scheduler.schedule(gossipIntervalNanos, () -> whenSent(topic, deadline, then));
        }
    }

    // ---------------------------------------------------------------- helpers

    /** Whether the member at registry index {@code i} has a row that is alive or suspect. */
    private boolean inView(int i) {
        return table.has(i) && !table.status(i).gone();
    }

    /** Whether two {@code host:port} addresses (a stream's source may carry a suffix) name one host. */
    static boolean sameHost(String a, String b) {
        int ca = a.lastIndexOf(':');
        int cb = b.lastIndexOf(':');
        return ca > 0 && cb > 0 && a.regionMatches(0, b, 0, ca) && (ca == cb);
    }

    private long stagger(long interval) {
        return interval <= 1 ? interval : 1 + random.nextLong(interval);
    }

    private static void cancel(Cancellable c) {
        if (c != null) {
            c.cancel();
        }
    }
}
