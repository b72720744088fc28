package io.fleetlab.core.log;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * A log that writes at most one line per interval and counts the rest: when a line is written,
 * it says how many events were held back since the previous line, by kind ("1999 more since the
 * last report: 1500 truncated, 499 bad_field"). A flood of junk packets therefore costs a counter
 * increment each, not a formatted log line each. Thread-safe.
 */
public final class ThrottledLog {
    private final System.Logger logger;
    private final System.Logger.Level level;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Long> suppressed = new TreeMap<>();
    private long suppressedTotal;
    private long lastLineNanos;
    private boolean anyLine;
    private long lines;

    /**
     * @param nanoClock the clock that spaces the lines (the scheduler's, so a simulated node stays
     *                  deterministic)
     */
    public ThrottledLog(System.Logger logger, System.Logger.Level level, Duration interval, LongSupplier nanoClock) {
        this.logger = logger;
        this.level = level;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /**
     * Records one event of {@code kind}; writes {@code message} (with the summary of what was held
     * back) only when the interval since the last line has passed.
     */
    public synchronized void log(String kind, String message) {
        long now = nanoClock.getAsLong();
        if (anyLine && now - lastLineNanos < intervalNanos) {
            suppressed.merge(kind, 1L, Long::sum);
            suppressedTotal++;
            return;
        }
        String line = message;
        if (suppressedTotal > 0) {
            StringBuilder b = new StringBuilder(message).append(" (").append(suppressedTotal)
                    .append(" more since the last report:");
            String sep = " ";
            for (Map.Entry<String, Long> e : suppressed.entrySet()) {
                b.append(sep).append(e.getValue()).append(' ').append(e.getKey());
                sep = ", ";
            }
            line = b.append(')').toString();
            suppressed.clear();
            suppressedTotal = 0;
        }
        anyLine = true;
        lastLineNanos = now;
        lines++;
        if (logger.isLoggable(level)) {
            logger.log(level, line);
        }
    }

    /** Lines written so far. */
    public synchronized long lines() {
        return lines;
    }

    /** Events held back since the last line. */
    public synchronized long pending() {
        return suppressedTotal;
    }
}
