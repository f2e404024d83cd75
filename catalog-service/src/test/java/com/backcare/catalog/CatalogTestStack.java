package com.backcare.catalog;

import com.backcare.localstack.LocalStackTestResource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/** Every catalog test runs against the same real Kafka broker and PostgreSQL database ("catalog"). */
@WithTestResource(value = LocalStackTestResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "database", value = "catalog"))
public final class CatalogTestStack {

    private CatalogTestStack() {
    }
}
