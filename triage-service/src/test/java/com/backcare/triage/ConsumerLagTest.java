package com.backcare.triage;

import static com.backcare.localstack.Callers.newId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import com.backcare.commons.messaging.ConsumerLag;
import com.backcare.localstack.Events;
import com.backcare.localstack.SharedTestStack;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The lag gauge reads what a real consumer has yet to read, from the Kafka client's own metrics. */
@QuarkusTest
class ConsumerLagTest {

    @Inject
    ConsumerLag lag;

    @Test
    void theLagOfATopicIsWhatItsConsumersHaveYetToRead() {
        String topic = newId("lag-test");
        for (int i = 0; i < 10; i++) {
            Events.send(topic, "key", "record " + i);
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedTestStack.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, newId("lag-group"),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 4),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            lag.created(consumer);
            int read = 0;
            while (read < 4) {
                read += consumer.poll(Duration.ofMillis(500)).count();
            }
            assertEquals(6.0, lag.lag(topic), "10 records sent, 4 read");
        }
    }
}
