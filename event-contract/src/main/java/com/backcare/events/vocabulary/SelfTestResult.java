package com.backcare.events.vocabulary;

/** What a self-assessment movement test showed. See journal-vocabulary.md. */
public enum SelfTestResult {
    NO_PAIN,
    REPRODUCES_PAIN,
    COULD_NOT_PERFORM
}
