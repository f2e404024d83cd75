package com.backcare.catalog;

import static com.backcare.localstack.Callers.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.backcare.localstack.DevTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Every catalog endpoint and method needs a valid token with a clinic and a role it allows. */
@QuarkusTest
class CatalogAccessRulesTest {

    private record Call(String method, String path, String body) {
        void by(RequestSpecification spec, int status) {
            (body == null ? spec : spec.body(body)).request(method, path).then().statusCode(status)
                    .contentType("application/problem+json").body("status", equalTo(status))
                    .body("type", containsString("/problems/"));
        }
    }

    private static final List<Call> EVERY_ENDPOINT = List.of(
            new Call("GET", "/api/v1/exercises", null),
            new Call("GET", "/api/v1/exercises/walking", null),
            new Call("GET", "/api/v1/conditions", null),
            new Call("GET", "/api/v1/conditions/spinal-stenosis", null),
            new Call("GET", "/api/v1/patients/pat-1/exercise-plan", null),
            new Call("GET", "/api/v1/clinics/clinic-x/exercises", null),
            new Call("POST", "/api/v1/clinics/clinic-x/exercises", "{}"),
            new Call("DELETE", "/api/v1/clinics/clinic-x/exercises/some-slug", null),
            new Call("PUT", "/api/v1/clinics/clinic-x/exercises/walking/hidden", null),
            new Call("DELETE", "/api/v1/clinics/clinic-x/exercises/walking/hidden", null));

    @Test
    void withoutOrWithABadTokenEveryEndpointIs401() {
        String expired = DevTokens.expired("clinic-x", "clinic-admin", "admin");
        String noClinic = DevTokens.token(null, "clinic-admin", "admin");
        EVERY_ENDPOINT.forEach(call -> {
            call.by(given().contentType(ContentType.JSON), 401);
            call.by(given().auth().oauth2(expired).contentType(ContentType.JSON), 401);
            call.by(given().auth().oauth2(noClinic).contentType(ContentType.JSON), 401);
        });
    }

    @Test
    void anUnknownRoleIsRefusedEverywhere() {
        EVERY_ENDPOINT.forEach(call -> call.by(as("clinic-x", "receptionist", "desk"), 403));
    }

    @Test
    void patientsAndCliniciansDoNotTailorTheCatalog() {
        EVERY_ENDPOINT.stream().filter(c -> c.path().startsWith("/api/v1/clinics")).forEach(call -> {
            call.by(as("clinic-x", "patient", "pat-1"), 403);
            call.by(as("clinic-x", "clinician", "dr-1"), 403);
        });
    }
}
