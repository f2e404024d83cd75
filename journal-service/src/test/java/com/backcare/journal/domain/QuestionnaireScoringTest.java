package com.backcare.journal.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.backcare.events.QuestionnaireResponseEventData.Answer;
import com.backcare.events.QuestionnaireResponseEventData.Score;
import com.backcare.journal.persistence.QuestionnaireLibrary;

/** The scoring rules of both instruments, on the shipped definitions, without a database or a server. */
class QuestionnaireScoringTest {

    private static final Instrument START_BACK = QuestionnaireLibrary.shipped().byId("start-back").orElseThrow();
    private static final Instrument ODI = QuestionnaireLibrary.shipped().byId("odi").orElseThrow();

    /** Items 1-8 agreed where listed (the rest disagreed), item 9 answered with {@code bother}. */
    private static Score startBack(List<Integer> agreed, String bother) {
        List<Answer> answers = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            answers.add(new Answer(Integer.toString(i), agreed.contains(i) ? "agree" : "disagree"));
        }
        answers.add(new Answer("9", bother));
        Instrument.Checked checked = START_BACK.check(answers);
        assertEquals(List.of(), checked.violations());
        return START_BACK.scoring().score(checked.itemScores());
    }

    @Test
    void aTotalOfThreeOrLessIsLowRiskWhateverTheSubscore() {
        assertEquals(Score.startBack(3, 3, "LOW"), startBack(List.of(5, 6, 7), "not-at-all"));
        assertEquals(Score.startBack(0, 0, "LOW"), startBack(List.of(), "moderately"));
    }

    @Test
    void aTotalOfFourOrMoreIsHighRiskOnlyWithAPsychosocialSubscoreOfFourOrMore() {
        assertEquals(Score.startBack(4, 3, "MEDIUM"), startBack(List.of(1, 5, 6, 7), "slightly"));
        assertEquals(Score.startBack(4, 4, "HIGH"), startBack(List.of(5, 6, 7), "very-much"));
        assertEquals(Score.startBack(9, 5, "HIGH"), startBack(List.of(1, 2, 3, 4, 5, 6, 7, 8), "extremely"));
    }

    @Test
    void bothersomenessScoresOnlyForVeryMuchOrExtremely() {
        for (String none : List.of("not-at-all", "slightly", "moderately")) {
            assertEquals(0, startBack(List.of(), none).total(), none);
        }
        assertEquals(1, startBack(List.of(), "very-much").psychosocial());
        assertEquals(1, startBack(List.of(), "extremely").psychosocial());
    }

    private static Score odi(int... sections) {
        List<Answer> answers = new ArrayList<>();
        for (int i = 0; i < sections.length; i++) {
            if (sections[i] >= 0) {
                answers.add(new Answer(Integer.toString(i + 1), Integer.toString(sections[i])));
            }
        }
        Instrument.Checked checked = ODI.check(answers);
        assertEquals(List.of(), checked.violations());
        return ODI.scoring().score(checked.itemScores());
    }

    @Test
    void theOswestryIndexIsTheSumOverFivePerSectionAnswered() {
        assertEquals(Score.disability(new BigDecimal("32.0"), "MODERATE"), odi(3, 1, 2, 2, 2, 2, 2, 0, 1, 1));
        assertEquals(Score.disability(new BigDecimal("35.6"), "MODERATE"), odi(3, 1, 2, 2, 2, 2, 2, -1, 1, 1));
        assertEquals(Score.disability(new BigDecimal("0.0"), "MINIMAL"), odi(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertEquals(Score.disability(new BigDecimal("100.0"), "BED_BOUND"), odi(5, 5, 5, 5, 5, 5, 5, 5, 5, 5));
    }

    @Test
    void theBandsIncludeTheirUpperBound() {
        assertEquals("MINIMAL", odi(1, 1, 1, 1, 1, 1, 1, 1, 1, 1).band()); // 20.0
        assertEquals("MODERATE", odi(2, 2, 2, 2, 2, 2, 2, 2, 2, 2).band()); // 40.0
        assertEquals("SEVERE", odi(3, 3, 3, 3, 3, 3, 3, 3, 3, 3).band()); // 60.0
        assertEquals("CRIPPLED", odi(4, 4, 4, 4, 4, 4, 4, 4, 4, 4).band()); // 80.0
        assertEquals("MODERATE", odi(1, 1, 1, 1, 1, 1, 1, 1, 1, 2).band()); // 22.0
    }

    @Test
    void twoOswestrySectionsLeftOutAreTooMany() {
        Instrument.Checked checked = ODI.check(List.of(new Answer("1", "2"), new Answer("2", "2"), new Answer("3", "2"),
                new Answer("4", "2"), new Answer("5", "2"), new Answer("6", "2"), new Answer("7", "2"), new Answer("9", "2")));
        assertEquals(1, checked.violations().size());
        assertTrue(checked.violations().get(0).message().contains("missing 8, 10"), checked.violations().toString());
    }

    @Test
    void anAnswerIsCheckedAgainstItsOwnItem() {
        Instrument.Checked checked = START_BACK.check(List.of(new Answer("9", "agree"), new Answer("1", "extremely")));
        assertEquals(List.of("answers[0].code", "answers[1].code", "answers"),
                checked.violations().stream().map(Instrument.Violation::field).toList());
    }
}
