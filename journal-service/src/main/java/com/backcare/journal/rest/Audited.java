package com.backcare.journal.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks an endpoint that reads or writes a patient's data; {@link AuditFilter} records each call as {@link #value}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    /** The action recorded, e.g. ENTRY_CREATE. */
    String value();
}
