package com.backcare.commons.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Readiness of a service with an outbox. Kafka being away does not make it unready: writes are still accepted and
 * their events wait in the outbox, which is the point of having one. What this check reports is that backlog (rows
 * and the age of the oldest), so an operator sees Kafka trouble without the gateway turning writes away.
 */
@Readiness
@ApplicationScoped
@IfBuildProperty(name = "backcare.outbox.enabled", stringValue = "true")
public class OutboxHealth implements HealthCheck {

    @Inject
    EntityManager em;

    @Override
    public HealthCheckResponse call() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(
                "SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)), 0) FROM outbox_event",
                Object[].class).getSingleResult());
        long pending = ((Number) row[0]).longValue();
        long oldestSeconds = Math.round(((Number) row[1]).doubleValue());
        return HealthCheckResponse.named("Transactional outbox").up()
                .withData("pendingEvents", pending).withData("oldestPendingSeconds", oldestSeconds).build();
    }
}
