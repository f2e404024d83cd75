package com.backcare.events;

/** The {@code data} of a profile change: the whole profile at that revision. */
public record ProfileEventData(int revision, PatientProfile profile) {
}
