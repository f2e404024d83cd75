package com.backcare.localstack;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.ValidatableResponse;

/** What tests expect of refused input: a 400 problem+json that names the field. */
public final class Problems {

    private Problems() {
    }

    /** The response is a 400 problem+json whose violations name {@code field}. */
    public static void names(ValidatableResponse response, String field) {
        response.statusCode(400).contentType(startsWith("application/problem+json")).body("status", equalTo(400))
                .body("violations.field", hasItem(field));
    }
}
