package io.switchboard.application;

import akka.actor.testkit.typed.javadsl.ActorTestKit;
import com.typesafe.config.ConfigFactory;

/** A test kit whose actor system is a cluster node on a free port of 127.0.0.1, ready to join itself. */
public final class OneNodeCluster {
    private OneNodeCluster() {}

    public static ActorTestKit testKit() {
        return testKit("");
    }

    /** The same, with {@code config} (HOCON) over the node's own settings and the defaults. */
    public static ActorTestKit testKit(String config) {
        return ActorTestKit.create(ConfigFactory.parseString(config)
                .withFallback(ConfigFactory.parseString("""
                        akka.actor.provider = cluster
                        akka.remote.artery.canonical.hostname = 127.0.0.1
                        akka.remote.artery.canonical.port = 0
                        akka.actor.testkit.typed.single-expect-default = 20s
                        """))
                .withFallback(ConfigFactory.load()));
    }
}
