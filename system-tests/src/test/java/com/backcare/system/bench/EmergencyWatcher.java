package com.backcare.system.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.backcare.events.EventJson;
import com.backcare.events.Topics;

/**
 * Watches triage's patient-status topic, as any subscriber of the product would, and completes a patient's future when
 * triage publishes that the patient's status is EMERGENCY. One consumer for the whole run: unlike polling each
 * patient's status over HTTP, watching costs the same however far behind triage is, so the measurement does not load
 * the system it measures (polling every 20 ms made a 1 s lag feed itself into a 10 s one).
 * <p>
 * It also reads the journal's topic, so that each alert's path can be split into its hops ({@link Seen}).
 */
final class EmergencyWatcher implements AutoCloseable {

    /**
     * When the patient's EMERGENCY status arrived, and the wall-clock times (ms) along the way: the journal's event
     * reached Kafka (its record's timestamp, set when the journal's relay sent it; 0 if not seen), triage made the
     * status event (its {@code time}, inside the transaction that applied the entry), the status reached Kafka (set
     * when triage's relay sent it), and the watcher received it.
     */
    record Seen(long arrivedNanos, long journalOnKafka, long statusMade, long statusOnKafka, long arrived) {
    }

    private final Map<String, CompletableFuture<Seen>> waiting = new ConcurrentHashMap<>();
    private final Map<String, Long> journalOnKafka = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    EmergencyWatcher(String bootstrap) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = Stream.of(Topics.PATIENT_STATUS_EVENTS, Topics.JOURNAL_EVENTS)
                .flatMap(topic -> consumer.partitionsFor(topic).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start before anything is posted
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        if (record.topic().equals(Topics.JOURNAL_EVENTS)) {
                            if (waiting.containsKey(record.key())) {
                                journalOnKafka.putIfAbsent(record.key(), record.timestamp());
                            }
                        } else if (record.value() != null && record.value().contains("\"tier\":\"EMERGENCY\"")) {
                            emergency(record);
                        }
                    }
                }
            }
        }, "emergency-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void emergency(ConsumerRecord<String, String> record) {
        long arrivedNanos = System.nanoTime();
        long arrived = System.currentTimeMillis();
        long made;
        try {
            made = Instant.parse(EventJson.mapper().readTree(record.value()).path("time").asText()).toEpochMilli();
        } catch (Exception e) {
            made = record.timestamp();
        }
        Long journal = journalOnKafka.remove(record.key());
        seen(record.key()).complete(new Seen(arrivedNanos, journal == null ? 0 : journal, made, record.timestamp(), arrived));
    }

    /** Completes when the patient's EMERGENCY status is published. */
    CompletableFuture<Seen> seen(String patientId) {
        return waiting.computeIfAbsent(patientId, id -> new CompletableFuture<>());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
