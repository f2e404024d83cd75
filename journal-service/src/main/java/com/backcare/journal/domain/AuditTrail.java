package com.backcare.journal.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.backcare.commons.paging.Cursor;
import com.backcare.commons.rest.OpaqueIds;
import com.backcare.commons.paging.Page;
import com.backcare.commons.security.Caller;
import com.backcare.journal.persistence.AuditRecordEntity;

/** Records every access to a patient's data, and lets a clinic-admin read their clinic's records. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    OpaqueIds ids;

    @Inject
    Caller caller;

    Clock clock = Clock.systemUTC();

    /** What one request did to one patient's data. */
    public record Access(String clinicId, String patientId, String actor, String role, String action, int status) {

        String outcome() {
            if (status < 400) {
                return "SUCCESS";
            }
            return switch (status) {
                case 403 -> "DENIED";
                case 404 -> "NOT_FOUND";
                default -> status >= 500 ? "ERROR" : "REJECTED";
            };
        }
    }

    /** In a transaction of its own, so a failed request is recorded too. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Access access) {
        recordInThisTransaction(access);
    }

    /** With the access itself: the record commits if and only if what it records does. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordInThisTransaction(Access access) {
        AuditRecordEntity.append(clock.instant(), access.clinicId(), access.patientId(), access.actor(), access.role(),
                access.action(), access.outcome(), access.status());
    }

    @Transactional
    public Page<AuditRecordEntity> records(String clinicId, String patientId, Instant from, Instant to, String cursor,
            int limit) {
        caller.requireOwnClinic(clinicId);
        Instant afterAt = null;
        Long afterId = null;
        if (cursor != null) {
            List<Object> key = Cursor.read(cursor, 2, parts -> List.of(Cursor.instant(parts.get(0)), ids.decode(clinicId, parts.get(1), "cursor")));
            afterAt = (Instant) key.get(0);
            afterId = (Long) key.get(1);
        }
        return Page.of(AuditRecordEntity.page(clinicId, patientId, from, to, afterAt, afterId, limit + 1), limit,
                last -> Cursor.encode(last.at, ids.encode(clinicId, last.id)));
    }
}
