package io.switchboard.domain.verb;

/**
 * Sets the call's tag, sent on every later webhook; an empty value clears it. Made with {@link #of}: the value is
 * all there is to set.
 *
 * @param value at most 256 characters; Bandwidth trims it
 */
public record Tag(String value) implements Verb {
    public Tag {
        value = value == null ? "" : value;
        Limits.tag("Tag", value);
    }

    public static Tag of(String value) {
        return new Tag(value);
    }
}
