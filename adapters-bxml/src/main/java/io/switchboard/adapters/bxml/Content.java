package io.switchboard.adapters.bxml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What may appear between an element's tags, both ways.
 *
 * @param <C> the model value the content carries
 */
interface Content<C> {

    /** Whether the element is written self-closed. */
    boolean isEmpty(C content);

    void write(C content, BxmlOutput out) throws XMLStreamException;

    /** Reads from just after the start tag {@code in} is on up to and including its end tag. */
    C read(XMLStreamReader in) throws XMLStreamException;

    /** The element formats this content may nest. */
    default List<ElementFormat<?, ?>> nested() {
        return List.of();
    }

    /** Nothing but whitespace; the model value is always {@code null}. */
    Content<Void> NOTHING = new Content<>() {
        @Override
        public boolean isEmpty(Void content) {
            return true;
        }

        @Override
        public void write(Void content, BxmlOutput out) {}

        @Override
        public Void read(XMLStreamReader in) throws XMLStreamException {
            readChildren(in, Map.of());
            return null;
        }
    };

    /** Plain text such as a URL or a phone number, kept exactly. */
    Content<String> TEXT = new Content<>() {
        @Override
        public boolean isEmpty(String content) {
            return content == null || XmlChars.withoutForbidden(content).isEmpty();
        }

        @Override
        public void write(String content, BxmlOutput out) throws XMLStreamException {
            out.text(content);
        }

        @Override
        public String read(XMLStreamReader in) throws XMLStreamException {
            String owner = in.getLocalName();
            StringBuilder text = new StringBuilder();
            while (true) {
                switch (in.next()) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(in.getText());
                    case XMLStreamConstants.START_ELEMENT ->
                        throw BxmlException.unknownElement(owner, in.getLocalName(), "text only");
                    case XMLStreamConstants.END_ELEMENT -> {
                        return text.toString();
                    }
                    default -> {
                        // Comments and processing instructions carry no value.
                    }
                }
            }
        }
    };

    /** SpeakSentence text: plain text, or SSML markup kept as markup. */
    Content<String> SPOKEN_TEXT = new Content<>() {
        @Override
        public boolean isEmpty(String content) {
            return TEXT.isEmpty(content);
        }

        @Override
        public void write(String content, BxmlOutput out) throws XMLStreamException {
            Ssml.write(content, out);
        }

        @Override
        public String read(XMLStreamReader in) throws XMLStreamException {
            return Ssml.read(in);
        }
    };

    /** Child elements of the given formats, in order. */
    static <P> Content<List<P>> children(Class<P> childType, List<ElementFormat<? extends P, ?>> formats) {
        Map<String, ElementFormat<? extends P, ?>> byName = new LinkedHashMap<>();
        Map<Class<?>, ElementFormat<? extends P, ?>> byType = new LinkedHashMap<>();
        for (ElementFormat<? extends P, ?> format : formats) {
            byName.put(format.name(), format);
            byType.put(format.type(), format);
        }
        return new Content<>() {
            @Override
            public boolean isEmpty(List<P> content) {
                return content.isEmpty();
            }

            @Override
            public void write(List<P> content, BxmlOutput out) throws XMLStreamException {
                for (P child : content) {
                    ElementFormat<? extends P, ?> format = byType.get(child.getClass());
                    if (format == null) {
                        throw new BxmlException("no BXML element is known for "
                                + child.getClass().getSimpleName());
                    }
                    format.writeElement(child, out);
                }
            }

            @Override
            public List<ElementFormat<?, ?>> nested() {
                return List.copyOf(formats);
            }

            @Override
            public List<P> read(XMLStreamReader in) throws XMLStreamException {
                List<P> children = new ArrayList<>();
                for (Object child : readChildren(in, byName)) {
                    children.add(childType.cast(child));
                }
                return children;
            }
        };
    }

    /**
     * Exactly one child element without attributes, holding text: {@code <Refer>}'s {@code <SipUri>}. It is a
     * different element from a Transfer's SipUri, which takes attributes.
     */
    static Content<String> textChild(String childName) {
        ElementFormat<String, String> child = ElementFormat.of(
                childName, String.class, AttributeTable.of(), text -> text, TEXT, (values, text) -> text);
        Content<List<String>> children = children(String.class, List.of(child));
        return new Content<>() {
            @Override
            public boolean isEmpty(String content) {
                return false;
            }

            @Override
            public void write(String content, BxmlOutput out) throws XMLStreamException {
                children.write(List.of(content), out);
            }

            @Override
            public String read(XMLStreamReader in) throws XMLStreamException {
                String owner = in.getLocalName();
                List<String> texts = children.read(in);
                if (texts.size() != 1) {
                    throw BxmlException.invalidElement(
                            owner, "must hold exactly one <" + childName + ">, has " + texts.size());
                }
                return texts.get(0);
            }
        };
    }

    /** The line breaks in {@code text} before its first character that is not whitespace. */
    private static int linesBefore(String text) {
        int breaks = 0;
        for (int i = 0; i < text.length() && Character.isWhitespace(text.charAt(i)); i++) {
            breaks += text.charAt(i) == '\n' ? 1 : 0;
        }
        return breaks;
    }

    private static boolean isXmlWhitespace(String text) {
        return text.chars().allMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r');
    }

    /**
     * The child elements up to the end tag; text between them may only be whitespace (indentation). A
     * {@link RecoveringReader} notes a child that cannot be read and goes on with the next, where it recovers.
     */
    private static List<Object> readChildren(XMLStreamReader in, Map<String, ? extends ElementFormat<?, ?>> byName)
            throws XMLStreamException {
        String owner = in.getLocalName();
        String allowed = byName.isEmpty() ? "nothing" : "the elements " + String.join(", ", byName.keySet());
        RecoveringReader recovering =
                in instanceof RecoveringReader reader && reader.recoversChildrenAt(reader.depth()) ? reader : null;
        List<Object> children = new ArrayList<>();
        while (true) {
            int previousEndLine = in.getLocation().getLineNumber();
            switch (in.next()) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    String text = in.getText();
                    if (!isXmlWhitespace(text)) {
                        BxmlException problem = BxmlException.unexpectedText(owner, text, allowed)
                                .atLine(previousEndLine + linesBefore(text));
                        if (recovering == null) {
                            throw problem;
                        }
                        recovering.recover(problem);
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> {
                    Location start = in.getLocation();
                    try {
                        ElementFormat<?, ?> format = byName.get(in.getLocalName());
                        if (format == null) {
                            throw BxmlException.unknownElement(owner, in.getLocalName(), allowed);
                        }
                        Object child = format.read(in);
                        children.add(child);
                        if (recovering != null) {
                            recovering.verbRead(child, start);
                        }
                    } catch (BxmlException problem) {
                        if (recovering == null) {
                            throw problem.at(start);
                        }
                        recovering.recover(problem.at(start));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    return children;
                }
                default -> {
                    // Comments and processing instructions carry no value.
                }
            }
        }
    }
}
