package com.backcare.triage.persistence;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

import com.backcare.triage.domain.ClinicSettings;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A clinic's triage thresholds (durations in seconds). */
@Entity
@Table(name = "clinic_settings")
public class ClinicSettingsEntity extends PanacheEntityBase {

    @Id
    @Column(name = "clinic_id")
    public String clinicId;
    @Min(18)
    @Max(100)
    @Column(name = "age_threshold")
    public int ageThreshold;
    @Positive
    @Column(name = "acknowledge_emergency")
    public long acknowledgeEmergency;
    @Positive
    @Column(name = "acknowledge_urgent")
    public long acknowledgeUrgent;
    @Positive
    @Column(name = "acknowledge_soon")
    public long acknowledgeSoon;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;

    public static ClinicSettings of(String clinicId) {
        ClinicSettingsEntity row = findById(clinicId);
        return row == null ? ClinicSettings.defaults() : row.toSettings();
    }

    public ClinicSettings toSettings() {
        return new ClinicSettings(ageThreshold, Duration.ofSeconds(acknowledgeEmergency),
                Duration.ofSeconds(acknowledgeUrgent), Duration.ofSeconds(acknowledgeSoon));
    }
}
