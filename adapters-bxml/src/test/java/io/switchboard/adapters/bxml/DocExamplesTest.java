package io.switchboard.adapters.bxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.common.FileFormat;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.Voice;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of {@code docs/bxml.md}. Every Java block of the page must appear in this file (so it compiles
 * and runs here), and every XML block must be what one of these examples renders (indentation aside), so the
 * page cannot drift from the code.
 */
class DocExamplesTest {

    private static final Path PAGE = Path.of("../docs/bxml.md");
    private static final Path THIS_SOURCE = Path.of("src/test/java/io/switchboard/adapters/bxml/DocExamplesTest.java");

    /** One response of the page, and the event it answers there. */
    record Example(String name, Response response, String eventType) {
        @Override
        public String toString() {
            return name;
        }
    }

    static String render(Response response) {
        BxmlWriter writer = new BxmlWriter(CallbackUrls.under("https://ivr.example.com/voice"));
        return writer.write(response);
    }

    static Response oneRule() {
        Response reply = Response.builder()
                .gather(g -> g.maxDigits(1).speakSentence("Press 1", s -> s.voice(Voice.KATE)))
                .transfer(t -> t.callTimeout(15.0).phoneNumber("+15555550123", n -> n.tag("sales")))
                .build();
        return reply;
    }

    static Response menu() {
        Response menu = Response.builder()
                .gather(gather -> gather.maxDigits(1)
                        .firstDigitTimeout(5)
                        .repeatCount(2)
                        .speakSentence("Press 1 for sales or 2 for support."))
                .speakSentence("We did not get your choice. Goodbye.")
                .hangup()
                .build();
        return menu;
    }

    static Response transfer() {
        Response transfer = Response.builder()
                .speakSentence("Connecting you to an agent.")
                .transfer(
                        t -> t.transferCallerId("+15555550100").callTimeout(20).phoneNumber("+15555550123"))
                .build();
        return transfer;
    }

    static Response whisper() {
        Response whisper = Response.builder()
                .speakSentence("Call from the sales menu. The caller is connected when this ends.")
                .build();
        return whisper;
    }

    static Response voicemail() {
        Response voicemail = Response.builder()
                .speakSentence("Please leave a message after the tone, then press pound.")
                .record(record -> record.maxDuration(120)
                        .terminatingDigits("#")
                        .transcribe(true)
                        .fileFormat(FileFormat.MP3))
                .build();
        return voicemail;
    }

    static List<Response> conferenceWithACoach() {
        String agentCallId = "c-2a1e5d8f-agent";

        Response customer = Response.builder().conference("support-4711").build();

        Response supervisor = Response.builder()
                .speakSentence("You are coaching the agent. Only the agent hears you.")
                .conference("support-4711", conference -> conference.coach(agentCallId))
                .build();

        Response onMemberJoin = Response.builder()
                .speakSentence("Welcome. This call may be recorded.")
                .build();
        return List.of(customer, supervisor, onMemberJoin);
    }

    static List<Example> examples() {
        List<Response> conference = conferenceWithACoach();
        return List.of(
                new Example("one rule", oneRule(), "initiate"),
                new Example("menu", menu(), "initiate"),
                new Example("transfer", transfer(), "gather"),
                new Example("whisper", whisper(), "transferAnswer"),
                new Example("voicemail", voicemail(), "gather"),
                new Example("conference customer", conference.get(0), "gather"),
                new Example("conference supervisor", conference.get(1), "initiate"),
                new Example("conference member joined", conference.get(2), "conferenceMemberJoin"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void eachExampleIsValidBxmlForItsEventAndShownOnThePage(Example example) throws IOException {
        String bxml = render(example.response());

        assertEquals(
                List.of(),
                BxmlLinter.forEvent(example.eventType()).lint(example.name(), bxml.getBytes(StandardCharsets.UTF_8)));
        assertTrue(
                blocks("xml").stream().map(DocExamplesTest::unindented).toList().contains(bxml),
                "docs/bxml.md should show, indented or not:\n" + bxml);
    }

    @Test
    void everyXmlBlockOfThePageIsTheRenderingOfAnExample() throws IOException {
        List<String> rendered =
                examples().stream().map(example -> render(example.response())).toList();

        for (String block : blocks("xml")) {
            assertTrue(rendered.contains(unindented(block)), "no example renders:\n" + block);
        }
    }

    @Test
    void everyJavaBlockOfThePageIsCodeOfThisTest() throws IOException {
        String source = withoutWhiteSpace(Files.readString(THIS_SOURCE));

        for (String block : blocks("java")) {
            assertTrue(source.contains(withoutWhiteSpace(block)), "not in DocExamplesTest:\n" + block);
        }
    }

    /** The fenced blocks of the page in {@code language}. */
    private static List<String> blocks(String language) throws IOException {
        Matcher block = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL)
                .matcher(Files.readString(PAGE));
        List<String> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertTrue(blocks.size() >= 4, "docs/bxml.md should have its " + language + " examples");
        return blocks;
    }

    /** XML as the writer writes it: no whitespace between tags, attributes separated by one space. */
    private static String unindented(String xml) {
        return xml.strip().replaceAll(">\\s+<", "><").replaceAll("\\s*\\n\\s*", " ");
    }

    /** Code without its white space: the page may wrap a line where the formatter wraps it differently. */
    private static String withoutWhiteSpace(String code) {
        return code.replaceAll("\\s+", "");
    }
}
