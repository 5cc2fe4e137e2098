package io.switchboard.domain.control;

import io.switchboard.domain.common.ReplyContext;
import io.switchboard.domain.verb.BxmlRules;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.RuleViolation;
import java.util.List;

/** The check of a BXML document a request carries: present, not empty, and within the rules of where it runs. */
final class BxmlDocuments {

    private BxmlDocuments() {}

    static void requireRunnable(String request, Response bxml, ReplyContext context) {
        if (bxml == null || bxml.isEmpty()) {
            throw RequestChecks.invalid(request, "bxml", null, "is required and must hold at least one verb");
        }
        List<RuleViolation> violations = BxmlRules.check(bxml, context);
        if (!violations.isEmpty()) {
            throw RequestChecks.invalid(request, "bxml", null, "breaks " + violations.get(0));
        }
    }
}
