package io.fleetlab.simulator.ownership;

import io.fleetlab.core.peer.Peer;
import io.fleetlab.core.rebalance.OwnershipStrategy;
import io.fleetlab.core.rebalance.TargetSet;
import io.fleetlab.core.ring.Op;
import java.util.BitSet;
import java.util.List;

/**
 * One node's ownership strategy on Alloy's ring over the run's shared {@link TokenIndex}: which
 * targets the node is the primary owner of under its own view. The node owns, for each of its
 * tokens, the arcs from that token back to (not including) the previous token of an admitted node:
 * its <em>region</em>. A first view walks every region (about a 1/V share of the index for V
 * admitted nodes); after that a view change touches the targets only of the regions whose end
 * moved: a node entering inside it (found by merging the entering node's token positions with this
 * node's own, or by walking the regions when many entered) or the node at its end leaving (walked on
 * from that end). A change that moves none answers the previous set itself. Never a ring rebuild, a
 * pass over every token, or a lookup of every target. The node's rebalancer applies Alloy's rules
 * on top and diffs the answer with the last one, as it does with the node's own ring; a property
 * test holds the two to the same answers.
 *
 * <p>An arc-diff path (walking from the tokens of the nodes that entered or left the view back to a
 * node in both views) was measured slower in every case that matters: each changed token walks
 * about (nodes / stable nodes) tokens, more than this node's own arcs hold.
 */
public final class NodeOwnership implements OwnershipStrategy {
    private enum Answer { NONE, FAIL_OPEN, NOT_ADMITTED, REGIONS }

    private final TokenIndex index;
    private final String localName;
    private final int self;
    /** The nodes the last view admitted, and a spare for the next one. */
    private BitSet admitted = new BitSet();
    private BitSet spare = new BitSet();
    /** How many nodes {@link #admitted} holds, and whether the last view was sorted by name, strictly. */
    private int admittedCount;
    private boolean lastSorted;
    /** The last answer: handed out, so changed again only when its holder allows it ({@link #ownedReusing}), else copied. */
    private BitSet answer;
    private Answer kind = Answer.NONE;
    /** The view and op of the last answer (the same list instance means the same view). */
    private List<Peer> lastPeers;
    private Op lastOp;
    /** The index build the regions below were walked on (positions change with a rebuild). */
    private int walkedOnBuild = -1;
    /** For each of this node's tokens (ascending positions), how many tokens its region spans (1..g) ... */
    private int[] regionLength = new int[0];
    /**
     * ... and the node holding the token that ends it (the admitted one before it), kept beside the
     * lengths so that a region whose end is still admitted, with no token inside it to be newly
     * admitted, is known unchanged without reading the index's holder column: a read that misses
     * the cache for every token of every node on every view change otherwise.
     */
    private int[] regionEnd = new int[0];
    /** The tokens all regions span together (at most the index's whole circle, as regions are disjoint). */
    private long regionTokens;
    /** The nodes the new view admits that the last did not (scratch of {@link #answer}). */
    private final BitSet entering = new BitSet();
    /** The end of the region {@link #regionLengthFrom} walked last. */
    private int walkedEnd;
    /** Whether the answer being updated is already a copy of the one handed out (or may be changed in place). */
    private boolean copied;
    private boolean incremental;
    private final boolean mergeEntering;

    NodeOwnership(TokenIndex index, String localName) {
        this(index, localName, true);
    }

    /** With {@code mergeEntering} false, every region longer than one token is walked again when a node entered (the way before). */
    NodeOwnership(TokenIndex index, String localName, boolean mergeEntering) {
        this.index = index;
        this.localName = localName;
        this.self = index.idOf(localName);
        this.mergeEntering = mergeEntering;
    }

    @Override
    public BitSet owned(String name, TargetSet targets, List<Peer> peers, Op op, BitSet previous) {
        return answer(name, targets, peers, op, previous, false);
    }

    /** As {@link #owned}, changing the previous answer in place when regions moved (the caller holds it nowhere else). */
    @Override
    public BitSet ownedReusing(String name, TargetSet targets, List<Peer> peers, Op op, BitSet previous) {
        return answer(name, targets, peers, op, previous, true);
    }

