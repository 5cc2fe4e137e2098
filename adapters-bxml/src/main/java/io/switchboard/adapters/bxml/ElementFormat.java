package io.switchboard.adapters.bxml;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One BXML element and the record it stands for: its attributes, its content, and how to build the record
 * back from them.
 *
 * @param <T> the record
 * @param <C> what its content carries (text, child records, or nothing)
 */
final class ElementFormat<T, C> {
    private final String name;
    private final Class<T> type;
    private final AttributeTable<? super T> attributes;
    private final Function<T, C> contentOf;
    private final Content<C> content;
    private final BiFunction<AttributeValues, C, T> build;

    private ElementFormat(
            String name,
            Class<T> type,
            AttributeTable<? super T> attributes,
            Function<T, C> contentOf,
            Content<C> content,
            BiFunction<AttributeValues, C, T> build) {
        this.name = name;
        this.type = type;
        this.attributes = attributes;
        this.contentOf = contentOf;
        this.content = content;
        this.build = build;
    }

    static <T, C> ElementFormat<T, C> of(
            String name,
            Class<T> type,
            AttributeTable<? super T> attributes,
            Function<T, C> contentOf,
            Content<C> content,
            BiFunction<AttributeValues, C, T> build) {
        return new ElementFormat<>(name, type, attributes, contentOf, content, build);
    }

    /** An element with attributes only. */
    static <T> ElementFormat<T, Void> empty(
            String name, Class<T> type, AttributeTable<? super T> attributes, Function<AttributeValues, T> build) {
        return new ElementFormat<>(
                name, type, attributes, owner -> null, Content.NOTHING, (values, nothing) -> build.apply(values));
    }

    String name() {
        return name;
    }

    Class<T> type() {
        return type;
    }

    /** The prefixes of every callback this element and the elements it nests may carry. */
    Set<String> callbackPrefixes() {
        Set<String> prefixes = new LinkedHashSet<>(attributes.callbackPrefixes());
        content.nested().forEach(child -> prefixes.addAll(child.callbackPrefixes()));
        return prefixes;
    }

    void writeElement(Object value, BxmlOutput out) throws XMLStreamException {
        T element = type.cast(value);
        C elementContent = contentOf.apply(element);
        boolean empty = content.isEmpty(elementContent);
        if (empty) {
            out.emptyElement(name);
        } else {
            out.startElement(name);
        }
        attributes.write(name, element, out);
        if (!empty) {
            content.write(elementContent, out);
            out.endElement();
        }
    }

    /**
     * Reads the element {@code in} is on, through its end tag. A problem is reported on the line of the element's
     * start tag, unless a nested element already gave it a line of its own.
     */
    T read(XMLStreamReader in) throws XMLStreamException {
        String element = in.getLocalName();
        Location start = in.getLocation();
        try {
            AttributeValues values = attributes.read(in);
            C elementContent = content.read(in);
            return build.apply(values, elementContent);
        } catch (BxmlException alreadyNamed) {
            throw alreadyNamed.at(start);
        } catch (IllegalArgumentException rejectedByDomain) {
            throw BxmlException.rejected(element, rejectedByDomain).at(start);
        }
    }
}
