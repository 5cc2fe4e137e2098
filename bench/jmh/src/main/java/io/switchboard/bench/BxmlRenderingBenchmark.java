package io.switchboard.bench;

import io.switchboard.adapters.bxml.BxmlReader;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.bxml.CallbackUrls;
import io.switchboard.domain.common.FileFormat;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.Tracks;
import io.switchboard.domain.verb.Voice;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What the BXML adapter costs per webhook reply: rendering a typical IVR reply and a 20-verb reply (with and
 * without callback-URL filling), and reading the typical reply back (as templates and the linter do).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BxmlRenderingBenchmark {

    /** A greeting, then a one-digit menu whose digits come back to this service. */
    static final Response TYPICAL_IVR_REPLY = Response.builder()
            .speakSentence("Welcome to Switchboard.")
            .gather(gather -> gather.maxDigits(1)
                    .firstDigitTimeout(5)
                    .speakSentence("Press 1 for sales, 2 for support, or 3 to leave a message."))
            .build();

    /** Twenty verbs of most kinds, their callbacks left for the writer to fill (the Redirect names its own). */
    static final Response TWENTY_VERB_REPLY = Response.builder()
            .tag("campaign-42")
            .startRecording(recording -> recording
                    .transcribe(true)
                    .detectLanguage(false)
                    .tag("call-recording")
                    .fileFormat(FileFormat.WAV)
                    .multiChannel(true))
            .startGather(startGather -> {})
            .speakSentence(
                    "Hello <emphasis level=\"strong\">there</emphasis>, thanks for calling.",
                    sentence -> sentence.voice(Voice.JULIE))
            .playAudio("https://media.example.com/jingle.mp3")
            .pause(pause -> pause.duration(0.5))
            .gather(gather -> gather.maxDigits(4)
                    .terminatingDigits("#")
                    .interDigitTimeout(3)
                    .repeatCount(2)
                    .speakSentence("Enter your account number, then press pound.")
                    .playAudio("https://media.example.com/beep.wav"))
            .stopGather()
            .pauseRecording()
            .sendDtmf("1234w#", dtmf -> dtmf.toneDuration(150).toneInterval(300))
            .resumeRecording()
            .startStream(
                    "wss://stream.example.com/audio",
                    stream -> stream.name("live")
                            .tracks(Tracks.BOTH)
                            .streamParam("customer", "42")
                            .streamParam("queue", "support"))
            .startTranscription(transcription -> transcription
                    .name("live-text")
                    .destination("wss://text.example.com/in")
                    .customParam("language", "en"))
            .ring(ring -> ring.duration(2))
            .record(record -> record.maxDuration(120).transcribe(true).fileFormat(FileFormat.MP3))
            .stopTranscription(transcription -> transcription.name("live-text"))
            .stopStream(stream -> stream.name("live"))
            .transfer(transfer -> transfer.transferCallerId("+15555550100")
                    .callTimeout(20)
                    .phoneNumber("+15555550123")
                    .phoneNumber("+15555550124"))
            .conference(
                    "support-room", conference -> conference.coach("c-agent-1").callbackTimeout(10))
            .redirect(redirect -> redirect.redirectUrl("https://ivr.example.com/voice/next"))
            .build();

    private final BxmlWriter writer = new BxmlWriter();
    private final BxmlWriter writerWithCallbackUrls =
            new BxmlWriter(CallbackUrls.under("https://ivr.example.com/voice"));
    private final BxmlReader reader = new BxmlReader();
    private final String typicalIvrBxml = writerWithCallbackUrls.write(TYPICAL_IVR_REPLY);

    @Benchmark
    public String renderTypicalIvrReply() {
        return writer.write(TYPICAL_IVR_REPLY);
    }

    @Benchmark
    public String renderTypicalIvrReplyWithCallbackUrls() {
        return writerWithCallbackUrls.write(TYPICAL_IVR_REPLY);
    }

    @Benchmark
    public String renderTwentyVerbReply() {
        return writer.write(TWENTY_VERB_REPLY);
    }

    @Benchmark
    public String renderTwentyVerbReplyWithCallbackUrls() {
        return writerWithCallbackUrls.write(TWENTY_VERB_REPLY);
    }

    @Benchmark
    public Response readTypicalIvrReply() {
        return reader.read(typicalIvrBxml);
    }
}
