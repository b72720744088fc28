package io.fleetlab.app.owner;

import io.fleetlab.core.ring.Op;
import picocli.CommandLine;

/** {@code read} or {@code read-write}, the ring names Alloy's components use. */
final class OpConverter implements CommandLine.ITypeConverter<Op> {
    @Override
    public Op convert(String value) {
        return switch (value) {
            case "read" -> Op.READ;
            case "read-write" -> Op.READ_WRITE;
            default -> throw new CommandLine.TypeConversionException(
                    "'" + value + "' is not an op; expected read or read-write");
        };
    }

    static String name(Op op) {
        return op == Op.READ ? "read" : "read-write";
    }
}
