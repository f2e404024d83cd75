package com.backcare.triage.domain;

import static com.backcare.events.vocabulary.SymptomCode.BLADDER_DYSFUNCTION;
import static com.backcare.events.vocabulary.SymptomCode.BOWEL_DYSFUNCTION;
import static com.backcare.events.vocabulary.SymptomCode.NUMBNESS;
import static com.backcare.events.vocabulary.SymptomCode.SADDLE_NUMBNESS;
import static com.backcare.events.vocabulary.SymptomCode.SEXUAL_DYSFUNCTION;
import static com.backcare.events.vocabulary.SymptomCode.WEAKNESS;

import java.util.List;

import com.backcare.events.vocabulary.LegSide;

/**
 * The rule set, to be read side by side with shared/domain/triage-rules.md: each rule keeps the document's id and
 * tier. Every alert records {@link #VERSION}; change it whenever a rule changes.
 */
public final class TriageRules {

    public static final String VERSION = "2026.11-1";

    private static final String GO_TO_EMERGENCY = "Go to an emergency department now, or call emergency services. "
            + "Do not wait for a call back from your clinic.";

    /** Cauda equina compression (seed 000: bladder or bowel dysfunction is an emergency; NICE NG59's pathway). */
    static final List<EntryRule> CAUDA_EQUINA = List.of(
            new EntryRule("CES_BLADDER", Tier.EMERGENCY, c -> c.has(BLADDER_DYSFUNCTION),
                    "New bladder dysfunction reported with back pain: possible cauda equina syndrome.", GO_TO_EMERGENCY),
            new EntryRule("CES_BOWEL", Tier.EMERGENCY, c -> c.has(BOWEL_DYSFUNCTION),
                    "Loss of bowel control reported with back pain: possible cauda equina syndrome.", GO_TO_EMERGENCY),
            new EntryRule("CES_SADDLE", Tier.EMERGENCY, c -> c.has(SADDLE_NUMBNESS),
                    "Numbness in the saddle area (groin, buttocks, inner thighs): possible cauda equina syndrome.",
                    GO_TO_EMERGENCY),
            new EntryRule("CES_SEXUAL", Tier.EMERGENCY, c -> c.has(SEXUAL_DYSFUNCTION),
                    "New sexual dysfunction reported with back pain: possible cauda equina syndrome.", GO_TO_EMERGENCY),
            new EntryRule("CES_BILATERAL", Tier.EMERGENCY,
                    c -> c.hasOnSide(NUMBNESS, LegSide.BOTH) || c.hasOnSide(WEAKNESS, LegSide.BOTH),
                    "Numbness or weakness in both legs: possible cauda equina syndrome.", GO_TO_EMERGENCY));

    private static final List<EntryRule> ENTRY_RULES = CAUDA_EQUINA;

    private TriageRules() {
    }

    public static List<EntryRule> entryRules() {
        return ENTRY_RULES;
    }

    /** Every single-entry rule that fires on this entry, most urgent first. */
    public static List<Finding> evaluate(EntryContext context) {
        return ENTRY_RULES.stream().filter(rule -> rule.firesWhen().test(context)).map(EntryRule::finding)
                .sorted(java.util.Comparator.comparingInt(f -> f.tier().rank())).toList();
    }
}
