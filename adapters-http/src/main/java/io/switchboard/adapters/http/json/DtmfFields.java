package io.switchboard.adapters.http.json;

/** The key a {@code <StartGather>} heard ({@code dtmf}). */
record DtmfFields(String digit) {}
