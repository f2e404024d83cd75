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

import com.backcare.commons.persistence.JdbcStatement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step in an alert's history: who did what, when, with what note. */
@Entity
@Table(name = "alert_change")
public class AlertChangeEntity extends PanacheEntityBase {

    private static final JdbcStatement RECORD = JdbcStatement.of("INSERT INTO alert_change (alert_id, at, actor, action, "
            + "note) VALUES (?1, ?2, ?3, ?4, ?5)");

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

    /**
     * Appends a step with one plain INSERT: a poll records many, and as persisted entities each would stay in the
     * persistence context for every later flush to check. The alert's row must already be written (flushed).
     */
    public static void record(UUID alertId, Instant at, String actor, String action, String note) {
        RECORD.update(getEntityManager(), alertId, at, actor, action, note);
    }

    public static List<AlertChangeEntity> historyOf(UUID alertId) {
        return list("alertId = ?1 order by id", alertId);
    }
}
