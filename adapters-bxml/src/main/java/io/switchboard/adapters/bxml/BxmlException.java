package io.switchboard.adapters.bxml;

import io.switchboard.domain.verb.InvalidVerbException;
import java.util.Collection;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamException;

/**
 * BXML that cannot be read (or a verb that cannot be written): the message names the element, and where it
 * applies the attribute, the value given and what is allowed. The same facts are available one by one, with the
 * line the reader found the problem on, for tools that list problems (the linter).
 */
public final class BxmlException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final String PARSER_REASON = "Message: ";

    private final String element;
    private final String attribute;
    private final int line;

    BxmlException(String message) {
        this(message, null, null, 0, null);
    }

    BxmlException(String message, Throwable cause) {
        this(message, null, null, 0, cause);
    }

    private BxmlException(String message, String element, String attribute, int line, Throwable cause) {
        super(message, cause);
        this.element = element;
        this.attribute = attribute;
        this.line = line;
    }

    /** The element at fault, such as {@code Gather}; {@code null} for a problem of the whole document. */
    public String element() {
        return element;
    }

    /** The attribute at fault as BXML spells it (or the content, such as {@code text}); {@code null} if none. */
    public String attribute() {
        return attribute;
    }

    /** The line of the document the reader found the problem on, from 1; 0 when unknown (or when writing). */
    public int line() {
        return line;
    }

    /** This problem found at {@code location}, unless a line is known already (the innermost one is kept). */
    BxmlException at(Location location) {
        return location == null ? this : atLine(location.getLineNumber());
    }

    /** This problem found on {@code lineNumber}, unless a line is known already. */
    BxmlException atLine(int lineNumber) {
        if (line > 0 || lineNumber <= 0) {
            return this;
        }
        return new BxmlException(getMessage(), element, attribute, lineNumber, this);
    }

    /** The text does not parse as XML at all. */
    static BxmlException malformed(XMLStreamException malformed) {
        // The JDK's message starts with "ParseError at [row,col]:[1,24]\nMessage: "; say where in plain words.
        String message = malformed.getMessage();
        int reason = message == null ? -1 : message.indexOf(PARSER_REASON);
        String why = reason < 0 ? String.valueOf(message) : message.substring(reason + PARSER_REASON.length());
        Location at = malformed.getLocation();
        String where = at == null || at.getLineNumber() <= 0
                ? ""
                : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
        return new BxmlException("not well-formed XML: " + why + where, null, null, 0, malformed).at(at);
    }

    static BxmlException badValue(String element, String attribute, String value, String allowed) {
        return new BxmlException(
                "<" + element + "> attribute " + attribute + "=\"" + value + "\" is invalid: " + "allowed is "
                        + allowed,
                element,
                attribute,
                0,
                null);
    }

    static BxmlException missingAttribute(String element, String attribute) {
        return new BxmlException("<" + element + "> needs the attribute " + attribute, element, attribute, 0, null);
    }

    static BxmlException unknownAttribute(String element, String attribute, String value, Collection<String> allowed) {
        return new BxmlException(
                "<" + element + "> has no attribute " + attribute + " (given \"" + value + "\"); " + "allowed: "
                        + listOrNone(allowed),
                element,
                attribute,
                0,
                null);
    }

    static BxmlException unknownElement(String parent, String child, String allowed) {
        return new BxmlException(
                "<" + parent + "> may not contain <" + child + ">; allowed: " + allowed, parent, null, 0, null);
    }

    static BxmlException unexpectedText(String element, String text, String allowed) {
        return new BxmlException(
                "<" + element + "> may not contain the text \"" + abbreviate(text) + "\"; allowed: " + allowed,
                element,
                null,
                0,
                null);
    }

    static BxmlException invalidElement(String element, String reason) {
        return new BxmlException("<" + element + "> is invalid: " + reason, element, null, 0, null);
    }

    /** The domain refused the values read for {@code element}; its exception names the attribute. */
    static BxmlException rejected(String element, IllegalArgumentException rejectedByDomain) {
        String attribute = rejectedByDomain instanceof InvalidVerbException invalid ? invalid.attribute() : null;
        return new BxmlException(
                "<" + element + "> is invalid: " + rejectedByDomain.getMessage(),
                element,
                attribute,
                0,
                rejectedByDomain);
    }

    static String listOrNone(Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String abbreviate(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 40 ? trimmed : trimmed.substring(0, 40) + "...";
    }
}
