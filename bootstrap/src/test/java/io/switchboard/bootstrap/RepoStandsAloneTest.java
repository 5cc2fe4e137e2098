package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository is read on its own: its docs and sources never send a reader to the team's working notes, and
 * no relative link of a Markdown page leads out of the repository.
 */
class RepoStandsAloneTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Names of the team's notes, which live outside the repository. */
    private static final Pattern NOTES = Pattern.compile("bandwidth-notes|DESIGN\\.md|STYLE\\.md|\\.\\./shared");

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)#\\s]+)[^)]*\\)");

    @Test
    void noFileNamesTheTeamsNotes() {
        List<String> mentions = sources()
                .flatMap(file -> lines(file)
                        .filter(line -> NOTES.matcher(line).find())
                        .map(line -> ROOT.relativize(file) + ": " + line.strip()))
                .toList();
        assertEquals(List.of(), mentions);
    }

    @Test
    void relativeLinksOfThePagesStayInTheRepository() {
        List<String> escaping = sources()
                .filter(file -> file.toString().endsWith(".md"))
                .flatMap(file -> lines(file).flatMap(line -> {
                    Matcher link = MARKDOWN_LINK.matcher(line);
                    Stream.Builder<String> found = Stream.builder();
                    while (link.find()) {
                        String target = link.group(1);
                        boolean relative = !target.contains(":");
                        if (relative
                                && !file.getParent().resolve(target).normalize().startsWith(ROOT)) {
                            found.add(ROOT.relativize(file) + " links to " + target);
                        }
                    }
                    return found.build();
                }))
                .toList();
        assertEquals(List.of(), escaping);
    }

    private static Stream<Path> sources() {
        try {
            return Files.walk(ROOT)
                    .filter(Files::isRegularFile)
                    .filter(file ->
                            ROOT.relativize(file).toString().split("/")[0].matches("[^.].*"))
                    .filter(file -> !file.toString().contains("/target/"))
                    .filter(file -> file.toString().matches(".*\\.(md|java|conf|xml|yaml|yml|sh|properties)"))
                    .filter(file -> !file.getFileName().toString().equals("RepoStandsAloneTest.java"))
                    .toList()
                    .stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
