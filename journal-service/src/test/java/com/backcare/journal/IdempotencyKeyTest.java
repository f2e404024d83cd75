package com.backcare.journal;

import static com.backcare.localstack.Callers.asPatient;
import static com.backcare.journal.Requests.entriesOf;
import static com.backcare.localstack.Callers.newId;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Retries through a gateway never create duplicates. */
@QuarkusTest
class IdempotencyKeyTest {

    private static final String BODY = "{\"intensity\": 5, \"qualities\": [\"DULL\"]}";

    private String clinic;
    private String patient;

    @BeforeEach
    void newPatient() {
        clinic = newId("clinic");
        patient = newId("pat");
    }

    @Test
    void theSameKeyAndBodyReturnTheFirstResultAndStoreNothingNew() {
        String key = UUID.randomUUID().toString();
        String first = asPatient(clinic, patient).header("Idempotency-Key", key).body(BODY).post(entriesOf(patient))
                .then().statusCode(201).extract().path("id");
        asPatient(clinic, patient).header("Idempotency-Key", key).body(BODY).post(entriesOf(patient))
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith(first))
                .body("id", equalTo(first));
        asPatient(clinic, patient).get(entriesOf(patient)).then().body("items", hasSize(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        asPatient(clinic, patient).header("Idempotency-Key", key).body(BODY).post(entriesOf(patient)).then().statusCode(201);
        asPatient(clinic, patient).header("Idempotency-Key", key).body("{\"intensity\": 9}").post(entriesOf(patient))
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.containsString("idempotency-key-reused"));
        asPatient(clinic, patient).get(entriesOf(patient)).then().body("items", hasSize(1));
    }

    @Test
    void withoutAKeyEveryPostIsANewEntry() {
        asPatient(clinic, patient).body(BODY).post(entriesOf(patient)).then().statusCode(201);
        asPatient(clinic, patient).body(BODY).post(entriesOf(patient)).then().statusCode(201);
        asPatient(clinic, patient).get(entriesOf(patient)).then().body("items", hasSize(2));
    }

    @Test
    void concurrentRetriesWithOneKeyStoreOneEntry() throws Exception {
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Callable<String> post = () -> asPatient(clinic, patient).header("Idempotency-Key", key).body(BODY)
                        .post(entriesOf(patient)).then().statusCode(201).extract().path("id");
                ids.add(pool.submit(post));
            }
            var distinct = new HashSet<String>();
            for (Future<String> id : ids) {
                distinct.add(id.get());
            }
            assertEquals(1, distinct.size());
        } finally {
            pool.shutdownNow();
        }
        asPatient(clinic, patient).get(entriesOf(patient)).then().body("items", hasSize(1));
    }

    @Test
    void aMalformedKeyNamesTheHeader() {
        asPatient(clinic, patient).header("Idempotency-Key", "x".repeat(300)).body(BODY).post(entriesOf(patient))
                .then().statusCode(400).body("violations[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void keysArePerPatient() {
        String key = UUID.randomUUID().toString();
        String other = newId("pat");
        asPatient(clinic, patient).header("Idempotency-Key", key).body(BODY).post(entriesOf(patient)).then().statusCode(201);
        asPatient(clinic, other).header("Idempotency-Key", key).body(BODY).post(entriesOf(other))
                .then().statusCode(201).header("Idempotent-Replayed", org.hamcrest.Matchers.nullValue());
    }
}
