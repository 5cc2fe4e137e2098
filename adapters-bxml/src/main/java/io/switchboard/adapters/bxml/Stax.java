package io.switchboard.adapters.bxml;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamReader;

/**
 * The StAX factories, configured once. They are the JDK's own implementation (not whichever one the classpath
 * offers), so escaping and output are the same everywhere; the JDK factories build a fresh reader or writer on
 * every call, which makes sharing them across threads safe.
 */
final class Stax {

    static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    /** No DTDs and no external entities (XXE); text arrives in one piece; names are taken literally. */
    static final XMLInputFactory INPUT = secureInput();

    private Stax() {}

    /**
     * The attribute's name as written, prefix included: even without namespace awareness the JDK reader splits
     * {@code xml:lang} into prefix and local name.
     */
    static String attributeName(XMLStreamReader in, int index) {
        String prefix = in.getAttributePrefix(index);
        String localName = in.getAttributeLocalName(index);
        return prefix == null || prefix.isEmpty() ? localName : prefix + ":" + localName;
    }

    private static XMLInputFactory secureInput() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // BXML has no namespaces: a prefixed name or an xmlns attribute is then simply unknown.
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        return factory;
    }
}
