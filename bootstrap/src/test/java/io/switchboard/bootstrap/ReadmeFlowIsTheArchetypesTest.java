package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The README's example flow is the one a new project starts from: the archetype's {@code MenuFlow}, in the
 * package the README's {@code archetype:generate} command gives it. Change one and this test asks for the other.
 */
class ReadmeFlowIsTheArchetypesTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void theReadmeShowsTheArchetypesFlowWordForWord() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        String flow = Files.readString(
                        ROOT.resolve("archetype/src/main/resources/archetype-resources/src/main/java/MenuFlow.java"))
                .replace("${package}", "com.acme.ivr")
                .strip();

        assertTrue(readme.contains("-Dpackage=com.acme.ivr"), "the README's generate command names the package");
        assertTrue(
                readme.contains("```java\n" + flow + "\n```"),
                "README.md must show archetype-resources/src/main/java/MenuFlow.java as a java block, word for word");
    }
}
