package com.backcare.localstack;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends dead-lettered records back to the topic they came from, byte for byte with their original key and headers
 * (the {@code dead-letter-*} ones dropped, a {@code replayed-from} one added), once whatever made them fail is fixed.
 * Consumers deduplicate by event id, so replaying a record twice is harmless; a record that still cannot be applied
 * simply lands in the dead-letter topic again. Progress is kept by the consumer group {@value #GROUP}, so each run
 * replays only what arrived since the last one.
 *
 * <pre>./replay-dead-letters [--bootstrap-servers HOST:PORT] [--dry-run] TOPIC</pre>
 */
public final class DeadLetterReplay {

    static final String GROUP = "backcare-dead-letter-replay";
    static final String ORIGIN_TOPIC = "dead-letter-topic";

    private DeadLetterReplay() {
    }

    public static void main(String[] args) {
        String bootstrap = "127.0.0.1:19092";
        boolean dryRun = false;
        String topic = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--bootstrap-servers" -> bootstrap = args[++i];
                case "--dry-run" -> dryRun = true;
                default -> topic = args[i];
            }
        }
        if (topic == null) {
            System.err.println("usage: replay-dead-letters [--bootstrap-servers HOST:PORT] [--dry-run] DEAD_LETTER_TOPIC");
            System.exit(2);
        }
        int replayed = replay(bootstrap, topic, dryRun);
        System.out.println((dryRun ? "would replay " : "replayed ") + replayed + " record(s) from " + topic);
    }

    /** Replays every record of the dead-letter topic not yet replayed; returns how many. */
    public static int replay(String bootstrapServers, String deadLetterTopic, boolean dryRun) {
        Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, Object> producerConfig = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        int count = 0;
        try (var consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
                var producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic).stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Set<TopicPartition> done = new java.util.HashSet<>();
            while (done.size() < partitions.size()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    ProducerRecord<byte[], byte[]> original = original(record);
                    System.out.printf("%s-%d@%d -> %s: %s%n", record.topic(), record.partition(), record.offset(),
                            original.topic(), header(record, "dead-letter-reason"));
                    if (!dryRun) {
                        producer.send(original);
                    }
                    count++;
                }
                for (TopicPartition partition : partitions) {
                    if (consumer.position(partition) >= end.get(partition)) {
                        done.add(partition);
                    }
                }
            }
            if (!dryRun) {
                producer.flush();
                consumer.commitSync();
            }
        }
        return count;
    }

    /** The record as it was before it was dead-lettered. */
    static ProducerRecord<byte[], byte[]> original(ConsumerRecord<byte[], byte[]> deadLetter) {
        String topic = header(deadLetter, ORIGIN_TOPIC);
        if (topic == null) {
            throw new IllegalArgumentException("record " + deadLetter.offset() + " names no " + ORIGIN_TOPIC);
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header h : deadLetter.headers()) {
            if (!h.key().startsWith("dead-letter-")) {
                headers.add(h);
            }
        }
        headers.add("replayed-from", (deadLetter.topic() + "-" + deadLetter.partition() + "@" + deadLetter.offset())
                .getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, deadLetter.key(), deadLetter.value(), headers);
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
