package com.backcare.system.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.backcare.events.Topics;

/**
 * Watches triage's patient-status topic, as any subscriber of the product would, and completes a patient's future when
 * triage publishes that the patient's status is EMERGENCY. One consumer for the whole run: unlike polling each
 * patient's status over HTTP, watching costs the same however far behind triage is, so the measurement does not load
 * the system it measures (polling every 20 ms made a 1 s lag feed itself into a 10 s one).
 */
final class EmergencyWatcher implements AutoCloseable {

    private final Map<String, CompletableFuture<Long>> waiting = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    EmergencyWatcher(String bootstrap) {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.PATIENT_STATUS_EVENTS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fix the start before anything is posted
        thread = new Thread(() -> {
            try (consumer) {
                while (running) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(50))) {
                        if (record.value() != null && record.value().contains("\"tier\":\"EMERGENCY\"")) {
                            seen(record.key()).complete(System.nanoTime());
                        }
                    }
                }
            }
        }, "emergency-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Completes with {@link System#nanoTime()} when the patient's EMERGENCY status is published. */
    CompletableFuture<Long> seen(String patientId) {
        return waiting.computeIfAbsent(patientId, id -> new CompletableFuture<>());
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
