package io.switchboard.adapters.bxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.adapters.bxml.BxmlLinter.Finding;
import io.switchboard.domain.verb.BxmlRules;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BxmlLinterTest {

    private final BxmlLinter linter = BxmlLinter.forAnyEvent();

    private static List<Finding> lint(BxmlLinter linter, String bxml) {
        return linter.lint("test.xml", bxml.getBytes(StandardCharsets.UTF_8));
    }

    /** Each finding as line, element, attribute and rule, which is what a user needs to find and fix it. */
    private static List<String> where(List<Finding> findings) {
        return findings.stream()
                .map(finding ->
                        finding.line() + " " + finding.element() + " " + finding.attribute() + " " + finding.rule())
                .toList();
    }

    static Stream<Arguments> goldens() {
        return Goldens.cases().map(golden -> Arguments.of(golden.get()[0], golden.get()[2]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void everyGoldenFileIsClean(String name, String bxml) {
        assertEquals(List.of(), lint(linter, bxml));
    }

    @Test
    void takesDecimalsAsBandwidthsSdkWritesThemAndWholeNumbersOnlyWhereBandwidthCounts() {
        List<Finding> findings = lint(linter, """
                <Response>
                    <Transfer callTimeout="15.0"><PhoneNumber>+15550123</PhoneNumber></Transfer>
                    <Record maxDuration="60" silenceTimeout="0.0"/>
                    <Record maxDuration="60.0"/>
                </Response>
                """);

        assertEquals(List.of("4 Record maxDuration null"), where(findings));
    }

    @Test
    void listsEveryProblemOfADocumentWithItsLineVerbAndAttribute() {
        List<Finding> findings = lint(linter, """
                <?xml version="1.0" encoding="UTF-8"?>
                <Response>
                    <SpeakSentence voice="julie" colour="red">Hello</SpeakSentence>
                    <Gather maxDigits="99"><SpeakSentence>Press 1</SpeakSentence></Gather>
                    <Dial>+15550123</Dial>
                    <Pause duration="2"/>
                    <Transfer>
                        <PhoneNumber>555-0123</PhoneNumber>
                    </Transfer>
                    <Redirect redirectUrl="/next"/>
                    <Hangup/>
                </Response>
                """);

        assertEquals(
                List.of(
                        "3 SpeakSentence colour null",
                        "4 Gather maxDigits null",
                        "5 Response null null",
                        "8 PhoneNumber number null",
                        "11 Hangup null " + BxmlRules.NOTHING_AFTER_REDIRECT),
                where(findings));
        assertEquals(
                "test.xml:4: <Gather> is invalid: Gather: maxDigits must be between 1 and 50, was 99",
                findings.get(1).toString());
        assertEquals(
                "test.xml:11: [nothing-after-redirect] <Hangup> follows a <Redirect> and would never run: "
                        + "Bandwidth leaves the document at the Redirect",
                findings.get(4).toString());
    }

    @Test
    void badlySpelledValuesAndTextBetweenVerbsAreEachReported() {
        List<Finding> findings = lint(linter, """
                <Response>
                  <Record fileFormat="ogg"/>
                  stray text
                  <Ring answerCall="no"/>
                </Response>""");

        assertEquals(
                List.of("2 Record fileFormat null", "3 Response null null", "4 Ring answerCall null"), where(findings));
        assertEquals(
                "test.xml:2: <Record> attribute fileFormat=\"ogg\" is invalid: allowed is one of wav, mp3",
                findings.get(0).toString());
    }

    @Test
    void appliesTheRulesOfTheEventTheDocumentWouldAnswer() {
        String bxml = """
                <Response>
                  <SpeakSentence>Welcome to the conference</SpeakSentence>
                  <Gather/>
                  <Transfer><PhoneNumber>+15550123</PhoneNumber></Transfer>
                </Response>""";

        assertEquals(
                List.of(
                        "3 Gather null " + BxmlRules.CONFERENCE_VERBS_ONLY,
                        "4 Transfer null " + BxmlRules.CONFERENCE_VERBS_ONLY),
                where(lint(BxmlLinter.forEvent("conferenceMemberJoin"), bxml)));
        assertEquals(
                List.of("4 Transfer null " + BxmlRules.NO_BRIDGING_ON_TRANSFER_ANSWER),
                where(lint(BxmlLinter.forEvent("transferAnswer"), bxml)));
        assertEquals(List.of(), lint(BxmlLinter.forEvent("gather"), bxml));
        assertEquals(List.of(), lint(linter, bxml));
    }

    @Test
    void theRulesApplyToTheVerbsThatCouldBeReadAroundOneThatCouldNot() {
        List<Finding> findings = lint(BxmlLinter.forEvent("conferenceCreated"), """
                <Response>
                  <PlayAudio>/welcome.wav</PlayAudio>
                  <Pause duration="-1"/>
                  <Hangup/>
                </Response>""");

        assertEquals(
                List.of("3 Pause duration null", "4 Hangup null " + BxmlRules.CONFERENCE_VERBS_ONLY), where(findings));
    }

    @ParameterizedTest
    @ValueSource(strings = {"disconnect", "transcriptionAvailable", "conferenceCompleted", "Gather", ""})
    void refusesAnEventWhoseReplyIsNotBxml(String eventType) {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> BxmlLinter.forEvent(eventType));

        assertEquals(
                "Bandwidth runs no BXML in reply to an event '" + eventType + "'; event types whose reply is "
                        + "BXML: answer, bridgeComplete, bridgeTargetComplete, conferenceCreated, conferenceMemberExit, "
                        + "conferenceMemberJoin, conferenceRedirect, gather, initiate, recordComplete, redirect, "
                        + "referComplete, transferAnswer, transferComplete",
                refused.getMessage());
    }

    @Test
    void xmlThatIsNotWellFormedEndsTheCheckKeepingWhatWasFoundBefore() {
        List<Finding> findings = lint(linter, """
                <Response>
                  <Pause duration="0"/>
                  <Hangup>
                </Response>""");

        assertEquals(List.of("2 Pause duration null", "4 null null null"), where(findings));
        assertTrue(
                findings.get(1).message().startsWith("not well-formed XML: "),
                findings.get(1).message());
        assertTrue(
                findings.get(1).message().endsWith("(line 4, column 3)"),
                findings.get(1).message());
    }

    @Test
    void aWrongRootIsOneProblemOfTheWholeDocument() {
        assertEquals(
                List.of(new Finding(
                        "test.xml",
                        0,
                        null,
                        null,
                        null,
                        "the root element must be one of <Response>, <Bxml>, was <Request>")),
                lint(linter, "<Request><Hangup/></Request>"));
    }

    @Test
    void aDocumentOverSixtyFourKilobytesIsReported() {
        String speech = "<SpeakSentence>" + "x".repeat(1000) + "</SpeakSentence>";
        String bxml = "<Response>" + speech.repeat(66) + "</Response>";

        List<Finding> findings = lint(linter, bxml);

        assertEquals(
                List.of(new Finding(
                        "test.xml",
                        0,
                        null,
                        null,
                        null,
                        "the document is " + bxml.length() + " bytes, more than Bandwidth's limit of 65536 bytes")),
                findings);
    }

    @Test
    void readsTheEncodingFromTheDeclaration() throws IOException {
        byte[] latin1 =
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><Response><SpeakSentence>Grüße</SpeakSentence></Response>"
                        .getBytes(StandardCharsets.ISO_8859_1);

        assertEquals(List.of(), linter.lint("latin1.xml", new ByteArrayInputStream(latin1)));
    }

    @Test
    void lintsFilesAndReportsOneThatCannotBeRead(@TempDir Path dir) throws IOException {
        Path valid = Files.writeString(dir.resolve("valid.xml"), "<Response><Hangup/></Response>");
        Path missing = dir.resolve("missing.xml");

        assertEquals(List.of(), linter.lint(valid));
        List<Finding> findings = linter.lint(missing);
        assertEquals(1, findings.size());
        assertEquals(missing.toString(), findings.get(0).source());
        assertTrue(
                findings.get(0).message().startsWith("cannot be read: java.nio.file.NoSuchFileException"),
                findings.get(0).message());
    }
}
