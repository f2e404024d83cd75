package com.backcare.journal;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** journal-service settings ({@code journal.*}). */
@ConfigMapping(prefix = "journal")
public interface JournalConfig {

    Outbox outbox();

    /** How the outbox relay publishes. */
    interface Outbox {
        /** How often the relay looks for rows when no commit has woken it. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Rows published per transaction. */
        @WithDefault("100")
        int batchSize();

        /** How long a batch may wait for Kafka's acknowledgements before it is retried. */
        @WithDefault("20s")
        Duration sendTimeout();
    }
}
