package com.backcare.journal.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

/**
 * Marks an endpoint that reads or writes a patient's data. A successful call is recorded as {@link #value} in the
 * call's own transaction ({@link AuditedAccess}); a refused or failed one afterwards, by {@link AuditFilter}.
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Audited {

    /** The action recorded, e.g. ENTRY_CREATE. */
    @Nonbinding
    String value();
}
