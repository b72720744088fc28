package io.fleetlab.core.hash;

/**
 * Go's {@code %q} (strconv.Quote) for label values, because operator-style keys are hashed from
 * the string Go prints.
 */
final class GoQuote {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private GoQuote() {}

    static void appendQuoted(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isSurrogate((char) cp)) {
                cp = 0xFFFD; // lone surrogate: Go sees invalid UTF-8 and prints the replacement rune
            }
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0B -> out.append("\\v");
                default -> appendRune(out, cp);
            }
        }
        out.append('"');
    }

    private static void appendRune(StringBuilder out, int cp) {
        if (isPrint(cp)) {
            out.appendCodePoint(cp);
        } else if (cp < 0x80) {
            out.append("\\x").append(HEX[cp >> 4]).append(HEX[cp & 0xF]);
        } else if (cp < 0x10000) {
            out.append("\\u");
            hex(out, cp, 4);
        } else {
            out.append("\\U");
            hex(out, cp, 8);
        }
    }

    /** Close to Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and ASCII space. */
    private static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UNASSIGNED, Character.CONTROL, Character.FORMAT, Character.PRIVATE_USE,
                    Character.SURROGATE, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }

    private static void hex(StringBuilder out, int value, int digits) {
        for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
            out.append(HEX[(value >> shift) & 0xF]);
        }
    }
}
