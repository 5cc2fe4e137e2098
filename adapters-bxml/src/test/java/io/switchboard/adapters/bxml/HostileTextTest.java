package io.switchboard.adapters.bxml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.switchboard.domain.verb.Callback;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Hangup;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.domain.verb.Tag;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Text a caller or a CRM could put into a verb never breaks the document, and what can be kept is kept. */
class HostileTextTest {

    private static final String HOSTILE = "</Response><Hangup/> & < > \" ' \u0000\u0007\u001B bell \uD83D\uDE00"
            + " lone \uD800 low \uDC00 nonchars \uFFFE\uFFFF end";
    /** What survives: everything but the controls, the unpaired surrogates and U+FFFE / U+FFFF. */
    private static final String VISIBLE =
            "</Response><Hangup/> & < > \" '  bell \uD83D\uDE00" + " lone  low  nonchars  end";

    /** A URL may not hold whitespace, but everything else hostile. */
    private static final String HOSTILE_URL = "https://x.example.com/</Response><Hangup/>&<>\"'\u0000\u0007\u001B"
            + "\uD83D\uDE00\uDC00\uD800\uFFFE\uFFFF";

    private static final String VISIBLE_URL = "https://x.example.com/</Response><Hangup/>&<>\"'\uD83D\uDE00";

    private final BxmlWriter writer = new BxmlWriter();
    private final BxmlReader reader = new BxmlReader();

    @Test
    void hostileTextInEveryPlaceStaysInsideItsElementOrAttribute() throws Exception {
        Response response = Response.of(
                SpeakSentence.of(HOSTILE),
                Tag.of(HOSTILE),
                Gather.builder()
                        .gather(Callback.of(HOSTILE_URL))
                        .tag(HOSTILE)
                        .speakSentence(HOSTILE)
                        .playAudio(HOSTILE_URL, audio -> audio.credentials(HOSTILE, HOSTILE))
                        .build(),
                Hangup.of());

        String bxml = writer.write(response);

        Element root = Xml.parse(bxml).getDocumentElement();
        assertEquals("Response", root.getTagName());
        List<Element> verbs = Xml.childElements(root);
        assertEquals(
                List.of("SpeakSentence", "Tag", "Gather", "Hangup"),
                verbs.stream().map(Element::getTagName).toList());
        assertEquals(VISIBLE, verbs.get(0).getTextContent());
        assertEquals(VISIBLE, verbs.get(1).getTextContent());
        Element gather = verbs.get(2);
        assertEquals(VISIBLE_URL, gather.getAttribute("gatherUrl"));
        assertEquals(VISIBLE, gather.getAttribute("tag"));
        List<Element> prompts = Xml.childElements(gather);
        assertEquals(2, prompts.size());
        assertEquals(VISIBLE, prompts.get(0).getTextContent());
        assertEquals(VISIBLE_URL, prompts.get(1).getTextContent());
        assertEquals(VISIBLE, prompts.get(1).getAttribute("password"));
    }

    @Test
    void hostileTextReadsBackWithoutTheForbiddenCharacters() {
        Response read = reader.read(writer.write(Response.of(
                SpeakSentence.of(HOSTILE),
                Tag.of(HOSTILE),
                Gather.builder().tag(HOSTILE).build())));

        assertEquals(
                Response.of(
                        SpeakSentence.of(VISIBLE),
                        Tag.of(VISIBLE),
                        Gather.builder().tag(VISIBLE).build()),
                read);
    }

    @Test
    void markupCharactersAreEscapedExactly() {
        assertEquals(
                Goldens.DECLARATION + "<Response><Tag>&lt;/Response&gt;&lt;Hangup/&gt; &amp; \"quoted\" 'single'"
                        + "</Tag><Gather tag=\"&lt;/Response&gt; &amp; &quot;x&quot; 'y'\"><SpeakSentence>a &amp; b"
                        + "</SpeakSentence></Gather></Response>",
                writer.write(Response.of(
                        Tag.of("</Response><Hangup/> & \"quoted\" 'single'"),
                        Gather.builder()
                                .tag("</Response> & \"x\" 'y'")
                                .speakSentence("a & b")
                                .build())));
    }

    @Test
    void controlCharactersAndUnpairedSurrogatesAreRemovedAndEmojiKept() {
        assertEquals(
                Goldens.DECLARATION + "<Response><Tag>bell ring \uD83D\uDE00</Tag></Response>",
                writer.write(Response.of(Tag.of("b\u0000ell\u0007 ri\u001Bng \uDC00\uD83D\uDE00\uD800"))));
    }

    @Test
    void carriageReturnsInTextSurviveAsCharacterReferences() {
        Response response = Response.of(Tag.of("line one\r\nline two\rthree\tfour"));

        String bxml = writer.write(response);

        assertEquals(
                Goldens.DECLARATION + "<Response><Tag>line one&#13;\nline two&#13;three\tfour</Tag></Response>", bxml);
        assertEquals(response, reader.read(bxml));
    }

    @Test
    void lineBreaksAndTabsInAttributesBecomeSpacesAsAnyXmlReaderWouldSeeThem() {
        String bxml =
                writer.write(Response.of(Gather.builder().tag("a\tb\nc\r\nd").build()));

        assertEquals(Goldens.DECLARATION + "<Response><Gather tag=\"a b c  d\"/></Response>", bxml);
        assertEquals("a b c  d", ((Gather) reader.read(bxml).verbs().get(0)).tag());
    }
}
