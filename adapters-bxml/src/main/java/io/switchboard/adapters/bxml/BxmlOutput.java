package io.switchboard.adapters.bxml;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The StAX writer with the character rules StAX leaves to us: every text and attribute value loses the
 * characters XML forbids before the writer escapes it.
 */
final class BxmlOutput implements AttributeField.AttributeSink {
    private final XMLStreamWriter xml;
    private final CallbackUrls callbackUrls;

    BxmlOutput(XMLStreamWriter xml, CallbackUrls callbackUrls) {
        this.xml = xml;
        this.callbackUrls = callbackUrls;
    }

    void startElement(String name) throws XMLStreamException {
        xml.writeStartElement(name);
    }

    void emptyElement(String name) throws XMLStreamException {
        xml.writeEmptyElement(name);
    }

    void endElement() throws XMLStreamException {
        xml.writeEndElement();
    }

    @Override
    public void attribute(String name, String value) throws XMLStreamException {
        if (value != null) {
            xml.writeAttribute(name, XmlChars.attributeValue(value));
        }
    }

    @Override
    public String defaultUrl(String callbackPrefix) {
        return callbackUrls.urlFor(callbackPrefix);
    }

    /**
     * Writes text escaped. A CR goes out as a character reference because the JDK writer copies it verbatim,
     * and a reader would turn a literal CR (and CR LF) into LF.
     */
    void text(String text) throws XMLStreamException {
        String allowed = XmlChars.withoutForbidden(text);
        int start = 0;
        for (int cr = allowed.indexOf('\r'); cr >= 0; cr = allowed.indexOf('\r', start)) {
            xml.writeCharacters(allowed.substring(start, cr));
            xml.writeEntityRef("#13");
            start = cr + 1;
        }
        xml.writeCharacters(allowed.substring(start));
    }
}
