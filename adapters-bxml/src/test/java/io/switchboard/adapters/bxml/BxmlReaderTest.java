package io.switchboard.adapters.bxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Pause;
import io.switchboard.domain.verb.PhoneNumber;
import io.switchboard.domain.verb.Refer;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.Voice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BxmlReaderTest {

    private final BxmlReader reader = new BxmlReader();

    @Test
    void acceptsTheUpdateCallRootIndentationAndComments() {
        Response read = reader.read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- sent to PUT /calls/{callId}/bxml -->
                <Bxml>
                    <SpeakSentence voice="julie">Please hold.</SpeakSentence>
                    <Transfer callTimeout="20">
                        <PhoneNumber>+15550123</PhoneNumber>
                    </Transfer>
                    <Pause/>
                    <Hangup></Hangup>
                </Bxml>
                """);

        assertEquals(
                Response.of(
                        SpeakSentence.builder("Please hold.").voice(Voice.JULIE).build(),
                        Transfer.builder()
                                .callTimeout(20)
                                .target(PhoneNumber.of("+15550123"))
                                .build(),
                        Pause.builder().build(),
                        Hangup.of()),
                read);
    }

    @Test
    void refusesAnUnknownVerbNamingWhatIsAllowed() {
        assertRefused(
                "<Response><Dial>+15550123</Dial></Response>",
                "<Response> may not contain <Dial>; allowed: the elements Bridge, Conference, Forward, Gather, Hangup, Pause, PauseRecording, PlayAudio, Record, Redirect, Refer,"
                        + " ResumeRecording, Ring, SendDtmf, SpeakSentence, StartGather, StartRecording, StartStream,"
                        + " StartTranscription, StopGather, StopRecording, StopStream, StopTranscription, Tag, Transfer");
    }

    @Test
    void refusesAVerbWhereOnlyPromptsMayBe() {
        assertRefused(
                "<Response><Gather><Hangup/></Gather></Response>",
                "<Gather> may not contain <Hangup>; allowed: the elements SpeakSentence, PlayAudio");
    }

    @Test
    void refusesAnUnknownAttributeNamingTheValueAndWhatIsAllowed() {
        assertRefused(
                "<Response><Pause duration=\"1\" colour=\"red\"/></Response>",
                "<Pause> has no attribute colour (given \"red\"); allowed: duration");
    }

    @Test
    void refusesAnUnknownAttributeOnANestedElement() {
        assertRefused(
                "<Response><Transfer><PhoneNumber transferAnswerFallbackUrl=\"/a\" transferDisconnectFallbackUrl"
                        + "=\"/b\">+15550123</PhoneNumber></Transfer></Response>",
                "<PhoneNumber> has no attribute transferDisconnectFallbackUrl (given \"/b\"); allowed: transferAnswerUrl,"
                        + " transferAnswerMethod, transferAnswerFallbackUrl, transferAnswerFallbackMethod,"
                        + " transferDisconnectUrl, transferDisconnectMethod, username, password, fallbackUsername,"
                        + " fallbackPassword, tag, uui");
    }

    @Test
    void refusesAttributesOnTheRoot() {
        assertRefused(
                "<Response xmlns=\"urn:bxml\"><Hangup/></Response>",
                "<Response> has no attribute xmlns (given \"urn:bxml\"); allowed: none");
    }

    @ParameterizedTest(name = "{0}=\"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Gather     | maxDigits         | five    | a whole number such as 5
            Gather     | maxDigits         | 1.5     | a whole number such as 5
            Gather     | maxDigits         | 99999999999 | a whole number such as 5
            Gather     | interDigitTimeout | 1e3     | a decimal number such as 5 or 0.5
            Gather     | firstDigitTimeout | NaN     | a decimal number such as 5 or 0.5
            Pause      | duration          | 5s      | a decimal number such as 5 or 0.5
            Gather     | gatherMethod      | PUT     | GET or POST
            Record     | fileFormat        | ogg     | one of wav, mp3
            Record     | transcribe        | yes     | true or false
            Transfer   | callTimeout       | ' 30'   | a decimal number such as 5 or 0.5
            Transfer   | callTimeout       | 15,0    | a decimal number such as 5 or 0.5
            Record     | maxDuration       | 60.0    | a whole number such as 5
            SpeakSentence | voice          | Julie   | one of julie, kate, susan, dave, paul, bridget, simon, katrin, stefan, esperanza, violeta, jorge, rosa, jolie, bernard, paola, luca, masako, kenji, nadiya, anatoli, zeina, zhiyu, ruth, stephen, lupe, pedro, gabrielle, liam
            SpeakSentence | gender         | other   | one of male, female
            Transfer   | diversionReason   | userBusy | one of unknown, user-busy, no-answer, unavailable, unconditional, time-of-day, do-not-disturb, deflection, follow-me, out-of-service, away
            Forward    | diversionTreatment | copy   | one of none, propagate, stack
            StartStream | tracks           | all     | one of inbound, outbound, both
            StartStream | mode             | duplex  | one of unidirectional, bidirectional
            StopStream | wait              | 1       | true or false
            Ring       | answerCall        | no      | true or false
            """)
    void refusesABadlySpelledValue(String verb, String attribute, String value, String allowed) {
        String content = switch (verb) {
            case "Transfer" -> "<PhoneNumber>+15550123</PhoneNumber>";
            case "SpeakSentence" -> "Hello";
            default -> "";
        };
        String required = switch (verb) {
            case "Forward" -> attribute.equals("to") ? "" : " to=\"+15550123\"";
            case "StartStream" -> " destination=\"wss://stream.example.com\"";
            default -> "";
        };
        assertRefused(
                "<Response><" + verb + required + " " + attribute + "=\"" + value + "\">" + content + "</" + verb
                        + "></Response>",
                "<" + verb + "> attribute " + attribute + "=\"" + value + "\" is invalid: allowed is " + allowed);
    }

    @Test
    void refusesACommaListWithAnEmptyCallId() {
        assertRefused(
                "<Response><Conference callIdsToCoach=\"c-1,,c-2\">room</Conference></Response>",
                "<Conference> attribute callIdsToCoach=\"c-1,,c-2\" is invalid: allowed is call ids separated by commas");
    }

    @Test
    void surfacesDomainValidationWithTheVerbNamed() {
        assertRefused(
                "<Response><Gather maxDigits=\"99\"/></Response>",
                "<Gather> is invalid: Gather: maxDigits must be between 1 and 50, was 99");
        assertRefused(
                "<Response><Transfer/></Response>",
                "<Transfer> is invalid: Transfer: targets must be 1 to 8 PhoneNumber or SipUri elements, was 0");
        assertRefused(
                "<Response><Conference>no spaces allowed</Conference></Response>",
                "<Conference> is invalid: Conference: name must be 1 to 100 characters of [A-Za-z0-9-_.], was "
                        + "'no spaces allowed'");
        assertRefused(
                "<Response><SpeakSentence/></Response>",
                "<SpeakSentence> is invalid: SpeakSentence: text is required and must not be blank, was ''");
    }

    @Test
    void aRefusalCarriesTheLineElementAndAttributeAtFault() {
        BxmlException refused = assertThrows(BxmlException.class, () -> reader.read("""
                <Response>
                  <Transfer>
                    <PhoneNumber>+15550123</PhoneNumber>
                    <PhoneNumber uui=" ">+15550124</PhoneNumber>
                  </Transfer>
                </Response>"""));

        assertEquals(4, refused.line());
        assertEquals("PhoneNumber", refused.element());
        assertEquals("uui", refused.attribute());
    }

    @Test
    void refusesARedirectWithoutItsUrl() {
        assertRefused(
                "<Response><Redirect redirectMethod=\"GET\"/></Response>",
                "<Redirect> needs the attribute redirectUrl");
    }

    @Test
    void readsReferWithExactlyOneSipUri() {
        assertEquals(
                Response.of(Refer.of("sip:agent@pbx.example.com")),
                reader.read("<Response><Refer>\n  <SipUri>sip:agent@pbx.example.com</SipUri>\n</Refer></Response>"));
        assertRefused("<Response><Refer/></Response>", "<Refer> is invalid: must hold exactly one <SipUri>, has 0");
        assertRefused(
                "<Response><Refer><SipUri>sip:a@b.example</SipUri><SipUri>sip:c@d.example</SipUri></Refer>"
                        + "</Response>",
                "<Refer> is invalid: must hold exactly one <SipUri>, has 2");
        assertRefused(
                "<Response><Refer><SipUri tag=\"x\">sip:a@b.example</SipUri></Refer></Response>",
                "<SipUri> has no attribute tag (given \"x\"); allowed: none");
    }

    @Test
    void readsStreamAndTranscriptionParametersOnlyWhereTheyBelong() {
        assertRefused(
                "<Response><StartStream destination=\"wss://s.example.com\"><CustomParam name=\"a\" value=\"b\"/>"
                        + "</StartStream></Response>",
                "<StartStream> may not contain <CustomParam>; allowed: the elements StreamParam");
        assertRefused(
                "<Response><StartTranscription><StreamParam name=\"a\" value=\"b\"/></StartTranscription>"
                        + "</Response>",
                "<StartTranscription> may not contain <StreamParam>; allowed: the elements CustomParam");
    }

    @Test
    void refusesAWrongRoot() {
        assertRefused(
                "<Request><Hangup/></Request>", "the root element must be one of <Response>, <Bxml>, was <Request>");
    }

    @Test
    void refusesTextBetweenVerbsAndInsideEmptyVerbs() {
        assertRefused(
                "<Response>Hello<Hangup/></Response>",
                "<Response> may not contain the text \"Hello\"; allowed: the elements Bridge, Conference, Forward, Gather, Hangup, Pause, PauseRecording, PlayAudio, Record, Redirect, Refer,"
                        + " ResumeRecording, Ring, SendDtmf, SpeakSentence, StartGather, StartRecording, StartStream,"
                        + " StartTranscription, StopGather, StopRecording, StopStream, StopTranscription, Tag, Transfer");
        assertRefused(
                "<Response><Hangup>now</Hangup></Response>",
                "<Hangup> may not contain the text \"now\"; allowed: nothing");
        assertRefused(
                "<Response><PlayAudio>a<b/></PlayAudio></Response>",
                "<PlayAudio> may not contain <b>; allowed: text only");
    }

    @Test
    void refusesAnExternalEntityWithoutReadingIt() {
        BxmlException refused = assertThrows(BxmlException.class, () -> reader.read("""
                <?xml version="1.0"?>
                <!DOCTYPE Response [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <Response><SpeakSentence>&secret;</SpeakSentence></Response>
                """));

        assertEquals("a DOCTYPE is not allowed in BXML", refused.getMessage());
    }

    @Test
    void refusesAnExternalDtd() {
        assertRefused(
                "<!DOCTYPE Response SYSTEM \"http://127.0.0.1:1/bxml.dtd\"><Response/>",
                "a DOCTYPE is not allowed in BXML");
    }

    @Test
    void refusesAnUndeclaredEntityAsMalformed() {
        BxmlException refused = assertThrows(
                BxmlException.class, () -> reader.read("<Response><SpeakSentence>&secret;</SpeakSentence></Response>"));

        assertTrue(refused.getMessage().startsWith("not well-formed XML: "), refused.getMessage());
        assertTrue(refused.getMessage().contains("\"secret\""), refused.getMessage());
    }

    @Test
    void refusesMalformedXmlAndTrailingContent() {
        assertTrue(assertThrows(BxmlException.class, () -> reader.read("<Response><Hangup></Response>"))
                .getMessage()
                .startsWith("not well-formed XML: "));
        assertTrue(assertThrows(BxmlException.class, () -> reader.read("<Response/><Response/>"))
                .getMessage()
                .startsWith("not well-formed XML: "));
        assertTrue(assertThrows(BxmlException.class, () -> reader.read(""))
                .getMessage()
                .startsWith("not well-formed XML: "));
        assertTrue(assertThrows(BxmlException.class, () -> reader.read("<?xml version=\"1.0\"?><!-- only -->"))
                .getMessage()
                .startsWith("not well-formed XML: "));
    }

    @Test
    void readsNumbersInEverySpellingOfAPlainDecimal() {
        Response read = reader.read("<Response><Gather maxDigits=\"+7\" interDigitTimeout=\"2.50\""
                + " firstDigitTimeout=\".5\"/><Pause duration=\"3.\"/></Response>");

        assertEquals(
                Response.of(
                        Gather.builder()
                                .maxDigits(7)
                                .interDigitTimeout(2.5)
                                .firstDigitTimeout(0.5)
                                .build(),
                        Pause.builder().duration(3).build()),
                read);
        assertFalse(read.isEmpty());
    }

    private void assertRefused(String bxml, String expectedMessage) {
        BxmlException refused = assertThrows(BxmlException.class, () -> reader.read(bxml));
        assertEquals(expectedMessage, refused.getMessage());
    }
}
