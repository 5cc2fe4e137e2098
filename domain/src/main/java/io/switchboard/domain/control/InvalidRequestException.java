package io.switchboard.domain.control;

/**
 * A call-control request built with a value Bandwidth would refuse, caught before anything is sent. The message
 * names the request, the field (as Bandwidth's Voice API spells it), the value given and what is allowed:
 * {@code createCall: to must be an E.164 number such as +15555550100 or a sip: URI, was 'abc'}.
 */
public final class InvalidRequestException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String request;
    private final String field;
    private final String value;

    /**
     * @param request the operation, such as {@code createCall}
     * @param field   the field as Bandwidth names it ({@code machineDetection.detectionTimeout})
     * @param value   what was given, as shown in the message ({@code null} when absent)
     * @param allowed what would have been accepted, phrased to follow the field's name
     */
    public InvalidRequestException(String request, String field, String value, String allowed) {
        super(request + ": " + field + " " + allowed + (value == null ? "" : ", was " + value));
        this.request = request;
        this.field = field;
        this.value = value;
    }

    public String request() {
        return request;
    }

    public String field() {
        return field;
    }

    /** The value as shown in the message; {@code null} when it was absent. */
    public String value() {
        return value;
    }
}
