package io.switchboard.adapters.bxml;

import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.Verb;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads BXML (root {@code <Response>}, or {@code <Bxml>} as Bandwidth's update-call request uses) back into a
 * {@link Response}. Everything {@link BxmlWriter} writes reads back to an equal response. DTDs and external
 * entities are refused. Unknown elements and attributes, badly spelled values and verbs the domain rejects
 * raise a {@link BxmlException} that names the element. Thread-safe.
 */
public final class BxmlReader {

    public BxmlReader() {}

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
            throw BxmlException.malformed(malformed);
        } finally {
            close(xml);
        }
    }

    /**
     * What {@link #readEach} found: the verbs it could read with the line of each, and every problem in the order
     * met.
     */
    record Reading(List<Verb> verbs, List<Integer> verbLines, List<BxmlException> problems) {}

    /**
     * Reads every verb it can: a verb that cannot be read is noted as a problem and skipped, and reading goes on
     * with the next. XML that is not well-formed ends the reading, with the verbs read before it kept.
     */
    Reading readEach(InputStream in) {
        RecoveringReader xml;
        try {
            xml = new RecoveringReader(Stax.INPUT.createXMLStreamReader(in));
        } catch (XMLStreamException malformed) {
            return new Reading(List.of(), List.of(), List.of(BxmlException.malformed(malformed)));
        }
        try {
            moveToRoot(xml);
            Vocabulary.RESPONSE.read(xml);
            while (xml.hasNext()) {
                xml.next();
            }
        } catch (BxmlException unreadable) {
            xml.fatal(unreadable);
        } catch (XMLStreamException malformed) {
            xml.fatal(BxmlException.malformed(malformed));
        } finally {
            close(xml);
        }
        return new Reading(xml.verbs(), xml.verbLines(), xml.problems());
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
