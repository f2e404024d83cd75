package com.backcare.events;

import java.util.List;

/**
 * The {@code data} of a patient-status change: the highest tier among the patient's open alerts ({@code NONE} when
 * there is none), the tier before, the open alerts and the advice the patient should see now.
 */
public record PatientStatusEventData(String tier, String previousTier, List<OpenAlert> openAlerts, List<String> advice) {

    /** One open alert, in brief. */
    public record OpenAlert(String alertId, String rule, String tier) {
    }
}
