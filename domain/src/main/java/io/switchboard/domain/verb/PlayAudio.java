package io.switchboard.domain.verb;

/** Plays a wav or mp3 file from a URL (which may be relative to the URL that returned the BXML). */
public record PlayAudio(String url, String username, String password) implements Prompt {
    public PlayAudio {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("PlayAudio: url is required");
        }
    }

    public static PlayAudio of(String url) {
        return new PlayAudio(url, null, null);
    }

    @Override
    public String toString() {
        return "PlayAudio[url=" + url + ", username=" + username + ", password=" + (password == null ? null : "***") + "]";
    }
}
