package com.backcare.triage;

import static com.backcare.localstack.Callers.asAdmin;
import static com.backcare.localstack.Callers.asClinician;
import static com.backcare.localstack.Callers.newId;
import static com.backcare.localstack.Events.entryRecorded;
import static com.backcare.localstack.Events.publish;
import static com.backcare.localstack.Events.report;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.backcare.localstack.FhirValidation;
import com.backcare.triage.fhir.SubscriptionFhir;
import com.backcare.triage.messaging.WebhookDispatcher;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Alert subscriptions per the FHIR R4 Subscriptions Backport IG: handshake, numbered event notifications that match
 * the filter, heartbeats, $status and $events, every bundle valid R4; bad subscriptions refused naming the element;
 * another clinic's subscription never seen.
 */
@QuarkusTest
class FhirSubscriptionTest {

    private static final String SUBSCRIPTIONS = "/fhir/r4/Subscription";

    private HttpServer endpoint;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private String clinic;

    private record Received(String contentType, String authorization, String signature, JsonPath body, String raw) {
        String type() {
            return parameter("type");
        }

        String parameter(String name) {
            return body.getString("entry[0].resource.parameter.find { it.name == '" + name + "' }.valueCode") != null
                    ? body.getString("entry[0].resource.parameter.find { it.name == '" + name + "' }.valueCode")
                    : body.getString("entry[0].resource.parameter.find { it.name == '" + name + "' }.valueString");
        }
    }

