package com.backcare.commons.fhir;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.backcare.commons.problem.Problem;

/**
 * Errors under {@code /fhir/r4} speak FHIR: the problem every mapper produced becomes an OperationOutcome, one issue
 * for the problem and one per offending field (its {@code expression}), with the same status.
 */
public class FhirErrors {

    @ServerResponseFilter
    public void asOperationOutcome(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Problem problem && request.getUriInfo().getPath().startsWith(Fhir.BASE_PATH)) {
            response.setEntity(Fhir.json(outcome(problem)), null, MediaType.valueOf(Fhir.JSON));
        }
    }

    public static OperationOutcome outcome(Problem problem) {
        OperationOutcome outcome = new OperationOutcome();
        IssueType code = issueType(problem.status());
        if (problem.violations() == null || problem.violations().isEmpty()) {
            outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code).setDiagnostics(problem.detail());
        }
        if (problem.violations() != null) {
            for (Problem.Violation violation : problem.violations()) {
                outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(code)
                        .setDiagnostics(violation.field() + ": " + violation.message())
                        .setExpression(java.util.List.of(new StringType(violation.field())));
            }
        }
        return outcome;
    }

    static IssueType issueType(int status) {
        return switch (status) {
            case 400, 422 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404, 410 -> IssueType.NOTFOUND;
            case 409, 412 -> IssueType.CONFLICT;
            case 413 -> IssueType.TOOCOSTLY;
            case 415, 406 -> IssueType.NOTSUPPORTED;
            case 429 -> IssueType.THROTTLED;
            case 503 -> IssueType.TRANSIENT;
            default -> IssueType.EXCEPTION;
        };
    }
}
