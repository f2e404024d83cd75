package com.backcare.commons.problem;

import java.util.List;

/** Thrown by a service to answer with a specific problem; mapped to problem+json by {@link ProblemMappers}. */
public class ApiProblem extends RuntimeException {

    private final transient Problem problem;

    public ApiProblem(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(Problem.of("not-found", "Not Found", 404, detail));
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(Problem.of("forbidden", "Forbidden", 403, detail));
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(Problem.of("conflict", "Conflict", 409, detail));
    }

    public static ApiProblem unprocessable(String typeSlug, String detail) {
        return new ApiProblem(Problem.of(typeSlug, "Unprocessable Content", 422, detail));
    }

    /** A 400 naming one field, for rules that bean validation cannot express (a time relative to now, say). */
    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(Problem.of("validation", "Bad Request", 400, field + ": " + message)
                .withViolations(List.of(new Problem.Violation(field, message))));
    }
}
