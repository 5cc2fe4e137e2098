package io.switchboard.bench;

import io.switchboard.adapters.http.json.VoiceChannel;
import io.switchboard.adapters.http.json.VoiceEventDecoder;
import io.switchboard.adapters.http.json.WebhookObjectMapper;
import io.switchboard.bench.payloads.WebhookPayloads;
import io.switchboard.domain.common.VoiceEvent;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What decoding one webhook costs, per contract channel: {@link VoiceEventDecoder#decode(VoiceChannel, byte[])}
 * (parse, check the event type against the channel, build the domain event) of a body shaped like Bandwidth's
 * (bench/payloads), as the HTTP adapter runs it on every request.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WebhookDecodingBenchmark {

    @Param({
        "answer",
        "initiate",
        "disconnect",
        "transferAnswer",
        "transferDisconnect",
        "redirect",
        "recordingComplete",
        "transcriptionAvailable",
        "gather",
        "conferenceCreated",
        "conferenceMemberJoin",
        "conferenceMemberExit",
        "conferenceCompleted",
    })
    public String channel;

    private VoiceEventDecoder decoder;
    private VoiceChannel voiceChannel;
    private byte[] body;

    @Setup
    public void setUp() {
        decoder = new VoiceEventDecoder(WebhookObjectMapper.create());
        voiceChannel = VoiceChannel.forPath(channel).orElseThrow();
        body = WebhookPayloads.body(channel, "c-15ac29a2-1331029c-2cb0-4a07-b215-b22865662d85");
        // A body the decoder refuses would measure the error path: fail the run instead.
        decoder.decode(voiceChannel, body);
    }

    @Benchmark
    public VoiceEvent decode() {
        return decoder.decode(voiceChannel, body);
    }
}
