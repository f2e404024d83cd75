package com.backcare.catalog;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.backcare.events.Topics;
import com.backcare.localstack.PrometheusText;

import io.quarkus.test.junit.QuarkusTest;

/** The catalog's series for an on-call team are exposed from start-up, before they first move. */
@QuarkusTest
class OperationalMetricsTest {

    @Test
    void deadLettersAndConsumerLagOfEachConsumedTopicAreExposed() {
        PrometheusText metrics = new PrometheusText(given().get("/q/metrics").then().statusCode(200).extract().asString());
        for (String topic : new String[] { Topics.JOURNAL_EVENTS, Topics.PATIENT_STATUS_EVENTS }) {
            metrics.require("backcare_events_dead_lettered_total", Map.of("topic", topic));
            metrics.require("backcare_consumer_lag_records", Map.of("topic", topic));
        }
    }
}
