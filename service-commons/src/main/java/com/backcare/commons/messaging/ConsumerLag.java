package com.backcare.commons.messaging;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.eclipse.microprofile.config.Config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Consumer lag per consumed topic ({@code backcare_consumer_lag_records{topic}}): the records this instance's consumers
 * have yet to read, summed over the partitions they hold, from the Kafka client's own {@code records-lag} metrics.
 * Registered at start-up for every topic an incoming channel names, at zero until partitions are assigned; Kafka's
 * client metrics (also on {@code /q/metrics}) give the per-partition detail, but only once the binder finds them.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.topic");

    @Inject
    MeterRegistry metrics;
    @Inject
    Config config;

    /** The consumers the Kafka connector created (it announces each as a CDI event). */
    private final Set<Consumer<?, ?>> consumers = ConcurrentHashMap.newKeySet();

    void register(@Observes StartupEvent event) {
        Set<String> topics = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            Matcher m = INCOMING_TOPIC.matcher(name);
            if (m.matches()) {
                config.getOptionalValue(name, String.class).ifPresent(topics::add);
            }
        }
        for (String topic : topics) {
            Gauge.builder("backcare.consumer.lag.records", () -> lag(topic))
                    .description("Records not yet consumed by this instance, over the partitions it holds")
                    .tag("topic", topic).register(metrics);
        }
    }

    public void created(@Observes Consumer<?, ?> consumer) {
        consumers.add(consumer);
    }

    /** The sum of the client's per-partition lag for the topic (metrics are safe to read from any thread). */
    public double lag(String topic) {
        double sum = 0;
        for (Consumer<?, ?> consumer : consumers) {
            Map<MetricName, ? extends Metric> clientMetrics;
            try {
                clientMetrics = consumer.metrics();
            } catch (RuntimeException closed) {
                consumers.remove(consumer);
                continue;
            }
            for (Map.Entry<MetricName, ? extends Metric> metric : clientMetrics.entrySet()) {
                MetricName name = metric.getKey();
                if ("records-lag".equals(name.name()) && name.tags().containsKey("partition")
                        && topicMatches(topic, name.tags().get("topic"))) {
                    Object value = metric.getValue().metricValue();
                    if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
                        sum += n.doubleValue();
                    }
                }
            }
        }
        return sum;
    }

    private static boolean topicMatches(String topic, String tagged) {
        return topic.equals(tagged) || topic.replace('.', '_').equals(tagged);
    }
}