    private BitSet answer(String name, TargetSet targets, List<Peer> peers, Op op, BitSet previous, boolean reuse) {
        if (targets != index.targets() || !name.equals(localName)) {
            throw new IllegalArgumentException("this strategy serves " + localName + " on the run's target set");
        }
        boolean continues = previous != null && previous == answer;
        if (continues && peers == lastPeers && op == lastOp) {
            incremental = true; // the very view of the last answer (views are immutable)
            return answer;
        }
        BitSet next = spare;
        int nextCount = lastPeers != null && op == lastOp && lastSorted ? admittedByDiff(peers, op, next) : -1;
        if (nextCount < 0) {
            nextCount = admittedAfresh(peers, op, next);
        } else {
            lastSorted = true;
        }
        admittedCount = nextCount;
        index.ensureBuilt();
        // regions follow from the admitted nodes alone: a view that admits the same ones (a state
        // change that does not count on this op, an address change) leaves every region as it was
        boolean sameAdmitted = next.equals(admitted);
        entering.clear();
        if (!sameAdmitted) {
            entering.or(next);
            entering.andNot(admitted);
        }
        boolean entered = !entering.isEmpty();
        spare = admitted;
        admitted = next;
        lastPeers = peers;
        lastOp = op;
        incremental = continues;
        if (nextCount == 0) {
            if (!continues || kind != Answer.FAIL_OPEN) {
                kind = Answer.FAIL_OPEN; // no node to own anything: fail open
                answer = new BitSet(index.targetCount());
                answer.set(0, index.targetCount());
            }
        } else if (!next.get(self)) {
            if (!continues || kind != Answer.NOT_ADMITTED) {
                kind = Answer.NOT_ADMITTED;
                answer = new BitSet();
            }
        } else if (!continues || kind != Answer.REGIONS || walkedOnBuild != index.builds()) {
            kind = Answer.REGIONS;
            incremental = false;
            walkAllRegions();
        } else if (!sameAdmitted) {
            updateRegions(reuse, entered);
        }
        return answer;
    }

    /**
     * The nodes {@code peers} admits, into {@code next}, each looked up by name; notes whether the
     * view is sorted by name, strictly, which the next view's diff needs. Returns how many.
     */
    private int admittedAfresh(List<Peer> peers, Op op, BitSet next) {
        next.clear();
        int count = 0;
        int[] ids = index.idsOf(peers, op);
        boolean sorted = true;
        String before = null;
        for (int k = 0, n = peers.size(); k < n; k++) {
            int id = ids[k];
            if (id >= 0 && !next.get(id)) {
                next.set(id);
                count++;
            }
            String name = peers.get(k).name();
            sorted &= before == null || before.compareTo(name) < 0;
            before = name;
        }
        lastSorted = sorted;
        return count;
    }

    /**
     * The nodes {@code peers} admits, into {@code next}, as the last view's ({@link #admitted},
     * sorted) changed by the entries that differ: both views are walked side by side, an entry
     * that is the very same {@link Peer} instance as the last view's at that point is passed over
     * without reading it (views of a simulated fleet share their entries), and only the nodes
     * that entered, left or changed state are looked up. Returns how many, or -1 when
     * {@code peers} turns out not to be sorted by name, strictly (the caller then starts afresh).
     */
    private int admittedByDiff(List<Peer> peers, Op op, BitSet next) {
        List<Peer> last = lastPeers;
        next.clear();
        next.or(admitted);
        int count = admittedCount;
        int n = peers.size();
        int m = last.size();
        int i = 0;
        int j = 0;
        boolean checkOrder = false; // whether peers[i] must be checked against peers[i - 1]
        while (i < n || j < m) {
            Peer a = i < n ? peers.get(i) : null;
            Peer b = j < m ? last.get(j) : null;
            if (a != null && a == b && !checkOrder) {
                i++; // the same entry after one of the same: in order, as it was in the sorted last view
                j++;
                continue;
            }
            if (a != null && i > 0 && peers.get(i - 1).name().compareTo(a.name()) >= 0) {
                return -1;
            }
            checkOrder = a != b; // an entry that differs: the next one is checked against it
            int c = a == null ? 1 : b == null ? -1 : a == b ? 0 : a.name().compareTo(b.name());
            if (c == 0) {
                boolean now = op.admits(a.state());
                if (now != op.admits(b.state())) {
                    count += admit(next, a.name(), now);
                }
                i++;
                j++;
            } else if (c < 0) {
                if (op.admits(a.state())) {
                    count += admit(next, a.name(), true); // entered
                }
                i++;
            } else {
                if (op.admits(b.state())) {
                    count += admit(next, b.name(), false); // left
                }
                j++;
            }
        }
        return count;
    }

    /** Admits (or no longer admits) node {@code name} in {@code next}; returns the change in count. */
    private int admit(BitSet next, String name, boolean admit) {
        int id = index.idOf(name);
        if (next.get(id) == admit) {
            return 0;
        }
        next.set(id, admit);
        return admit ? 1 : -1;
    }

    @Override
    public boolean lastWasIncremental() {
        return incremental;
    }

    /** Every region walked afresh: a first view, or one after anything but a regions answer. */
    private void walkAllRegions() {
        int[] mine = index.positionsOf(self);
        if (regionLength.length != mine.length) {
            regionLength = new int[mine.length];
            regionEnd = new int[mine.length];
        }
        BitSet out = new BitSet(index.targetCount());
        long total = 0;
        for (int k = 0; k < mine.length; k++) {
            int length = regionLengthFrom(mine[k], 0);
            regionLength[k] = length;
            regionEnd[k] = walkedEnd;
            total += length;
            setArcs(out, mine[k], 0, length, true);
        }
        regionTokens = total;
        answer = out;
        walkedOnBuild = index.builds();
    }

