package com.backcare.triage.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step in an alert's history: who did what, when, with what note. */
@Entity
@Table(name = "alert_change")
public class AlertChangeEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @NotNull
    @Column(name = "alert_id")
    public UUID alertId;
    @NotNull
    public Instant at;
    @NotBlank
    public String actor;
    @NotBlank
    public String action;
    public String note;

    public static AlertChangeEntity record(UUID alertId, Instant at, String actor, String action, String note) {
        AlertChangeEntity change = new AlertChangeEntity();
        change.alertId = alertId;
        change.at = at;
        change.actor = actor;
        change.action = action;
        change.note = note;
        change.persist();
        return change;
    }

    public static List<AlertChangeEntity> historyOf(UUID alertId) {
        return list("alertId = ?1 order by id", alertId);
    }
}
