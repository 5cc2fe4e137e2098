package io.switchboard.adapters.bxml;

/** Character rules of XML 1.0 that the StAX writer does not enforce by itself. */
final class XmlChars {

    private XmlChars() {}

    /**
     * {@code text} without the characters XML 1.0 forbids (controls other than tab, LF and CR; unpaired
     * surrogates; U+FFFE and U+FFFF), which the JDK writer would otherwise copy into the output verbatim.
     */
    static String withoutForbidden(String text) {
        if (isAllowedThroughout(text)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(XmlChars::isAllowed).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /**
     * An attribute value as an XML reader will see it: forbidden characters removed and tab, LF and CR turned
     * into spaces, which is what attribute-value normalisation would do to them anyway (the writer has no way
     * to emit them as character references inside an attribute).
     */
    static String attributeValue(String value) {
        return withoutForbidden(value).replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    private static boolean isAllowedThroughout(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c) || !isAllowed(c)) {
                return false;
            }
        }
        return true;
    }

    // A lone surrogate comes out of String.codePoints() as itself, inside D800-DFFF, so it fails this test.
    private static boolean isAllowed(int codePoint) {
        return codePoint == '\t'
                || codePoint == '\n'
                || codePoint == '\r'
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }
}
