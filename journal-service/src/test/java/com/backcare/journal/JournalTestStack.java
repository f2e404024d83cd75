package com.backcare.journal;

import com.backcare.localstack.LocalStackTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every journal test runs against the same real Kafka broker and PostgreSQL database ("journal"). */
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "journal"))
public final class JournalTestStack {

    private JournalTestStack() {
    }
}
