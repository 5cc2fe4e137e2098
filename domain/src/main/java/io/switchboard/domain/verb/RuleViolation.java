package io.switchboard.domain.verb;

/**
 * One way a {@link Response} breaks a rule of {@link BxmlRules}.
 *
 * @param rule     the rule's name, such as {@code conference-verbs-only}
 * @param position the offending verb's index in the response, from 0
 * @param verb     the offending verb's element name
 * @param message  what is wrong and what is allowed
 */
public record RuleViolation(String rule, int position, String verb, String message) {
    @Override
    public String toString() {
        return rule + ": " + message;
    }
}
