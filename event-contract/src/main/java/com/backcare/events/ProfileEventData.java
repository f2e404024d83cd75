package com.backcare.events;

import jakarta.validation.Valid;

/** The {@code data} of a profile change: the whole profile at that revision. */
public record ProfileEventData(int revision, @Valid PatientProfile profile) {
}
