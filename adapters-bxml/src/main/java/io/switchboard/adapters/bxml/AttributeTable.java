package io.switchboard.adapters.bxml;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The attributes of one element in record-component order: the single list of names the writer writes and the
 * reader accepts.
 */
final class AttributeTable<T> {
    private final List<AttributeField<T, ?>> fields;
    private final Set<String> names;

    private AttributeTable(List<AttributeField<T, ?>> fields) {
        this.fields = List.copyOf(fields);
        this.names = fields.stream()
                .flatMap(field -> field.names().stream())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @SafeVarargs
    static <T> AttributeTable<T> of(AttributeField<T, ?>... fields) {
        return new AttributeTable<>(List.of(fields));
    }

    /** The prefixes of the callbacks among these attributes. */
    List<String> callbackPrefixes() {
        return fields.stream().flatMap(field -> field.callbackPrefix().stream()).toList();
    }

    void write(String element, T owner, AttributeField.AttributeSink out) throws XMLStreamException {
        for (AttributeField<T, ?> field : fields) {
            try {
                field.write(owner, out);
            } catch (BxmlException alreadyNamed) {
                throw alreadyNamed;
            } catch (IllegalArgumentException cannotBeWritten) {
                throw BxmlException.invalidElement(element, cannotBeWritten.getMessage());
            }
        }
    }

    /** The attributes of the element {@code in} is positioned on; any name outside this table is refused. */
    AttributeValues read(XMLStreamReader in) {
        String element = in.getLocalName();
        Map<String, String> spellings = new LinkedHashMap<>();
        for (int i = 0; i < in.getAttributeCount(); i++) {
            String name = Stax.attributeName(in, i);
            String value = in.getAttributeValue(i);
            if (!names.contains(name)) {
                throw BxmlException.unknownAttribute(element, name, value, names);
            }
            spellings.put(name, value);
        }
        return new AttributeValues(element, spellings);
    }
}
