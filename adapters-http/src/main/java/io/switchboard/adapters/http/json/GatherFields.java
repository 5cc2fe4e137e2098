package io.switchboard.adapters.http.json;

/** What a {@code <Gather>} collected; both are empty strings when the caller pressed nothing. */
record GatherFields(String digits, String terminatingDigit) {}
