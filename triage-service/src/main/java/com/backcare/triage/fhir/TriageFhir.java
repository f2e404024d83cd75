package com.backcare.triage.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Reference;

import com.backcare.triage.domain.AlertStatus;
import com.backcare.triage.domain.Tier;
import com.backcare.triage.persistence.AlertChangeEntity;
import com.backcare.triage.persistence.AlertEntity;

/**
 * Triage's data as FHIR R4 resources: each alert a DetectedIssue (the rule its code, the tier its severity, the
 * journal Observations its evidence, acknowledgement and resolution its mitigations), and a patient's current status a
 * Flag.
 */
public final class TriageFhir {

    public static final String RULE_SYSTEM = "https://backcare.example/fhir/CodeSystem/triage-rule";
    public static final String TIER_SYSTEM = "https://backcare.example/fhir/CodeSystem/triage-tier";
    public static final String ACTION_SYSTEM = "https://backcare.example/fhir/CodeSystem/alert-action";
    /** The alert's lifecycle as DetectedIssue status: raised, acknowledged, resolved. */
    public static final Map<AlertStatus, DetectedIssue.DetectedIssueStatus> STATUS = Map.of(
            AlertStatus.OPEN, DetectedIssue.DetectedIssueStatus.REGISTERED,
            AlertStatus.ACKNOWLEDGED, DetectedIssue.DetectedIssueStatus.PRELIMINARY,
            AlertStatus.RESOLVED, DetectedIssue.DetectedIssueStatus.FINAL);

    private TriageFhir() {
    }

    public static DetectedIssue detectedIssue(AlertEntity alert, List<AlertChangeEntity> history) {
        DetectedIssue issue = new DetectedIssue();
        issue.setId(alert.id.toString());
        issue.getMeta().setLastUpdated(Date.from(alert.updatedAt))
                .addTag(new Coding(TIER_SYSTEM, alert.tier.name(), alert.tier.name()));
        issue.setStatus(STATUS.get(alert.status));
        issue.setCode(new CodeableConcept(new Coding(RULE_SYSTEM, alert.rule, alert.reason)).setText(alert.reason));
        issue.setSeverity(severity(alert.tier));
        issue.setPatient(new Reference("Patient/" + alert.patientId));
        issue.setIdentified(dateTime(alert.createdAt));
        issue.setDetail(alert.reason + (alert.evidenceWithdrawn
                ? " Every entry that was evidence has since been deleted or corrected." : ""));
        for (UUID entry : alert.evidence) {
            Reference observation = new Reference("Observation/" + entry);
            issue.addImplicated(observation);
            issue.addEvidence().addDetail(observation.copy());
        }
        for (AlertChangeEntity change : history) {
            if (change.action.equals("ACKNOWLEDGED") || change.action.equals("RESOLVED")) {
                String verb = change.action.equals("ACKNOWLEDGED") ? "Acknowledged" : "Resolved";
                issue.addMitigation()
                        .setAction(new CodeableConcept(new Coding(ACTION_SYSTEM, change.action, verb))
                                .setText(change.note == null ? verb : verb + ": " + change.note))
                        .setDateElement(dateTime(change.at))
                        .setAuthor(new Reference("Practitioner/" + change.actor));
            }
        }
        return issue;
    }

    /** The patient's status: active while an alert is open (its tier and advice), inactive otherwise. */
    public static Flag flag(String patientId, List<AlertEntity> openMostUrgentFirst) {
        Flag flag = new Flag();
        flag.setId(patientId);
        flag.setSubject(new Reference("Patient/" + patientId));
        flag.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/flag-category", "clinical",
                "Clinical")));
        if (openMostUrgentFirst.isEmpty()) {
            flag.setStatus(Flag.FlagStatus.INACTIVE);
            flag.setCode(new CodeableConcept(new Coding(TIER_SYSTEM, "NONE", "No open alert")).setText("No open alert"));
            return flag;
        }
        AlertEntity top = openMostUrgentFirst.get(0);
        flag.setStatus(Flag.FlagStatus.ACTIVE);
        flag.setCode(new CodeableConcept(new Coding(TIER_SYSTEM, top.tier.name(), top.tier.name()))
                .setText(top.tier.name() + ": " + String.join(" ", openMostUrgentFirst.stream().map(a -> a.advice)
                        .distinct().toList())));
        flag.getPeriod().setStartElement(dateTime(openMostUrgentFirst.stream().map(a -> a.createdAt)
                .min(Instant::compareTo).orElseThrow()));
        return flag;
    }

    public static DetectedIssue.DetectedIssueSeverity severity(Tier tier) {
        return switch (tier) {
            case EMERGENCY, URGENT -> DetectedIssue.DetectedIssueSeverity.HIGH;
            case SOON -> DetectedIssue.DetectedIssueSeverity.MODERATE;
            case ADVISORY -> DetectedIssue.DetectedIssueSeverity.LOW;
        };
    }

    static DateTimeType dateTime(Instant at) {
        DateTimeType t = new DateTimeType(Date.from(at));
        t.setTimeZone(TimeZone.getTimeZone("UTC"));
        return t;
    }
}
