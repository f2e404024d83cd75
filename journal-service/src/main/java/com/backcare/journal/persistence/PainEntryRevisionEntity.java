package com.backcare.journal.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import com.backcare.events.PainReport;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One revision of an entry: who made it, when, which fields changed, and the report as it then stood. */
@Entity
@Table(name = "pain_entry_revision")
public class PainEntryRevisionEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    @NotBlank
    public String action;
    @NotNull
    @Column(name = "changed_at")
    public Instant changedAt;
    @NotBlank
    @Column(name = "changed_by")
    public String changedBy;
    @NotBlank
    @Column(name = "changed_by_role")
    public String changedByRole;
    @NotNull
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    @Column(name = "changed_fields")
    public List<String> changedFields;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(Immutability.class)
    public PainReport report;

    public static List<PainEntryRevisionEntity> of(UUID entryId) {
        return list("key.entryId = ?1 order by key.revision", entryId);
    }

    /** Which revision of which entry. */
    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "entry_id")
        public UUID entryId;
        public int revision;

        public Key() {
        }

        public Key(UUID entryId, int revision) {
            this.entryId = entryId;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.entryId.equals(entryId) && k.revision == revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(entryId, revision);
        }
    }
}
