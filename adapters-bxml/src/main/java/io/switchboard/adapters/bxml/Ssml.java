package io.switchboard.adapters.bxml;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * SpeakSentence text, which may carry the SSML elements Bandwidth accepts. The markup is held as a list of
 * parts so that the writer can check it completely before writing any of it, and so that writer and reader
 * spell it the same way (an element without content is self-closed).
 */
final class Ssml {

    static final List<String> ELEMENTS =
            List.of("break", "emphasis", "lang", "p", "phoneme", "prosody", "s", "say-as", "sub");

    private static final String WRAPPER = "fragment";

    private Ssml() {}

    sealed interface Part permits Text, Start, End {}

    record Text(String text) implements Part {}

    record Start(String name, List<Attribute> attributes) implements Part {}

    record End() implements Part {}

    record Attribute(String name, String value) {}

    /** Writes {@code text} as SSML markup when it is a well-formed fragment of SSML elements, else as escaped text. */
    static void write(String text, BxmlOutput out) throws XMLStreamException {
        String allowed = XmlChars.withoutForbidden(text);
        Optional<List<Part>> markup = allowed.indexOf('<') < 0 ? Optional.empty() : parseMarkup(allowed);
        if (markup.isPresent()) {
            writeParts(markup.get(), out);
        } else {
            out.text(allowed);
        }
    }

    /** The text of the element {@code in} is on: its plain text, or its SSML markup spelled as the writer does. */
    static String read(XMLStreamReader in) throws XMLStreamException {
        List<Part> parts = readContent(in);
        return hasElements(parts) ? serialize(parts) : plainText(parts);
    }

    /**
     * The content of the element {@code in} is on, up to and including its end tag: text and SSML elements.
     *
     * @throws BxmlException for any other element
     */
    private static List<Part> readContent(XMLStreamReader in) throws XMLStreamException {
        String owner = in.getLocalName();
        List<Part> parts = new ArrayList<>();
        StringBuilder pendingText = new StringBuilder();
        int depth = 0;
        while (true) {
            int event = in.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                    pendingText.append(in.getText());
                case XMLStreamConstants.START_ELEMENT -> {
                    if (!ELEMENTS.contains(in.getLocalName())) {
                        throw BxmlException.unknownElement(
                                owner, in.getLocalName(), "text and the SSML elements " + String.join(", ", ELEMENTS));
                    }
                    flushText(pendingText, parts);
                    parts.add(new Start(in.getLocalName(), attributes(in)));
                    depth++;
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    flushText(pendingText, parts);
                    if (depth == 0) {
                        return parts;
                    }
                    parts.add(new End());
                    depth--;
                }
                default -> {
                    // Comments and processing instructions say nothing to the caller.
                }
            }
        }
    }

    private static Optional<List<Part>> parseMarkup(String text) {
        String document = "<" + WRAPPER + ">" + text + "</" + WRAPPER + ">";
        try {
            XMLStreamReader in = Stax.INPUT.createXMLStreamReader(new StringReader(document));
            try {
                in.nextTag();
                List<Part> parts = readContent(in);
                // Reading on to the end finds whatever follows a premature </fragment>.
                while (in.hasNext()) {
                    in.next();
                }
                return hasElements(parts) ? Optional.of(parts) : Optional.empty();
            } finally {
                in.close();
            }
        } catch (XMLStreamException | BxmlException notSsml) {
            return Optional.empty();
        }
    }

    private static void writeParts(List<Part> parts, BxmlOutput out) throws XMLStreamException {
        for (int i = 0; i < parts.size(); i++) {
            Part part = parts.get(i);
            if (part instanceof Text text) {
                out.text(text.text());
            } else if (part instanceof Start start) {
                boolean empty = i + 1 < parts.size() && parts.get(i + 1) instanceof End;
                if (empty) {
                    out.emptyElement(start.name());
                    i++;
                } else {
                    out.startElement(start.name());
                }
                for (Attribute attribute : start.attributes()) {
                    out.attribute(attribute.name(), attribute.value());
                }
            } else {
                out.endElement();
            }
        }
    }

    private static String serialize(List<Part> parts) throws XMLStreamException {
        StringWriter text = new StringWriter();
        XMLStreamWriter xml = Stax.OUTPUT.createXMLStreamWriter(text);
        writeParts(parts, new BxmlOutput(xml, CallbackUrls.none()));
        // Completes a trailing self-closed element, which the JDK writer keeps open until something follows.
        xml.writeEndDocument();
        xml.close();
        return text.toString();
    }

    private static List<Attribute> attributes(XMLStreamReader in) {
        List<Attribute> attributes = new ArrayList<>(in.getAttributeCount());
        for (int i = 0; i < in.getAttributeCount(); i++) {
            attributes.add(new Attribute(Stax.attributeName(in, i), in.getAttributeValue(i)));
        }
        return attributes;
    }

    private static void flushText(StringBuilder pendingText, List<Part> parts) {
        if (!pendingText.isEmpty()) {
            parts.add(new Text(pendingText.toString()));
            pendingText.setLength(0);
        }
    }

    private static boolean hasElements(List<Part> parts) {
        return parts.stream().anyMatch(Start.class::isInstance);
    }

    private static String plainText(List<Part> parts) {
        StringBuilder text = new StringBuilder();
        parts.forEach(part -> text.append(((Text) part).text()));
        return text.toString();
    }
}
