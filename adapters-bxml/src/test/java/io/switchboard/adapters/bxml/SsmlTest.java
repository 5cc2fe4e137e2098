package io.switchboard.adapters.bxml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.SpeakSentence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SsmlTest {

    private final BxmlWriter writer = new BxmlWriter();
    private final BxmlReader reader = new BxmlReader();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            Hello <break time="1s"/> world
            <prosody rate="slow">Slow <emphasis level="strong">down</emphasis></prosody> please
            Call <say-as interpret-as="telephone">5550100</say-as> &amp; ask for <sub alias="Bob">Robert</sub>
            <p><s>One.</s><s>Two.</s></p><lang xml:lang="fr-FR">Bonjour</lang>
            <phoneme alphabet="ipa" ph="təˈmeɪtoʊ">tomato</phoneme>
            """)
    void ssmlStaysMarkupAndReadsBackExactly(String text) {
        Response response = Response.of(SpeakSentence.of(text));

        String bxml = writer.write(response);

        assertEquals(Goldens.DECLARATION + "<Response><SpeakSentence>" + text + "</SpeakSentence></Response>", bxml);
        assertEquals(response, reader.read(bxml));
    }

    @Test
    void ssmlInsideAGatherStaysMarkup() {
        String bxml = writer.write(Response.of(
                Gather.builder().speakSentence("Press <emphasis>1</emphasis>").build()));

        assertEquals(
                Goldens.DECLARATION
                        + "<Response><Gather><SpeakSentence>Press <emphasis>1</emphasis></SpeakSentence></Gather></Response>",
                bxml);
    }

    @Test
    void ssmlIsWrittenInOneSpellingWhateverTheQuotesAndEmptyTags() {
        String bxml = writer.write(Response.of(SpeakSentence.of("Wait<break time='2s'></break>, then &#x41; > B")));

        assertEquals(
                Goldens.DECLARATION
                        + "<Response><SpeakSentence>Wait<break time=\"2s\"/>, then A &gt; B</SpeakSentence></Response>",
                bxml);
        assertEquals(
                "Wait<break time=\"2s\"/>, then A &gt; B",
                ((SpeakSentence) reader.read(bxml).verbs().get(0)).text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            </Response><Hangup/>                     | &lt;/Response&gt;&lt;Hangup/&gt;
            a & b                                    | a &amp; b
            a &amp; b                                | a &amp;amp; b
            <break time="1s"/> & more                | &lt;break time="1s"/&gt; &amp; more
            Hi <audio src="https://evil.example"/>   | Hi &lt;audio src="https://evil.example"/&gt;
            <break time="1s">                        | &lt;break time="1s"&gt;
            x </fragment><break/><fragment> y        | x &lt;/fragment&gt;&lt;break/&gt;&lt;fragment&gt; y
            <s>no&nbsp;entities</s>                  | &lt;s&gt;no&amp;nbsp;entities&lt;/s&gt;
            <!DOCTYPE s [<!ENTITY x "y">]><s>&x;</s> | &lt;!DOCTYPE s [&lt;!ENTITY x "y"&gt;]&gt;&lt;s&gt;&amp;x;&lt;/s&gt;
            <break/><!-- comment only -->            | <break/>
            1 < 2                                    | 1 &lt; 2
            """)
    void onlyWellFormedSsmlStaysMarkup(String text, String expectedContent) {
        Response response = Response.of(SpeakSentence.of(text));

        String bxml = writer.write(response);

        assertEquals(
                Goldens.DECLARATION + "<Response><SpeakSentence>" + expectedContent + "</SpeakSentence></Response>",
                bxml);
        if (!expectedContent.startsWith("<")) {
            assertEquals(response, reader.read(bxml), "escaped text reads back exactly");
        }
    }

    @Test
    void readerRefusesAVerbInsideSpeakSentence() {
        BxmlException refused = assertThrows(
                BxmlException.class,
                () -> reader.read("<Response><SpeakSentence>Hi <Hangup/></SpeakSentence></Response>"));

        assertEquals(
                "<SpeakSentence> may not contain <Hangup>; allowed: text and the SSML elements "
                        + "break, emphasis, lang, p, phoneme, prosody, s, say-as, sub",
                refused.getMessage());
    }

    @Test
    void readerKeepsWhitespaceAroundSsmlElements() {
        Response read =
                reader.read("<Response><SpeakSentence>\n  <s>One</s>\n  <s>Two</s>\n</SpeakSentence></Response>");

        assertEquals(
                "\n  <s>One</s>\n  <s>Two</s>\n", ((SpeakSentence) read.verbs().get(0)).text());
        assertTrue(writer.write(read).contains("<SpeakSentence>\n  <s>One</s>\n  <s>Two</s>\n</SpeakSentence>"));
    }
}
