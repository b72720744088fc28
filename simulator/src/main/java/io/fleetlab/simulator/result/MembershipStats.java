package io.fleetlab.simulator.result;

import java.util.List;

/**
 * What the gossip protocol did.
 *
 * @param convergence        per membership change, how long until live nodes saw it
 * @param detections         per crash, how long until the first and the last live node declared it dead
 * @param falseSuspicions    suspicions of nodes that were in fact up
 * @param falseDeaths        live nodes declared dead
 * @param messagesPerNodePerSecond datagrams and stream messages sent, per node per simulated second
 * @param bytesPerNodePerSecond    bytes sent, per node per simulated second
 */
public record MembershipStats(
        List<Convergence> convergence,
        List<Detection> detections,
        long falseSuspicions,
        long falseDeaths,
        double messagesPerNodePerSecond,
        double bytesPerNodePerSecond) {

    /**
     * @param time     simulated seconds of the change
     * @param kind     the change watched
     * @param node     the node concerned
     * @param p50      seconds until 50% of live nodes saw it (NaN when never)
     * @param p90      seconds until 90%
     * @param p99      seconds until 99%
     * @param p100     seconds until all
     * @param modelP90 the theory column, in seconds: for a join or leave the p90 of the gossip
     *                 spread model (random-phase tickers, fan-out, retransmit limit, the initially
     *                 informed set), for a crash the expected time until every node declared it
     *                 dead (probes, suspicion with confirmations, dissemination)
     */
    public record Convergence(
            double time, ChangeKind kind, String node, double p50, double p90, double p99, double p100, double modelP90) {}

    /**
     * @param time       simulated seconds of the crash
     * @param node       the crashed node
     * @param firstDead  seconds until the first live node declared it dead (NaN when never)
     * @param allDead    seconds until every live node had
     */
    public record Detection(double time, String node, double firstDead, double allDead) {}
}
