package io.switchboard.domain.verb;

/** How Bandwidth calls a callback URL: the {@code *Method} attributes. Bandwidth's default is POST. */
public enum CallbackMethod {
    GET,
    POST
}
