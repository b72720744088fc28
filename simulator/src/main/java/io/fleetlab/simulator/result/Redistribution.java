package io.fleetlab.simulator.result;

/**
 * How many targets changed primary owner at one change of the fleet, against theory.
 *
 * @param time          simulated seconds of the change
 * @param kind          the change (join, restart, leave or crash)
 * @param node          the node that joined or left
 * @param nodesBefore   eligible nodes before the change
 * @param nodesAfter    eligible nodes after
 * @param moved         targets whose owner changed
 * @param movedFraction moved / targets
 * @param idealFraction 1/(N+1) for a join, 1/N for a leave
 * @param ratio         movedFraction / idealFraction
 * @param boundLow      lower edge of the statistical band for movedFraction
 * @param boundHigh     upper edge of the statistical band
 * @param misplaced     targets that moved anywhere but to the joiner / away from the leaver (0 on
 *                      a consistent ring)
 */
public record Redistribution(
        double time,
        ChangeKind kind,
        String node,
        int nodesBefore,
        int nodesAfter,
        long moved,
        double movedFraction,
        double idealFraction,
        double ratio,
        double boundLow,
        double boundHigh,
        long misplaced) {}
