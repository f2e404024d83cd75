package com.backcare.events.vocabulary;

/** An injury before the pain: MINOR is a lift, stumble or minor fall; MAJOR a car accident, fall from height or heavy blow. See journal-vocabulary.md. */
public enum Trauma {
    NONE,
    MINOR,
    MAJOR
}
