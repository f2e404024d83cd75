package com.backcare.triage.domain;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.backcare.commons.security.Caller;
import com.backcare.triage.persistence.ClinicSettingsEntity;

/** A clinic's triage thresholds; changing a deadline reschedules the clinic's open, unacknowledged alerts. */
@ApplicationScoped
public class SettingsService {

    @Inject
    Caller caller;

    Clock clock = Clock.systemUTC();

    @Transactional
    public ClinicSettings settings(String clinicId) {
        caller.requireOwnClinic(clinicId);
        return ClinicSettingsEntity.of(clinicId);
    }

    @Transactional
    public ClinicSettings update(String clinicId, ClinicSettings settings) {
        caller.requireOwnClinic(clinicId);
        ClinicSettingsEntity row = ClinicSettingsEntity.findById(clinicId);
        if (row == null) {
            row = new ClinicSettingsEntity();
            row.clinicId = clinicId;
        }
        row.ageThreshold = settings.ageThreshold();
        row.acknowledgeEmergency = settings.acknowledgeEmergency().toSeconds();
        row.acknowledgeUrgent = settings.acknowledgeUrgent().toSeconds();
        row.acknowledgeSoon = settings.acknowledgeSoon().toSeconds();
        row.updatedAt = clock.instant();
        row.updatedBy = caller.subject();
        row.persist();
        for (Tier tier : new Tier[] { Tier.EMERGENCY, Tier.URGENT, Tier.SOON }) {
            reschedule(clinicId, tier, settings.acknowledgeWithin(tier).orElseThrow());
        }
        return settings;
    }

    private static void reschedule(String clinicId, Tier tier, Duration deadline) {
        ClinicSettingsEntity.getEntityManager().createNativeQuery("UPDATE alert SET next_escalation_at = created_at "
                + "+ make_interval(secs => ?1 * (escalation_level + 1)) WHERE clinic_id = ?2 AND status = 'OPEN' AND tier = ?3")
                .setParameter(1, (double) deadline.toSeconds()).setParameter(2, clinicId).setParameter(3, tier.name())
                .executeUpdate();
    }
}
