package io.switchboard.domain.verb;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A BXML document: the verbs Bandwidth runs, in order. An empty response ends the call, as {@code <Hangup/>}
 * would. Each verb checked its own values when it was built; whether the verbs may answer a given event (and
 * whether any follow a Redirect) is for {@link BxmlRules}; the 64 KB limit on the rendered document is checked
 * by the BXML writer, the only place that knows the rendered size.
 */
public record Response(List<Verb> verbs) implements Reply {
    private static final Response EMPTY = new Response(List.of());

    public Response {
        verbs = List.copyOf(verbs);
    }

    public static Response empty() {
        return EMPTY;
    }

    public static Response of(Verb... verbs) {
        return new Response(List.of(verbs));
    }

    public static Builder builder() {
        return new Builder();
    }

    public boolean isEmpty() {
        return verbs.isEmpty();
    }

    /**
     * One method per verb, named as the verb, in the shape of the verb's factories (see {@link Verb}): a verb
     * with required values takes them ({@code speakSentence("Hi")}), optionally with a customiser of its builder
     * ({@code speakSentence("Hi", s -> s.voice(Voice.JULIE))}); a verb without takes a customiser
     * ({@code gather(g -> g.maxDigits(1).speakSentence("Press 1"))}); a verb without attributes takes nothing
     * ({@code hangup()}); each also takes the built verb.
     */
    public static final class Builder {
        private final List<Verb> verbs = new ArrayList<>();

        private Builder() {}

        public Builder add(Verb verb) {
            verbs.add(verb);
            return this;
        }

        public Builder bridge(String targetCall) {
            return add(Bridge.of(targetCall));
        }

        public Builder bridge(String targetCall, Consumer<Bridge.Builder> customiser) {
            return add(Verbs.built(Bridge.builder(targetCall), customiser, Bridge.Builder::build));
        }

        public Builder bridge(Bridge verb) {
            return add(verb);
        }

        public Builder conference(String name) {
            return add(Conference.of(name));
        }

        public Builder conference(String name, Consumer<Conference.Builder> customiser) {
            return add(Verbs.built(Conference.builder(name), customiser, Conference.Builder::build));
        }

        public Builder conference(Conference verb) {
            return add(verb);
        }

        public Builder forward(String to) {
            return add(Forward.of(to));
        }

        public Builder forward(String to, Consumer<Forward.Builder> customiser) {
            return add(Verbs.built(Forward.builder(to), customiser, Forward.Builder::build));
        }

        public Builder forward(Forward verb) {
            return add(verb);
        }

        public Builder gather(Consumer<Gather.Builder> customiser) {
            return add(Verbs.built(Gather.builder(), customiser, Gather.Builder::build));
        }

        public Builder gather(Gather verb) {
            return add(verb);
        }

        public Builder hangup() {
            return add(Hangup.of());
        }

        public Builder pause(Consumer<Pause.Builder> customiser) {
            return add(Verbs.built(Pause.builder(), customiser, Pause.Builder::build));
        }

        public Builder pause(Pause verb) {
            return add(verb);
        }

        public Builder pauseRecording() {
            return add(PauseRecording.of());
        }

        public Builder playAudio(String url) {
            return add(PlayAudio.of(url));
        }

        public Builder playAudio(String url, Consumer<PlayAudio.Builder> customiser) {
            return add(Verbs.built(PlayAudio.builder(url), customiser, PlayAudio.Builder::build));
        }

        public Builder playAudio(PlayAudio verb) {
            return add(verb);
        }

        public Builder record(Consumer<Record.Builder> customiser) {
            return add(Verbs.built(Record.builder(), customiser, Record.Builder::build));
        }

        public Builder record(Record verb) {
            return add(verb);
        }

        /** A redirect: to {@code r.redirectUrl(...)}, or without one to this service's {@code /redirect} channel. */
        public Builder redirect(Consumer<Redirect.Builder> customiser) {
            return add(Verbs.built(Redirect.builder(), customiser, Redirect.Builder::build));
        }

