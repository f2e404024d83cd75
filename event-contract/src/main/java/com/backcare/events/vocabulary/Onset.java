package com.backcare.events.vocabulary;

/** How the pain began. See journal-vocabulary.md. */
public enum Onset {
    SUDDEN,
    GRADUAL
}
