package com.backcare.triage.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The pure core of a re-evaluation: given the findings stored for the part of a patient's timeline that was
 * re-evaluated and the findings the rules produce for it now, what must change. Findings no longer produced are
 * withdrawn; findings whose evidence moved get the new evidence; findings new or produced again are activated (the
 * caller attaches them to the rule's open alert, or raises one); and each existing alert learns how its findings moved.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    /** Which rule fired on which entry. */
    public record FindingKey(String rule, UUID anchorEntryId) {
    }

    /** A stored finding, as far as reconciliation needs it. */
    public record Stored(UUID alertId, List<UUID> evidence, boolean active) {
    }

    /** A finding the rules produce now, and when its anchor entry was recorded. */
    public record Current(Finding finding, Instant anchorRecordedAt) {
    }

    /** How one alert's findings moved. */
    public static final class AlertMove {
        int activated;
        int withdrawn;
        boolean evidenceAdded;
        boolean evidenceWithdrawn;

        public int activated() {
            return activated;
        }

        public int withdrawn() {
            return withdrawn;
        }

        public boolean evidenceAdded() {
            return evidenceAdded;
        }

        public boolean evidenceWithdrawn() {
            return evidenceWithdrawn;
        }

        /** One more finding of this alert holds. */
        public void activated(int count) {
            activated += count;
        }
    }

    /**
     * @param withdraw findings to mark as no longer holding
     * @param reEvidenced findings that still hold, with their new evidence
     * @param activate findings to attach to their rule's open alert (stored ones inactive until now, or new)
     * @param moves existing alerts whose findings were withdrawn or re-evidenced
     */
    public record Plan(Set<FindingKey> withdraw, Map<FindingKey, List<UUID>> reEvidenced, Map<FindingKey, Current> activate,
            Map<UUID, AlertMove> moves) {
    }

    public static Plan of(Map<FindingKey, Stored> stored, Map<FindingKey, Current> current) {
        Set<FindingKey> withdraw = new LinkedHashSet<>();
        Map<FindingKey, List<UUID>> reEvidenced = new LinkedHashMap<>();
        Map<FindingKey, Current> activate = new LinkedHashMap<>();
        Map<UUID, AlertMove> moves = new LinkedHashMap<>();
        stored.forEach((key, finding) -> {
            if (finding.active() && !current.containsKey(key)) {
                withdraw.add(key);
                moves.computeIfAbsent(finding.alertId(), id -> new AlertMove()).withdrawn++;
            }
        });
        current.forEach((key, now) -> {
            Stored before = stored.get(key);
            if (before == null || !before.active()) {
                activate.put(key, now);
                return;
            }
            List<UUID> evidence = now.finding().evidence();
            if (!before.evidence().equals(evidence)) {
                AlertMove move = moves.computeIfAbsent(before.alertId(), id -> new AlertMove());
                move.evidenceAdded |= !before.evidence().containsAll(evidence);
                move.evidenceWithdrawn |= !evidence.containsAll(before.evidence());
                reEvidenced.put(key, evidence);
            }
        });
        return new Plan(withdraw, reEvidenced, activate, moves);
    }
}
