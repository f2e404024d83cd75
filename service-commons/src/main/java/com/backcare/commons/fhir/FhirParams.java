package com.backcare.commons.fhir;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.backcare.commons.problem.ApiProblem;
import com.backcare.commons.rest.QueryParams;
import com.backcare.commons.security.Caller;

/** FHIR search parameters as BackCare reads them: each wrong one a 400 (an OperationOutcome) naming it. */
public final class FhirParams {

    private FhirParams() {
    }

    /** {@code [from, to)} from {@code date} parameters ({@code ge}, {@code gt}, {@code le}, {@code lt}, {@code eq}). */
    public record Period(Instant from, Instant to) {
    }

    /** {@code patient=X} or {@code patient=Patient/X}; a patient searching without one searches their own. */
    public static String patient(String value, Caller caller) {
        if (value == null || value.isBlank()) {
            if (caller.isStaff()) {
                throw ApiProblem.invalidField("patient", "a search needs the patient (patient=<id>)");
            }
            return caller.subject();
        }
        String id = value.startsWith("Patient/") ? value.substring("Patient/".length()) : value;
        if (!id.matches(Caller.ID_PATTERN)) {
            throw ApiProblem.invalidField("patient", "must be a patient id or Patient/<id>");
        }
        return id;
    }

    public static int count(String value) {
        return QueryParams.wholeNumber("_count", value, Fhir.DEFAULT_COUNT, 1, Fhir.MAX_COUNT);
    }

    public static Period period(List<String> dates) {
        Instant from = null;
        Instant to = null;
        for (String date : dates == null ? List.<String>of() : dates) {
            String prefix = date.length() > 2 && Character.isLetter(date.charAt(0)) ? date.substring(0, 2) : "eq";
            String value = prefix.equals("eq") && !date.startsWith("eq") ? date : date.substring(2);
            Instant start;
            Instant end;
            try {
                if (value.length() == 10) {
                    start = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
                    end = start.plus(Duration.ofDays(1));
                } else {
                    start = OffsetDateTime.parse(value).toInstant();
                    end = start.plusMillis(1);
                }
            } catch (DateTimeParseException e) {
                throw ApiProblem.invalidField("date", "must be [ge|gt|le|lt|eq] then a date (2026-11-20) or a date-time "
                        + "with its offset (2026-11-20T08:00:00Z)");
            }
            QueryParams.instant("date", start.toString()); // within the years the database can hold
            switch (prefix) {
                case "ge" -> from = later(from, start);
                case "gt" -> from = later(from, end);
                case "le" -> to = earlier(to, end);
                case "lt" -> to = earlier(to, start);
                case "eq" -> {
                    from = later(from, start);
                    to = earlier(to, end);
                }
                default -> throw ApiProblem.invalidField("date", "the prefix " + prefix + " is not supported (ge, gt, le, lt, eq)");
            }
        }
        return new Period(from, to);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
