package com.backcare.system.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Kafka's own perf tools (kafka-tools), run as child JVMs against the benchmark's broker: the physical anchors. */
final class KafkaAnchors {

    private KafkaAnchors() {
    }

    /** EndToEndLatency: produce with acks=all and consume, one message at a time. */
    static String endToEndLatency(String bootstrap) throws Exception {
        List<String> lines = run("org.apache.kafka.tools.EndToEndLatency", bootstrap, "bench.end-to-end-latency", "5000",
                "all", "500");
        return "Kafka EndToEndLatency (5,000 messages of 500 bytes, acks=all): " + String.join("; ",
                lines.stream().filter(l -> l.startsWith("Avg latency") || l.startsWith("Percentiles")).map(String::trim)
                        .toList());
    }

    /** ConsumerPerformance: how fast a plain consumer reads {@code messages} records of the topic. */
    static String consumerPerformance(String bootstrap, String topic, int messages) throws Exception {
        List<String> lines = run("org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server", bootstrap, "--topic",
                topic, "--messages", Integer.toString(messages), "--group", "bench-" + UUID.randomUUID());
        String header = null;
        String values = null;
        for (String line : lines) {
            if (line.startsWith("start.time")) {
                header = line;
            } else if (header != null && values == null && line.matches("\\d{4}-\\d{2}-\\d{2} .*")) {
                // the values start with start.time; the tool's classpath also prints logging lines in between
                values = line;
            }
        }
        if (header == null || values == null) {
            return "Kafka ConsumerPerformance: no result (" + String.join(" / ", lines) + ")";
        }
        String[] names = header.split(",\\s*");
        String[] numbers = values.split(",\\s*");
        for (int i = 0; i < names.length && i < numbers.length; i++) {
            if (names[i].trim().equals("nMsg.sec")) {
                return "Kafka ConsumerPerformance on the same topic: **" + Math.round(Double.parseDouble(numbers[i].trim()))
                        + " records/s**";
            }
        }
        return "Kafka ConsumerPerformance: " + values;
    }

    private static List<String> run(String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                lines.add(line);
            }
        }
        p.waitFor(3, TimeUnit.MINUTES);
        return lines;
    }
}