    /**
     * The regions changed for the new view: only the arcs between a region's old and new end change
     * hands (a region shrinks when a node entered inside it, grows when the node at its end left).
     * With {@code inPlace} the last answer itself is changed, else a copy of it.
     *
     * <p>Nodes that entered are found inside this node's regions by merging each one's token
     * positions with this node's own (both ascending): a region holding one of them now ends at the
     * nearest, and no holder is read. When more nodes entered than that pays for (their tokens
     * outnumber the tokens a walk would read: those past each region's first), every region longer
     * than one token is walked again instead; in a full view most regions are one token long.
     * Then a region whose end is no longer admitted is walked on from its old end: the tokens
     * before that end were not admitted and none entered there, or the region would have
     * shrunk to it. A region whose end is still admitted, and that no entering node shrank, is as
     * it was.
     */
    private void updateRegions(boolean inPlace, boolean entered) {
        int[] mine = index.positionsOf(self);
        copied = inPlace;
        boolean walkEntered = entered && (!mergeEntering || enteringOutnumber((regionTokens - mine.length) / mine.length));
        if (entered && !walkEntered) {
            for (int id = entering.nextSetBit(0); id >= 0; id = entering.nextSetBit(id + 1)) {
                shrinkToEntered(mine, id);
            }
        }
        for (int k = 0; k < mine.length; k++) {
            int before = regionLength[k];
            boolean endAdmitted = admitted.get(regionEnd[k]);
            if (endAdmitted && (before == 1 || !walkEntered)) {
                continue;
            }
            int length = regionLengthFrom(mine[k], endAdmitted || walkEntered ? 0 : before);
            regionEnd[k] = walkedEnd;
            if (length != before) {
                resize(mine[k], k, length);
            }
        }
    }

    /** Whether more than {@code most} nodes entered (counted no further than that). */
    private boolean enteringOutnumber(long most) {
        long count = 0;
        for (int id = entering.nextSetBit(0); id >= 0; id = entering.nextSetBit(id + 1)) {
            if (++count > most) {
                return true;
            }
        }
        return false;
    }

    /** Ends each region holding a token of node {@code id} (which entered) at its nearest such token. */
    private void shrinkToEntered(int[] mine, int id) {
        int[] theirs = index.positionsOf(id);
        int g = index.tokenCount();
        int m = mine.length;
        int k = 0;
        for (int q : theirs) {
            while (k < m && mine[k] < q) {
                k++;
            }
            // the region of the first own token at or after q (past the last one: around to the first)
            int r = k < m ? k : 0;
            int distance = k < m ? mine[k] - q : mine[0] + g - q;
            if (distance < regionLength[r]) {
                resize(mine[r], r, distance);
                regionEnd[r] = id;
            }
        }
    }

    /** Region {@code k} (of own token {@code p}) becomes {@code length} tokens long: the arcs between its ends change hands. */
    private void resize(int p, int k, int length) {
        if (!copied) {
            answer = (BitSet) answer.clone();
            copied = true;
        }
        int before = regionLength[k];
        if (length > before) {
            setArcs(answer, p, before, length, true);
        } else {
            setArcs(answer, p, length, before, false);
        }
        regionTokens += length - before;
        regionLength[k] = length;
    }

    /**
     * How many tokens the region ending at this node's token {@code p} spans: from {@code p} back
     * to (not including) the previous admitted token, the whole circle when there is none but
     * {@code p} itself; walked from {@code from} tokens back (none of the tokens nearer is
     * admitted). Its end's holder is left in {@link #walkedEnd}.
     */
    private int regionLengthFrom(int p, int from) {
        int g = index.tokenCount();
        int h = stepsBack(p, from);
        int length = from;
        int holder;
        do {
            length++;
            h = h == 0 ? g - 1 : h - 1;
            holder = index.holder(h);
        } while (!admitted.get(holder));
        walkedEnd = holder;
        return length;
    }

    /** The token {@code steps} back from token {@code p} around the circle. */
    private int stepsBack(int p, int steps) {
        int g = index.tokenCount();
        int h = p - steps % g;
        return h < 0 ? h + g : h;
    }

    /** Sets (or clears) the arcs of the tokens {@code from .. to - 1} steps back from token {@code p}. */
    private void setArcs(BitSet out, int p, int from, int to, boolean value) {
        int g = index.tokenCount();
        int h = p - from;
        if (h < 0) {
            h += g;
        }
        for (int step = from; step < to; step++) {
            setArc(out, h, value);
            h = h == 0 ? g - 1 : h - 1;
        }
    }

    private void setArc(BitSet out, int h, boolean value) {
        setPositions(out, index.arcStart(h), index.arcEnd(h), value);
        if (h == 0) {
            setPositions(out, index.wrapStart(), index.targetCount(), value);
        }
    }

    private void setPositions(BitSet out, int from, int to, boolean value) {
        for (int pos = from; pos < to; pos++) {
            out.set(index.targetAt(pos), value);
        }
    }
}
