package com.backcare.triage;

import com.backcare.localstack.LocalStackTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every triage test runs against the same real Kafka broker and PostgreSQL database ("triage"). */
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "triage"))
public final class TriageTestStack {

    private TriageTestStack() {
    }
}
