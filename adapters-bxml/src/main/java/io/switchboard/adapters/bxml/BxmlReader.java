package io.switchboard.adapters.bxml;

import io.switchboard.domain.verb.Response;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.Reader;
import java.io.StringReader;

/**
 * Reads BXML (root {@code <Response>}, or {@code <Bxml>} as Bandwidth's update-call request uses) back into a
 * {@link Response}. Everything {@link BxmlWriter} writes reads back to an equal response. DTDs and external
 * entities are refused. Unknown elements and attributes, badly spelled values and verbs the domain rejects
 * raise a {@link BxmlException} that names the element. Thread-safe.
 */
public final class BxmlReader {

    public BxmlReader() {
    }

    public Response read(String xml) {
        return read(new StringReader(xml));
    }

    /**
     * Reads the whole document from {@code in}, which is not closed.
     *
     * @throws BxmlException when the document is not well-formed BXML of the verbs Switchboard knows
     */
    public Response read(Reader in) {
        XMLStreamReader xml = null;
        try {
            xml = Stax.INPUT.createXMLStreamReader(in);
            moveToRoot(xml);
            Response response = Vocabulary.RESPONSE.read(xml);
            // Reading on to the end lets the parser refuse anything after the root element.
            while (xml.hasNext()) {
                xml.next();
            }
            return response;
        } catch (XMLStreamException malformed) {
            throw new BxmlException("not well-formed XML: " + malformed.getMessage(), malformed);
        } finally {
            close(xml);
        }
    }

    private static void moveToRoot(XMLStreamReader xml) throws XMLStreamException {
        while (xml.next() != XMLStreamConstants.START_ELEMENT) {
            if (xml.getEventType() == XMLStreamConstants.DTD) {
                throw new BxmlException("a DOCTYPE is not allowed in BXML");
            }
        }
        if (!Vocabulary.ROOTS.contains(xml.getLocalName())) {
            throw new BxmlException("the root element must be one of <" + String.join(">, <", Vocabulary.ROOTS)
                    + ">, was <" + xml.getLocalName() + ">");
        }
    }

    private static void close(XMLStreamReader xml) {
        if (xml == null) {
            return;
        }
        try {
            xml.close();
        } catch (XMLStreamException ignored) {
            // Closing releases parser state only; the input belongs to the caller.
        }
    }
}