        public Builder redirect(Redirect verb) {
            return add(verb);
        }

        public Builder refer(String sipUri) {
            return add(Refer.of(sipUri));
        }

        public Builder refer(String sipUri, Consumer<Refer.Builder> customiser) {
            return add(Verbs.built(Refer.builder(sipUri), customiser, Refer.Builder::build));
        }

        public Builder refer(Refer verb) {
            return add(verb);
        }

        public Builder resumeRecording() {
            return add(ResumeRecording.of());
        }

        public Builder ring(Consumer<Ring.Builder> customiser) {
            return add(Verbs.built(Ring.builder(), customiser, Ring.Builder::build));
        }

        public Builder ring(Ring verb) {
            return add(verb);
        }

        public Builder sendDtmf(String digits) {
            return add(SendDtmf.of(digits));
        }

        public Builder sendDtmf(String digits, Consumer<SendDtmf.Builder> customiser) {
            return add(Verbs.built(SendDtmf.builder(digits), customiser, SendDtmf.Builder::build));
        }

        public Builder sendDtmf(SendDtmf verb) {
            return add(verb);
        }

        public Builder speakSentence(String text) {
            return add(SpeakSentence.of(text));
        }

        public Builder speakSentence(String text, Consumer<SpeakSentence.Builder> customiser) {
            return add(Verbs.built(SpeakSentence.builder(text), customiser, SpeakSentence.Builder::build));
        }

        public Builder speakSentence(SpeakSentence verb) {
            return add(verb);
        }

        public Builder startGather(Consumer<StartGather.Builder> customiser) {
            return add(Verbs.built(StartGather.builder(), customiser, StartGather.Builder::build));
        }

        public Builder startGather(StartGather verb) {
            return add(verb);
        }

        public Builder startRecording(Consumer<StartRecording.Builder> customiser) {
            return add(Verbs.built(StartRecording.builder(), customiser, StartRecording.Builder::build));
        }

        public Builder startRecording(StartRecording verb) {
            return add(verb);
        }

        public Builder startStream(String destination) {
            return add(StartStream.of(destination));
        }

        public Builder startStream(String destination, Consumer<StartStream.Builder> customiser) {
            return add(Verbs.built(StartStream.builder(destination), customiser, StartStream.Builder::build));
        }

        public Builder startStream(StartStream verb) {
            return add(verb);
        }

        public Builder startTranscription(Consumer<StartTranscription.Builder> customiser) {
            return add(Verbs.built(StartTranscription.builder(), customiser, StartTranscription.Builder::build));
        }

        public Builder startTranscription(StartTranscription verb) {
            return add(verb);
        }

        public Builder stopGather() {
            return add(StopGather.of());
        }

        public Builder stopRecording() {
            return add(StopRecording.of());
        }

        public Builder stopStream(Consumer<StopStream.Builder> customiser) {
            return add(Verbs.built(StopStream.builder(), customiser, StopStream.Builder::build));
        }

        public Builder stopStream(StopStream verb) {
            return add(verb);
        }

        public Builder stopTranscription(Consumer<StopTranscription.Builder> customiser) {
            return add(Verbs.built(StopTranscription.builder(), customiser, StopTranscription.Builder::build));
        }

        public Builder stopTranscription(StopTranscription verb) {
            return add(verb);
        }

        public Builder tag(String value) {
            return add(Tag.of(value));
        }

        public Builder tag(Tag verb) {
            return add(verb);
        }

        public Builder transfer(Consumer<Transfer.Builder> customiser) {
            return add(Verbs.built(Transfer.builder(), customiser, Transfer.Builder::build));
        }

        public Builder transfer(Transfer verb) {
            return add(verb);
        }

        public Response build() {
            return new Response(verbs);
        }
    }
}
