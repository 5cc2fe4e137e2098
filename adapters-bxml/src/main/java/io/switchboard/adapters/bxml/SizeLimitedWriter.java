package io.switchboard.adapters.bxml;

import java.io.IOException;
import java.io.Writer;

/**
 * Passes characters on while counting the bytes they take in UTF-8; fails once they pass the limit, so an
 * oversized document is refused while it is written rather than after.
 */
final class SizeLimitedWriter extends Writer {

    /** The failure, as an IOException so that it travels through the StAX writer. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("the BXML document is larger than Bandwidth's limit of " + limit + " bytes");
        }
    }

    private final Writer out;
    private final long limit;
    private long bytes;

    SizeLimitedWriter(Writer out, long limit) {
        this.out = out;
        this.limit = limit;
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            bytes += utf8Length(chars[i]);
        }
        if (bytes > limit) {
            throw new TooLarge(limit);
        }
        out.write(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        for (int i = offset; i < offset + length; i++) {
            bytes += utf8Length(text.charAt(i));
        }
        if (bytes > limit) {
            throw new TooLarge(limit);
        }
        out.write(text, offset, length);
    }

    /** A surrogate counts 2: the pair makes the 4 bytes of a supplementary character. */
    private static int utf8Length(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate(c)) {
            return 2;
        }
        return 3;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
