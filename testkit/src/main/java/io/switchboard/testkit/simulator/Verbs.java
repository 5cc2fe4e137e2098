package io.switchboard.testkit.simulator;

import io.switchboard.domain.verb.Conference;
import io.switchboard.domain.verb.Forward;
import io.switchboard.domain.verb.Gather;
import io.switchboard.domain.verb.Pause;
import io.switchboard.domain.verb.PlayAudio;
import io.switchboard.domain.verb.Record;
import io.switchboard.domain.verb.Redirect;
import io.switchboard.domain.verb.Ring;
import io.switchboard.domain.verb.SendDtmf;
import io.switchboard.domain.verb.SpeakSentence;
import io.switchboard.domain.verb.Transfer;
import io.switchboard.domain.verb.TransferTarget;
import io.switchboard.domain.verb.Verb;
import java.time.Duration;
import java.util.stream.Collectors;

/** How long verbs take on a call's virtual clock, and how they read in reports and assertion messages. */
final class Verbs {
    /** Text-to-speech speaks about 150 words a minute. */
    private static final double WORDS_PER_SECOND = 2.5;
    /** What an audio file of unknown length is taken to last. */
    static final Duration AUDIO_FILE = Duration.ofSeconds(5);
    /** How long two connected parties talk when nobody says otherwise (a transfer, a bridge, a forward). */
    static final Duration TALK = Duration.ofSeconds(20);

    private Verbs() {}

    /** How long {@code verb} plays before the next one runs; zero for verbs that take no time of their own. */
    static Duration playTime(Verb verb) {
        if (verb instanceof SpeakSentence speak) {
            long words = speak.text().strip().split("\\s+").length;
            return seconds(Math.max(1.0, words / WORDS_PER_SECOND));
        }
        if (verb instanceof PlayAudio) {
            return AUDIO_FILE;
        }
        if (verb instanceof Pause pause) {
            return seconds(pause.duration() == null ? 1.0 : pause.duration());
        }
        if (verb instanceof Ring ring) {
            return seconds(ring.duration() == null ? 5.0 : ring.duration());
        }
        if (verb instanceof SendDtmf dtmf) {
            double toneMillis = (dtmf.toneDuration() == null ? 200 : dtmf.toneDuration())
                    + (dtmf.toneInterval() == null ? 400 : dtmf.toneInterval());
            return seconds(dtmf.digits().length() * toneMillis / 1000.0);
        }
        return Duration.ZERO;
    }

    /** Whether {@code verb} waits for the caller: they press keys, speak, talk or sit in a conference. */
    static boolean waitsForCaller(Verb verb) {
        return verb instanceof Gather
                || verb instanceof Record
                || verb instanceof Transfer
                || verb instanceof Conference;
    }

    static Duration seconds(double value) {
        return Duration.ofMillis(Math.round(value * 1000));
    }

    /** A short, readable account of {@code verb}, e.g. {@code speaks "Welcome..."}. */
    static String describe(Verb verb) {
        if (verb instanceof SpeakSentence speak) {
            return "speaks \"" + speak.text() + "\"";
        }
        if (verb instanceof PlayAudio play) {
            return "plays " + play.url();
        }
        if (verb instanceof Gather gather) {
            return "gathers digits" + (gather.maxDigits() == null ? "" : " (at most " + gather.maxDigits() + ")");
        }
        if (verb instanceof Record) {
            return "records";
        }
        if (verb instanceof Transfer transfer) {
            return "transfers to "
                    + transfer.targets().stream().map(TransferTarget::address).collect(Collectors.joining(", "));
        }
        if (verb instanceof Conference conference) {
            return "joins the conference " + conference.name();
        }
        if (verb instanceof Redirect redirect) {
            return "redirects"
                    + (redirect.redirect() == null
                            ? ""
                            : " to " + redirect.redirect().url());
        }
        if (verb instanceof Forward forward) {
            return "forwards to " + forward.to();
        }
        return verb.verbName();
    }
}
