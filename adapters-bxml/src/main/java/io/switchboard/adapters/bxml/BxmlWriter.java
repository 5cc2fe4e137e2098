package io.switchboard.adapters.bxml;

import io.switchboard.domain.verb.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Renders a {@link Response} as BXML: an XML declaration, then {@code <Response>} (or, for the Voice API's BXML
 * endpoints, {@code <Bxml>}) with its verbs in order,
 * compact and deterministic (attributes in record-component order, absent values left out, an element without
 * content self-closed). Every text and attribute is escaped and cleared of characters XML forbids, so the
 * output is always well-formed. SpeakSentence text that is a well-formed fragment of SSML elements is kept as
 * markup. A callback left without a URL is pointed at this service's matching channel when the writer has
 * {@link CallbackUrls}. A document over Bandwidth's 64 KB limit is refused. Thread-safe.
 */
public final class BxmlWriter {

    /** "The maximum size of a BXML document is 64 KB" (Bandwidth's BXML reference), in UTF-8 bytes. */
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024;

    private final CallbackUrls callbackUrls;

    /** A writer that leaves absent callback URLs out. */
    public BxmlWriter() {
        this(CallbackUrls.none());
    }

    public BxmlWriter(CallbackUrls callbackUrls) {
        this.callbackUrls = Objects.requireNonNull(callbackUrls, "callbackUrls");
    }

    public String write(Response response) {
        StringWriter out = new StringWriter(256);
        write(response, out);
        return out.toString();
    }

    /**
     * The same document under a {@code <Bxml>} root: what Bandwidth's Voice API takes to replace a live call's or
     * conference's BXML ({@code PUT .../calls/{callId}/bxml}, {@code PUT .../conferences/{id}/bxml}).
     *
     * @throws BxmlException as {@link #write(Response, Writer)}
     */
    public String writeBxml(Response response) {
        StringWriter out = new StringWriter(256);
        write(Vocabulary.BXML, response, out);
        return out.toString();
    }

    /**
     * Writes to {@code out}, which must encode UTF-8 if it encodes at all (the declaration says UTF-8); it is
     * flushed, not closed. When writing fails, {@code out} may already hold the start of the document.
     *
     * @throws BxmlException         when a verb holds a value BXML cannot carry (a Redirect without a URL and no
     *                               callback base, a number that is not finite) or the document passes
     *                               {@link #MAX_DOCUMENT_BYTES}
     * @throws UncheckedIOException  when {@code out} fails
     */
    public void write(Response response, Writer out) {
        write(Vocabulary.RESPONSE, response, out);
    }

    private void write(ElementFormat<Response, ?> root, Response response, Writer out) {
        try {
            XMLStreamWriter xml = Stax.OUTPUT.createXMLStreamWriter(new SizeLimitedWriter(out, MAX_DOCUMENT_BYTES));
            xml.writeStartDocument("UTF-8", "1.0");
            root.writeElement(response, new BxmlOutput(xml, callbackUrls));
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException failed) {
            throw asUnchecked(failed);
        }
    }

    // The JDK writer reports a failing Writer as an XMLStreamException wrapping the IOException.
    private static RuntimeException asUnchecked(XMLStreamException failed) {
        if (failed.getCause() instanceof SizeLimitedWriter.TooLarge tooLarge) {
            return new BxmlException(tooLarge.getMessage());
        }
        if (failed.getCause() instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new IllegalStateException("could not write BXML", failed);
    }
}
