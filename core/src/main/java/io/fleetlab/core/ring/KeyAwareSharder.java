package io.fleetlab.core.ring;

/**
 * A sharder whose answer depends on the whole key population, not only on the key and the peers
 * (for example, one that caps each node's load). Callers hand it every key before looking any up.
 */
public interface KeyAwareSharder extends Sharder {
    /** The keys that will be looked up; replaces any earlier population. */
    void setKeys(long[] keys);
}
