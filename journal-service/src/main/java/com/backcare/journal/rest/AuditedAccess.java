package com.backcare.journal.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import com.backcare.journal.domain.AuditTrail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Runs an audited endpoint in one transaction with its audit record: a successful write and the record of who made
 * it commit together (or not at all), at the cost of one transaction instead of two. When the call fails, its
 * transaction rolls back and {@link AuditFilter} records the refusal on its own.
 */
@Audited("")
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100) // outside @Transactional (PLATFORM_BEFORE + 200), which joins
public class AuditedAccess {

    /** Set on the request once its success has been recorded, so the response filter does not record it again. */
    static final String RECORDED = AuditedAccess.class.getName() + ".recorded";

    /** Where each endpoint takes its patientId path parameter (-1: nowhere), found once per method, not per call. */
    private static final Map<Method, Integer> PATIENT_ID_POSITION = new ConcurrentHashMap<>();

    @Inject
    AuditTrail trail;
    @Inject
    SecurityIdentity identity;
    @Inject
    RoutingContext request;

    @AroundInvoke
    Object recordWithTheCall(InvocationContext call) throws Exception {
        Audited audited = call.getMethod().getAnnotation(Audited.class);
        String patientId = patientIdOf(call);
        if (audited == null || patientId == null) {
            return call.proceed();
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            Object result = call.proceed();
            int status = result instanceof Response response ? response.getStatus() : 200;
            AuditTrail.Access access = AuditFilter.accessOf(identity, patientId, audited.value(), status);
            if (status < 400 && access != null) {
                trail.recordInThisTransaction(access);
                request.put(RECORDED, Boolean.TRUE);
            }
            return result;
        });
    }

    private static String patientIdOf(InvocationContext call) {
        int position = PATIENT_ID_POSITION.computeIfAbsent(call.getMethod(), AuditedAccess::patientIdPosition);
        return position >= 0 && call.getParameters()[position] instanceof String id ? id : null;
    }

    private static int patientIdPosition(Method method) {
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof PathParam p && p.value().equals("patientId")) {
                    return i;
                }
            }
        }
        return -1;
    }
}
