package io.switchboard.bench;

import io.switchboard.adapters.bxml.BxmlReader;
import io.switchboard.adapters.bxml.BxmlWriter;
import io.switchboard.adapters.bxml.CallbackUrls;
import io.switchboard.domain.common.FileFormat;
import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.PauseRecording;
import io.switchboard.domain.verb.PhoneNumber;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Response;
import io.switchboard.domain.verb.ResumeRecording;
import io.switchboard.domain.verb.Ring;
import io.switchboard.domain.verb.SendDtmf;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.domain.verb.StartGather;
import io.switchboard.domain.verb.StartRecording;
import io.switchboard.domain.verb.StartStream;
import io.switchboard.domain.verb.StartTranscription;
import io.switchboard.domain.verb.StopGather;
import io.switchboard.domain.verb.StopStream;
import io.switchboard.domain.verb.StopTranscription;
import io.switchboard.domain.verb.Tag;
import io.switchboard.domain.verb.Tracks;
import io.switchboard.domain.verb.Transfer;
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
            .speak("Welcome to Switchboard.")
            .add(Gather.builder()
                    .maxDigits(1)
                    .firstDigitTimeout(5)
                    .speak("Press 1 for sales, 2 for support, or 3 to leave a message.")
                    .build())
            .build();

    /** Twenty verbs of most kinds, their callbacks left for the writer to fill (the Redirect names its own). */
    static final Response TWENTY_VERB_REPLY = Response.builder()
            .add(new Tag("campaign-42"))
            .add(new StartRecording(null, true, false, null, null, null, "call-recording", FileFormat.WAV, true))
            .add(new StartGather())
            .add(new SpeakSentence(
                    "Hello <emphasis level=\"strong\">there</emphasis>, thanks for calling.", Voice.JULIE, null, null))
            .play("https://media.example.com/jingle.mp3")
            .pause(0.5)
            .add(Gather.builder()
                    .maxDigits(4)
                    .terminatingDigits("#")
                    .interDigitTimeout(3)
                    .repeatCount(2)
                    .speak("Enter your account number, then press pound.")
                    .play("https://media.example.com/beep.wav")
                    .build())
            .add(new StopGather())
            .add(new PauseRecording())
            .add(new SendDtmf("1234w#", 150.0, 300.0))
            .add(new ResumeRecording())
            .add(StartStream.to("wss://stream.example.com/audio")
                    .name("live")
                    .tracks(Tracks.BOTH)
                    .param("customer", "42")
                    .param("queue", "support")
                    .build())
            .add(StartTranscription.builder()
                    .name("live-text")
                    .destination("wss://text.example.com/in")
                    .param("language", "en")
                    .build())
            .add(Ring.seconds(2))
            .add(Record.builder()
                    .maxDuration(120)
                    .transcribe(true)
                    .fileFormat(FileFormat.MP3)
                    .build())
            .add(new StopTranscription("live-text"))
            .add(StopStream.named("live"))
            .add(Transfer.builder()
                    .transferCallerId("+15555550100")
                    .callTimeout(20)
                    .target(PhoneNumber.of("+15555550123"))
                    .target(PhoneNumber.of("+15555550124"))
                    .build())
            .add(Conference.builder("support-room")
                    .coach("c-agent-1")
                    .callbackTimeout(10)
                    .build())
            .redirect("https://ivr.example.com/voice/next")
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
