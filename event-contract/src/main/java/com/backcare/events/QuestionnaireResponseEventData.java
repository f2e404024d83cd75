package com.backcare.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code data} of a questionnaire response: which instrument, the answers as given (each item's linkId and the
 * code of the answer option), and the score the journal computed. A response is never changed; a new one is recorded.
 */
public record QuestionnaireResponseEventData(@NotBlank String responseId,
        @NotBlank @Pattern(regexp = "[a-z0-9-]{1,40}") String questionnaire, @NotNull Instant authored,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull Answer> answers, @NotNull @Valid Score score) {

    /** One answer: the item's linkId and the code of the chosen answer option. */
    public record Answer(@NotBlank @Size(max = 20) String linkId, @NotBlank @Size(max = 40) String code) {
    }

    /**
     * The instrument's scores. The STarT Back Screening Tool gives {@code total} (0-9), {@code psychosocial} (0-5)
     * and {@code riskGroup}; the Oswestry Disability Index gives {@code percent} (0-100) and {@code band}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Score(@Min(0) @Max(9) Integer total, @Min(0) @Max(5) Integer psychosocial,
            @Pattern(regexp = "LOW|MEDIUM|HIGH") String riskGroup, BigDecimal percent,
            @Pattern(regexp = "MINIMAL|MODERATE|SEVERE|CRIPPLED|BED_BOUND") String band) {

        public static Score startBack(int total, int psychosocial, String riskGroup) {
            return new Score(total, psychosocial, riskGroup, null, null);
        }

        public static Score disability(BigDecimal percent, String band) {
            return new Score(null, null, null, percent, band);
        }
    }
}
