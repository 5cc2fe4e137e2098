package io.switchboard.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.Config;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwitchboardConfigTest {

    @Test
    void seedNodesAndRolesComeFromCommaSeparatedVariables() {
        Config config = SwitchboardConfig.load(Map.of(
                SwitchboardConfig.SEED_NODES, "akka://switchboard@127.0.0.1:25520, akka://switchboard@127.0.0.1:25521",
                SwitchboardConfig.ROLES, "webhooks"));
        assertEquals(List.of("akka://switchboard@127.0.0.1:25520", "akka://switchboard@127.0.0.1:25521"),
                config.getStringList("akka.cluster.seed-nodes"));
        assertEquals(List.of("webhooks"), config.getStringList("akka.cluster.roles"));
    }

    @Test
    void withoutVariablesTheNodeHasNoSeedsAndJoinsItself() {
        Config config = SwitchboardConfig.load(Map.of(SwitchboardConfig.SEED_NODES, "  "));
        assertEquals(List.of(), config.getStringList("akka.cluster.seed-nodes"));
        assertEquals(8080, config.getInt("switchboard.http.port"));
        assertEquals("akka.cluster.sbr.SplitBrainResolverProvider", config.getString("akka.cluster.downing-provider-class"));
    }
}
