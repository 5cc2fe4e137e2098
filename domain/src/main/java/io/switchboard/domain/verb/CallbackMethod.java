package io.switchboard.domain.verb;

/** How Bandwidth calls a callback URL; POST unless a verb says otherwise. */
public enum CallbackMethod {
    GET,
    POST
}
