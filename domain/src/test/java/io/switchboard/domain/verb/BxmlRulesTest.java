package io.switchboard.domain.verb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.common.ReplyContext;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** One test per rule of {@link BxmlRules}, over every verb, and the event-type mapping of {@link ReplyContext}. */
class BxmlRulesTest {

    private static final Map<String, Verb> EVERY_VERB = VerbSamples.everyVerbFullyLoaded();
    private static final Set<String> CONFERENCE_VERBS = Set.of(
            "PlayAudio", "SpeakSentence", "StartRecording", "StopRecording", "PauseRecording", "ResumeRecording");
    private static final Set<String> REFUSED_ON_TRANSFER_ANSWER = Set.of("Bridge", "Conference", "Forward", "Transfer");

    static Stream<String> everyVerb() {
        return EVERY_VERB.keySet().stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "conferenceCreated, CONFERENCE",
        "conferenceMemberJoin, CONFERENCE",
        "conferenceMemberExit, CONFERENCE",
        "conferenceRedirect, CONFERENCE",
        "conferenceCompleted, CONFERENCE",
        "transferAnswer, TRANSFER_ANSWER",
        "initiate, CALL",
        "answer, CALL",
        "gather, CALL",
        "redirect, CALL",
        "recordComplete, CALL",
        "transferComplete, CALL",
        "bridgeComplete, CALL",
        "bridgeTargetComplete, CALL",
        "referComplete, CALL"
    })
    void eachEventTypeAnswersInItsContext(String eventType, ReplyContext expected) {
        assertEquals(expected, ReplyContext.ofEventType(eventType));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyVerb")
    void conferenceEventsTakeOnlyTheConferenceVerbs(String name) {
        Response response = Response.of(SpeakSentence.of("Welcome"), EVERY_VERB.get(name));

        List<RuleViolation> violations = BxmlRules.check(response, ReplyContext.CONFERENCE);

        if (CONFERENCE_VERBS.contains(name)) {
            assertEquals(List.of(), violations);
        } else {
            assertEquals(
                    List.of(new RuleViolation(
                            BxmlRules.CONFERENCE_VERBS_ONLY,
                            1,
                            name,
                            "<" + name
                                    + "> may not answer a conference event; allowed there: PlayAudio, SpeakSentence, StartRecording, "
                                    + "StopRecording, PauseRecording, ResumeRecording")),
                    violations);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyVerb")
    void transferAnswerRefusesBridgeConferenceForwardAndTransfer(String name) {
        Response response = Response.of(EVERY_VERB.get(name));

        List<RuleViolation> violations = BxmlRules.check(response, ReplyContext.TRANSFER_ANSWER);

        if (REFUSED_ON_TRANSFER_ANSWER.contains(name)) {
            assertEquals(
                    List.of(new RuleViolation(
                            BxmlRules.NO_BRIDGING_ON_TRANSFER_ANSWER,
                            0,
                            name,
                            "<" + name
                                    + "> may not answer a transferAnswer; Bridge, Conference, Forward and Transfer are refused "
                                    + "there")),
                    violations);
        } else {
            assertEquals(List.of(), violations);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyVerb")
    void callEventsTakeEveryVerb(String name) {
        assertTrue(BxmlRules.allows(Response.of(EVERY_VERB.get(name)), ReplyContext.CALL));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ReplyContext.class)
    void everyVerbAfterARedirectIsRejectedInEveryContext(ReplyContext context) {
        Response response = Response.of(
                PlayAudio.of("/a.wav"),
                Redirect.builder().redirectUrl("/next").build(),
                SpeakSentence.of("never"),
                StopRecording.of());

        List<RuleViolation> afterRedirect = BxmlRules.check(response, context).stream()
                .filter(violation -> violation.rule().equals(BxmlRules.NOTHING_AFTER_REDIRECT))
                .toList();

        assertEquals(
                List.of(
                        new RuleViolation(
                                BxmlRules.NOTHING_AFTER_REDIRECT,
                                2,
                                "SpeakSentence",
                                "<SpeakSentence> follows a "
                                        + "<Redirect> and would never run: Bandwidth leaves the document at the Redirect"),
                        new RuleViolation(
                                BxmlRules.NOTHING_AFTER_REDIRECT,
                                3,
                                "StopRecording",
                                "<StopRecording> follows a "
                                        + "<Redirect> and would never run: Bandwidth leaves the document at the Redirect")),
                afterRedirect);
    }

    @Test
    void aRedirectThatEndsTheDocumentIsAllowed() {
        assertTrue(BxmlRules.allows(
                Response.builder().speakSentence("One moment").redirect(r -> {}).build(), ReplyContext.CALL));
        assertTrue(BxmlRules.allows(
                Response.of(Redirect.builder().redirectUrl("/next").build()), ReplyContext.TRANSFER_ANSWER));
    }

    @Test
    void aSecondRedirectIsItselfAfterTheFirst() {
        List<RuleViolation> violations = BxmlRules.check(
                Response.of(
                        Redirect.builder().redirectUrl("/a").build(),
                        Redirect.builder().redirectUrl("/b").build()),
                ReplyContext.CALL);

        assertEquals(
                List.of(BxmlRules.NOTHING_AFTER_REDIRECT),
                violations.stream().map(RuleViolation::rule).toList());
        assertEquals(1, violations.get(0).position());
    }

    @Test
    void everyBrokenRuleIsReportedInDocumentOrder() {
        Response response = Response.of(
                SpeakSentence.of("Hi"),
                Hangup.of(),
                Redirect.builder().redirectUrl("/next").build(),
                PlayAudio.of("/a.wav"));

        List<RuleViolation> violations = BxmlRules.check(response, ReplyContext.CONFERENCE);

        assertEquals(
                List.of(
                        BxmlRules.CONFERENCE_VERBS_ONLY + "@1:Hangup",
                        BxmlRules.CONFERENCE_VERBS_ONLY + "@2:Redirect",
                        BxmlRules.NOTHING_AFTER_REDIRECT + "@3:PlayAudio"),
                violations.stream()
                        .map(v -> v.rule() + "@" + v.position() + ":" + v.verb())
                        .toList());
        assertFalse(BxmlRules.allows(response, ReplyContext.CONFERENCE));
        assertEquals(
                BxmlRules.NOTHING_AFTER_REDIRECT + ": " + violations.get(2).message(),
                violations.get(2).toString());
    }

    @ParameterizedTest
    @EnumSource(ReplyContext.class)
    void anEmptyResponseKeepsEveryRule(ReplyContext context) {
        assertTrue(BxmlRules.allows(Response.empty(), context));
    }
}
