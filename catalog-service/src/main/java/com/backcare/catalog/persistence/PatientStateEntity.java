package com.backcare.catalog.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import com.backcare.commons.persistence.PatientKey;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A patient's diagnosed conditions (from profile events), triage status (from patient-status events) and latest
 * STarT Back risk group (from questionnaire events).
 */
@Entity
@Table(name = "patient_state")
public class PatientStateEntity extends PanacheEntityBase {

    @EmbeddedId
    public PatientKey key;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public List<String> conditions = new ArrayList<>();
    @Column(name = "profile_revision")
    public int profileRevision;
    @Column(name = "triage_tier")
    public String triageTier = "NONE";
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "triage_advice")
    public List<String> triageAdvice = new ArrayList<>();
    @Column(name = "status_time")
    public Instant statusTime;
    /** The latest STarT Back risk group (LOW, MEDIUM, HIGH), or null before the first screening. */
    @Column(name = "start_back_risk")
    public String startBackRisk;
    @Column(name = "start_back_at")
    public Instant startBackAt;

    /** A new patient's state, not yet persisted: persist it once it holds what it should, so it is inserted complete. */
    public static PatientStateEntity of(PatientKey key) {
        PatientStateEntity state = new PatientStateEntity();
        state.key = key;
        return state;
    }
}
