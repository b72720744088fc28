package io.fleetlab.simulator.input;

/**
 * What an input file may hold before it is refused, so a hostile or mistaken file ends in a clear
 * message rather than an exhausted heap.
 *
 * @param maxBytes        size of the file
 * @param maxItems        targets or peers in it
 * @param maxLabels       labels of one target
 * @param maxStringLength characters of one name, label name, label value or text line
 */
public record InputLimits(long maxBytes, int maxItems, int maxLabels, int maxStringLength) {
    /** 64 MiB, a million targets (or peers), 256 labels a target, 16 Ki characters a string. */
    public static final InputLimits DEFAULT = new InputLimits(64L << 20, 1_000_000, 256, 16_384);

    public InputLimits {
        if (maxBytes < 1 || maxItems < 1 || maxLabels < 1 || maxStringLength < 1) {
            throw new IllegalArgumentException("input limits must be positive");
        }
    }

    /** These limits with another item count. */
    public InputLimits withMaxItems(int items) {
        return new InputLimits(maxBytes, items, maxLabels, maxStringLength);
    }

    /** These limits with another file size. */
    public InputLimits withMaxBytes(long bytes) {
        return new InputLimits(bytes, maxItems, maxLabels, maxStringLength);
    }
}
