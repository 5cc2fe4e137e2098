package io.switchboard.adapters.bxml;

import java.util.Collection;

/**
 * BXML that cannot be read (or a verb that cannot be written): the message names the element, and where it
 * applies the attribute, the value given and what is allowed.
 */
public final class BxmlException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    BxmlException(String message) {
        super(message);
    }

    BxmlException(String message, Throwable cause) {
        super(message, cause);
    }

    static BxmlException badValue(String element, String attribute, String value, String allowed) {
        return new BxmlException("<" + element + "> attribute " + attribute + "=\"" + value + "\" is invalid: "
                + "allowed is " + allowed);
    }

    static BxmlException missingAttribute(String element, String attribute) {
        return new BxmlException("<" + element + "> needs the attribute " + attribute);
    }

    static BxmlException unknownAttribute(String element, String attribute, String value, Collection<String> allowed) {
        return new BxmlException("<" + element + "> has no attribute " + attribute + " (given \"" + value + "\"); "
                + "allowed: " + listOrNone(allowed));
    }

    static BxmlException unknownElement(String parent, String child, String allowed) {
        return new BxmlException("<" + parent + "> may not contain <" + child + ">; allowed: " + allowed);
    }

    static BxmlException unexpectedText(String element, String text, String allowed) {
        return new BxmlException("<" + element + "> may not contain the text \"" + abbreviate(text) + "\"; allowed: "
                + allowed);
    }

    static BxmlException invalidElement(String element, String reason) {
        return new BxmlException("<" + element + "> is invalid: " + reason);
    }

    static String listOrNone(Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private static String abbreviate(String text) {
        String trimmed = text.strip();
        return trimmed.length() <= 40 ? trimmed : trimmed.substring(0, 40) + "...";
    }
}
