package io.switchboard.domain.verb;

/**
 * A verb built with a value Bandwidth would refuse. The message names the verb, the attribute (as Bandwidth
 * spells it), the value given and what is allowed: {@code Gather: maxDigits must be between 1 and 50, was 99}.
 */
public final class InvalidVerbException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String verb;
    private final String attribute;
    private final String value;
    private final String allowed;

    /**
     * @param verb      the BXML element, such as {@code Gather}
     * @param attribute the attribute as Bandwidth names it, or a description of the content ({@code text},
     *                  {@code targets})
     * @param value     what was given, as shown in the message ({@code null} when absent)
     * @param allowed   what would have been accepted, phrased to follow "must be" / "must"
     */
    public InvalidVerbException(String verb, String attribute, String value, String allowed) {
        super(verb + ": " + attribute + " " + allowed + (value == null ? "" : ", was " + value));
        this.verb = verb;
        this.attribute = attribute;
        this.value = value;
        this.allowed = allowed;
    }

    public String verb() {
        return verb;
    }

    public String attribute() {
        return attribute;
    }

    /** The value as shown in the message; {@code null} when it was absent. */
    public String value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }
}
