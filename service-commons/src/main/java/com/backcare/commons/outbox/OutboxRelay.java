package com.backcare.commons.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.InvalidTransactionException;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import com.backcare.commons.persistence.NativeSql;
import com.backcare.commons.tracing.Traces;
import com.backcare.events.EventEnvelope;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes outbox rows to Kafka (channel {@code outbox}) in id order and deletes them only after Kafka acknowledged
 * every one, so an event is never lost: if Kafka is down the rows wait; if the process dies between the send and the
 * delete, the rows are sent again (consumers deduplicate by event id). A commit wakes the relay at once; otherwise it
 * polls. A PostgreSQL advisory lock lets one instance publish at a time, which keeps per-patient order when several
 * instances run.
 */
@ApplicationScoped
@IfBuildProperty(name = "backcare.outbox.enabled", stringValue = "true")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6f7574626f78L; // "outbox"
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 1024)
    MutinyEmitter<String> emitter;
    @Inject
    EntityManager em;
    @Inject
    OutboxConfig config;
    @Inject
    MeterRegistry metrics;
    @Inject
    TransactionManager transactions;

    private final Semaphore wake = new Semaphore(0);
    /**
     * Sends not yet settled, by outbox row id. When a batch times out (the broker away), its records stay in the
     * producer, which keeps retrying them; the next attempt waits for those same sends instead of sending the rows
     * again, so a broker outage does not multiply records on the topic.
     */
    private final Map<Long, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread worker;
    private Timer commitToAck;
    private Counter published;

    /** One row of the outbox table. */
    private record Row(long id, String topic, String key, String payload, Instant createdAt, String traceParent) {
    }

    void start(@Observes StartupEvent event) {
        commitToAck = Timer.builder("outbox.commit.to.ack")
                .description("Time from an event's commit to Kafka's acknowledgement")
                .publishPercentiles(0.5, 0.95, 0.99).register(metrics);
        published = Counter.builder("outbox.published").register(metrics);
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake.release();
        worker.join(TimeUnit.SECONDS.toMillis(10));
    }

    void onCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventOutbox.OutboxAppended appended) {
        wake.release();
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try {
                wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                while (running && publishBatch() == config.batchSize()) {
                    // a full batch: more may be waiting
                }
                backoff = Duration.ofMillis(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Outbox relay could not publish, retrying in %d ms: %s", backoff.toMillis(), rootMessage(e));
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Publishes up to one batch; returns how many rows it published. */
    int publishBatch() {
        int timeoutSeconds = (int) config.sendTimeout().toSeconds() + 10;
        return QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            Boolean locked = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<Row> batch = oldest(config.batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            awaitAcknowledgements(batch);
            em.createNativeQuery("DELETE FROM outbox_event WHERE id = ANY (?1)")
                    .setParameter(1, batch.stream().mapToLong(Row::id).boxed().toArray(Long[]::new)).executeUpdate();
            batch.forEach(row -> inFlight.remove(row.id()));
            Instant acked = Instant.now();
            batch.forEach(row -> commitToAck.record(Duration.between(row.createdAt(), acked)));
            published.increment(batch.size());
            return batch.size();
        });
    }

    @SuppressWarnings("unchecked")
    private List<Row> oldest(int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT id, topic, message_key, payload, created_at, trace_parent FROM outbox_event "
                + "ORDER BY id LIMIT ?1", Object[].class).setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                NativeSql.instant(r[4]), (String) r[5])).toList();
    }

    /**
     * Sends the batch and waits for every acknowledgement. The transaction is suspended meanwhile (its connection and
     * advisory lock stay held): otherwise context propagation would carry it onto Kafka's callback threads.
     */
    private void awaitAcknowledgements(List<Row> batch) throws SystemException, InvalidTransactionException {
        Transaction transaction = transactions.suspend();
        try {
            CompletableFuture<?>[] sends = batch.stream().map(row -> inFlight.compute(row.id(),
                    (id, sending) -> sending == null || sending.isCompletedExceptionally()
                            ? send(row).subscribeAsCompletionStage()
                            : sending))
                    .toArray(CompletableFuture[]::new);
            CompletableFuture.allOf(sends).get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch: " + e, e);
        } finally {
            transactions.resume(transaction);
        }
    }

    private Uni<Void> send(Row row) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", EventEnvelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        Message<String> message = Message.of(row.payload()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.topic()).withKey(row.key()).withHeaders(headers).build());
        if (row.traceParent() != null) {
            // published in the trace of the write that made it: the connector adds the record's traceparent header
            message = message.addMetadata(TracingMetadata.withCurrent(Traces.fromParent(row.traceParent())));
        }
        return emitter.sendMessage(message);
    }


    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
