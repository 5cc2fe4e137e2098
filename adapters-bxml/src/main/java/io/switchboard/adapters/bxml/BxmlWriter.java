package io.switchboard.adapters.bxml;

import io.switchboard.domain.verb.Response;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * Renders a {@link Response} as BXML: an XML declaration, then {@code <Response>} with its verbs in order,
 * compact and deterministic (attributes in record-component order, absent values left out, an element without
 * content self-closed). Every text and attribute is escaped and cleared of characters XML forbids, so the
 * output is always well-formed. SpeakSentence text that is a well-formed fragment of SSML elements is kept as
 * markup. Thread-safe.
 */
public final class BxmlWriter {

    public BxmlWriter() {
    }

    public String write(Response response) {
        StringWriter out = new StringWriter();
        write(response, out);
        return out.toString();
    }

    /**
     * Writes to {@code out}, which must encode UTF-8 if it encodes at all (the declaration says UTF-8); it is
     * flushed, not closed. When writing fails, {@code out} may already hold the start of the document.
     *
     * @throws BxmlException         when a verb holds a value BXML cannot carry (a fallback for a callback that
     *                               has none, a number that is not finite, a call id containing a comma)
     * @throws UncheckedIOException  when {@code out} fails
     */
    public void write(Response response, Writer out) {
        try {
            XMLStreamWriter xml = Stax.OUTPUT.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            Vocabulary.RESPONSE.writeElement(response, new BxmlOutput(xml));
            xml.writeEndDocument();
            xml.flush();
            xml.close();
        } catch (XMLStreamException failed) {
            throw asUnchecked(failed);
        }
    }

    // The JDK writer reports a failing Writer as an XMLStreamException wrapping the IOException.
    private static RuntimeException asUnchecked(XMLStreamException failed) {
        if (failed.getCause() instanceof IOException io) {
            return new UncheckedIOException(io);
        }
        return new IllegalStateException("could not write BXML", failed);
    }
}