    @BeforeEach
    void startEndpoint() throws IOException {
        clinic = newId("clinic");
        endpoint = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        endpoint.createContext("/fhir-hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestHeaders().getFirst("Content-Type"),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst(WebhookDispatcher.SIGNATURE_HEADER), JsonPath.from(body), body));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.stop(0);
    }

    private String endpointUrl() {
        return "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/fhir-hook";
    }

    private static RequestSpecification fhir(RequestSpecification caller) {
        return caller.contentType("application/fhir+json");
    }

    private String subscription(String filterPatient, String content, Integer heartbeat) {
        return subscriptionFiltered(filterPatient == null ? null : "DetectedIssue?patient=Patient/" + filterPatient, content,
                heartbeat);
    }

    private String subscriptionFiltered(String criteria, String content, Integer heartbeat) {
        String filter = criteria == null ? "" : ", \"_criteria\": {\"extension\": [{\"url\": \""
                + SubscriptionFhir.FILTER_CRITERIA + "\", \"valueString\": \"" + criteria + "\"}]}";
        String beat = heartbeat == null ? "" : "\"extension\": [{\"url\": \"" + SubscriptionFhir.HEARTBEAT_PERIOD
                + "\", \"valueUnsignedInt\": " + heartbeat + "}], ";
        return """
                {"resourceType": "Subscription", "status": "requested", "reason": "Red flags to the clinic's EHR",
                 "criteria": "%s"%s,
                 "channel": {%s"type": "rest-hook", "endpoint": "%s", "payload": "application/fhir+json",
                   "_payload": {"extension": [{"url": "%s", "valueCode": "%s"}]},
                   "header": ["Authorization: Bearer ehr-secret"]}}
                """.formatted(SubscriptionFhir.TOPIC, filter, beat, endpointUrl(), SubscriptionFhir.PAYLOAD_CONTENT,
                content);
    }

    private String create(String json) {
        return JsonPath.from(createAnswer(json)).getString("id");
    }

    private String createAnswer(String json) {
        String created = fhir(asAdmin(clinic)).body(json).post(SUBSCRIPTIONS).then().statusCode(201)
                .header("Location", containsString(SUBSCRIPTIONS + "/")).body("status", equalTo("requested"))
                .extract().asString();
        assertValid(created);
        return created;
    }

    private static void assertValid(String json) {
        assertEquals(List.of(), FhirValidation.errors(json), json);
    }

    private List<Received> ofType(String type) {
        return received.stream().filter(r -> type.equals(r.type())).toList();
    }

    private static String redFlag(String clinic, String patient) {
        UUID entry = UUID.randomUUID();
        publish(entryRecorded(clinic, patient, entry, report(
                "{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":7,\"associatedSymptoms\":[{\"code\":\"BLADDER_DYSFUNCTION\"}]}")));
        return entry.toString();
    }

    @Test
    void aSubscriptionIsActivatedByItsHandshakeThenSentANumberedBundleForEachChangeOfItsPatientsAlerts() {
        String patient = newId("pat");
        JsonPath created = JsonPath.from(createAnswer(subscription(patient, "full-resource", null)));
        String id = created.getString("id");
        String secret = created.getString("channel.extension.find { it.url == '" + SubscriptionFhir.SIGNING_SECRET
                + "' }.valueString");

        await().atMost(Duration.ofSeconds(20)).until(() -> ofType("handshake").size() == 1);
        Received handshake = ofType("handshake").get(0);
        assertValid(handshake.raw());
        assertEquals("application/fhir+json", handshake.contentType());
        assertEquals("Bearer ehr-secret", handshake.authorization());
        assertEquals("sha256=" + WebhookDispatcher.sign(secret, handshake.raw()), handshake.signature());
        asAdmin(clinic).get(SUBSCRIPTIONS + "/" + id).then().body("channel.extension.find { it.url == '"
                + SubscriptionFhir.SIGNING_SECRET + "' }", equalTo(null)); // shown once, when created
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asAdmin(clinic).get(SUBSCRIPTIONS + "/" + id).then()
                .statusCode(200).body("status", equalTo("active")));

        redFlag(clinic, newId("other")); // another patient: not this subscription's
        redFlag(clinic, patient);
        await().atMost(Duration.ofSeconds(30)).until(() -> ofType("event-notification").size() == 1);
        Received raised = ofType("event-notification").get(0);
        assertValid(raised.raw());
        assertEquals("history", raised.body().getString("type"));
        assertEquals("1", raised.parameter("events-since-subscription-start"));
        Map<String, Object> event = raised.body().getMap("entry[0].resource.parameter.find { it.name == 'notification-event' }");
        assertTrue(event.toString().contains("event-number"), event.toString());
        String alertId = raised.body().getString("entry[1].resource.id");
        assertEquals("registered", raised.body().getString("entry[1].resource.status"));
        assertEquals("Patient/" + patient, raised.body().getString("entry[1].resource.patient.reference"));
        assertTrue(raised.body().getString("entry[0].resource.parameter.find { it.name == 'notification-event' }"
                + ".part.find { it.name == 'focus' }.valueReference.reference").endsWith("/DetectedIssue/" + alertId));

        asClinician(clinic).body("{\"note\": \"Called the patient.\"}").post("/api/v1/alerts/" + alertId + "/acknowledge")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> ofType("event-notification").size() == 2);
        Received acknowledged = ofType("event-notification").get(1);
        assertValid(acknowledged.raw());
        assertEquals("2", acknowledged.parameter("events-since-subscription-start"));
        assertEquals("preliminary", acknowledged.body().getString("entry[1].resource.status"));

