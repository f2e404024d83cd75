package com.backcare.triage.domain;

import com.backcare.triage.persistence.FhirSubscriptionEntity;

/** Where a FHIR Subscription's own notices go (its handshake), joining the caller's transaction. */
public interface SubscriptionNotices {

    /** Queues the handshake that, once the endpoint accepts it, makes the subscription active. */
    void handshake(FhirSubscriptionEntity subscription);
}