        String status = asAdmin(clinic).get(SUBSCRIPTIONS + "/" + id + "/$status").then().statusCode(200)
                .body("type", equalTo("searchset"))
                .body("entry[0].resource.resourceType", equalTo("Parameters")).extract().asString();
        assertValid(status);
        assertEquals("2", JsonPath.from(status).getString(
                "entry[0].resource.parameter.find { it.name == 'events-since-subscription-start' }.valueString"));
        String events = asAdmin(clinic).queryParam("eventsSinceNumber", 2).get(SUBSCRIPTIONS + "/" + id + "/$events")
                .then().statusCode(200).body("type", equalTo("history")).extract().asString();
        assertValid(events);
        JsonPath missed = JsonPath.from(events);
        assertEquals(List.of("2"), missed.getList("entry[0].resource.parameter.findAll { it.name == 'notification-event' }"
                + ".collect { it.part.find { p -> p.name == 'event-number' }.valueString }"));
        assertEquals("query-event", missed.getString("entry[0].resource.parameter.find { it.name == 'type' }.valueCode"));
        assertEquals(2, ofType("event-notification").size(), "the other patient's alert was not sent");
    }

    @Test
    void anIdleSubscriptionIsSentHeartbeats() {
        create(subscription(null, "id-only", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> ofType("heartbeat").size() >= 2);
        assertValid(ofType("heartbeat").get(0).raw());
    }

    @Test
    void anIdOnlySubscriptionGetsTheReferenceAndNotTheResource() {
        String patient = newId("pat");
        create(subscription(patient, "id-only", null));
        await().atMost(Duration.ofSeconds(20)).until(() -> ofType("handshake").size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> asAdmin(clinic).get(SUBSCRIPTIONS).then().extract()
                .path("entry[0].resource.status").equals("active"));
        redFlag(clinic, patient);
        await().atMost(Duration.ofSeconds(30)).until(() -> ofType("event-notification").size() == 1);
        Received notification = ofType("event-notification").get(0);
        assertValid(notification.raw());
        assertEquals(1, notification.body().getList("entry").size());
    }

    @Test
    void aTierFilterLetsOnlyThoseTiersThrough() {
        String id = create(subscriptionFiltered("DetectedIssue?tier=EMERGENCY", "full-resource", null));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asAdmin(clinic).get(SUBSCRIPTIONS + "/" + id).then()
                .body("status", equalTo("active")));
        publish(entryRecorded(clinic, newId("pat"), UUID.randomUUID(), report(
                "{\"recordedAt\":\"2026-11-20T08:00:00Z\",\"intensity\":5,\"associatedSymptoms\":[{\"code\":\"FEVER\"}]}")));
        String patient = newId("pat");
        redFlag(clinic, patient);
        await().atMost(Duration.ofSeconds(30)).until(() -> ofType("event-notification").size() == 1);
        assertEquals("Patient/" + patient, ofType("event-notification").get(0).body()
                .getString("entry[1].resource.patient.reference"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> ofType("event-notification").size() == 1); // the URGENT alert was not sent
    }

    @Test
    void theChannelIsAWebhookOfTheClinicWithItsDeliveryLogAndReplay() {
        String id = create(subscription(null, "id-only", null));
        await().atMost(Duration.ofSeconds(20)).until(() -> ofType("handshake").size() == 1);
        String hooks = "/api/v1/clinics/" + clinic + "/webhooks";
        asAdmin(clinic).get(hooks).then().statusCode(200).body("find { it.id == '" + id + "' }.kind", equalTo("FHIR"));
        String delivery = asAdmin(clinic).get(hooks + "/" + id + "/deliveries").then().statusCode(200)
                .body("[0].notificationType", equalTo("handshake")).body("[0].status", equalTo("DELIVERED"))
                .extract().path("[0].id");
        asAdmin(clinic).post(hooks + "/" + id + "/deliveries/" + delivery + "/replay").then().statusCode(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> ofType("handshake").size() == 2);
    }

    @Test
    void anEndpointThatRefusesTheHandshakeLeavesTheSubscriptionInErrorAndSentNothing() {
        answer.set(500);
        String id = create(subscription(null, "full-resource", null));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> asAdmin(clinic).get(SUBSCRIPTIONS + "/" + id).then()
                .statusCode(200).body("status", equalTo("error")).body("error", startsWith("handshake failed")));
        redFlag(clinic, newId("pat"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> ofType("event-notification").isEmpty());
    }

    @Test
    void aDeletedSubscriptionIsSentNothingMore() {
        String patient = newId("pat");
        String id = create(subscription(patient, "full-resource", null));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> asAdmin(clinic).get(SUBSCRIPTIONS + "/" + id).then()
                .body("status", equalTo("active")));
        asAdmin(clinic).delete(SUBSCRIPTIONS + "/" + id).then().statusCode(204);
        asAdmin(clinic).get(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
        redFlag(clinic, patient);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> ofType("event-notification").isEmpty());
    }

    @Test
    void badSubscriptionsAreRefusedWithAnOperationOutcomeNamingTheElement() {
        String good = subscription(null, "full-resource", null);
        Map<String, String> bad = Map.of(
                good.replace(SubscriptionFhir.TOPIC, "https://elsewhere.example/topic"), "Subscription.criteria",
                good.replace("rest-hook", "email"), "Subscription.channel.type",
                good.replace("\"full-resource\"", "\"everything\""), "Subscription.channel.payload.extension:content",
                good.replace("Authorization: Bearer ehr-secret", "Host: evil.example"), "Subscription.channel.header",
                good.replace("\"status\": \"requested\"", "\"status\": \"active\""), "Subscription.status",
                good.replace(endpointUrl(), "ftp://127.0.0.1/x"), "Subscription.channel.endpoint",
                good.replace("\"reason\": \"Red flags to the clinic's EHR\",", ""), "Subscription.reason",
                subscription("x y", "full-resource", null), "Subscription.criteria.extension:filterCriteria",
                "{\"resourceType\": \"Patient\"}", "Subscription",
                "{\"resourceType\": \"Subscription\", \"status\": 7}", "Subscription");
        bad.forEach((json, element) -> {
            String outcome = fhir(asAdmin(clinic)).body(json).post(SUBSCRIPTIONS).then().statusCode(400)
                    .contentType("application/fhir+json").body("resourceType", equalTo("OperationOutcome"))
                    .body("issue[0].expression[0]", equalTo(element)).extract().asString();
            assertValid(outcome);
        });
        String filterOutcome = fhir(asAdmin(clinic)).body(good.replace("\"criteria\": \"" + SubscriptionFhir.TOPIC + "\"",
                "\"criteria\": \"" + SubscriptionFhir.TOPIC + "\", \"_criteria\": {\"extension\": [{\"url\": \""
                        + SubscriptionFhir.FILTER_CRITERIA + "\", \"valueString\": \"Observation?code=1\"}]}"))
                .post(SUBSCRIPTIONS).then().statusCode(400).extract().asString();
        assertTrue(filterOutcome.contains("Subscription.criteria.extension:filterCriteria"), filterOutcome);
        for (String criteria : List.of("DetectedIssue?tier=RED", "DetectedIssue?tier=SOON,SOON", "DetectedIssue?",
                "DetectedIssue?patient=Patient/a&patient=Patient/b", "DetectedIssue?tier=")) {
            fhir(asAdmin(clinic)).body(subscriptionFiltered(criteria, "id-only", null)).post(SUBSCRIPTIONS).then()
                    .statusCode(400).body("issue[0].expression[0]", equalTo("Subscription.criteria.extension:filterCriteria"));
        }
        assertTrue(received.isEmpty(), "nothing refused was sent a handshake");
    }

    @Test
    void onlyTheClinicsAdminsSeeItsSubscriptions() {
        String id = create(subscription(null, "id-only", null));
        String other = newId("clinic");
        for (String path : List.of("/" + id, "/" + id + "/$status", "/" + id + "/$events")) {
            asAdmin(other).get(SUBSCRIPTIONS + path).then().statusCode(404).body("resourceType", equalTo("OperationOutcome"));
        }
        asAdmin(other).delete(SUBSCRIPTIONS + "/" + id).then().statusCode(404);
        asAdmin(other).get(SUBSCRIPTIONS).then().statusCode(200).body("total", equalTo(null)).body("entry", equalTo(null));
        asClinician(clinic).get(SUBSCRIPTIONS).then().statusCode(403);
        fhir(asClinician(clinic)).body(subscription(null, "id-only", null)).post(SUBSCRIPTIONS).then().statusCode(403);
        asAdmin(clinic).get(SUBSCRIPTIONS).then().statusCode(200).body("entry", hasSize(1));
        asAdmin(clinic).get(SUBSCRIPTIONS + "/" + id).then().statusCode(200);
    }
}
