package com.backcare.system;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.backcare.localstack.DevTokens;

import io.restassured.http.ContentType;

/**
 * The web console in a real Chromium, against the whole running system: the console's Playwright suite
 * (console/src/main/webui/e2e) signs in as patients and clinicians, records a red flag on a phone-sized screen, and
 * checks the patient is told to go to A&E and the clinician's live queue is cued within 2 s.
 */
class ConsoleBrowserIT extends AgainstTheRunningSystem {

    /**
     * One red flag through journal and triage before the suite, so that its 2 s check measures a running system, not
     * the first alert of freshly started JVMs (about 1.4 s here, most of it class loading and first compilation).
     */
    private static void warmUpTheAlertPath() throws IOException, InterruptedException {
        String patient = DevTokens.token("clinic-warm-up", "patient", "pat-warm-up");
        String clinician = DevTokens.token("clinic-warm-up", "clinician", "dr-warm-up");
        // The clinician's live stream too: its first change is what the suite's cue waits for.
        var http = java.net.http.HttpClient.newHttpClient();
        var stream = http.sendAsync(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl("triage-service") + "/api/v1/alerts/stream"))
                .header("Authorization", "Bearer " + clinician).build(),
                java.net.http.HttpResponse.BodyHandlers.ofLines());
        Thread.sleep(1000); // the stream starts from the changes after it connects
        given().auth().oauth2(patient).contentType(ContentType.JSON)
                .body("{\"intensity\": 7, \"associatedSymptoms\": [{\"code\": \"SADDLE_NUMBNESS\"}]}")
                .post(baseUrl("journal-service") + "/api/v1/patients/pat-warm-up/entries").then().statusCode(201);
        // Read up to the alert (past the stream's opening ready event), for 30 s at most, then close the stream.
        try (java.util.stream.Stream<String> lines = stream.get(30, TimeUnit.SECONDS).body()) {
            boolean streamed = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> lines.anyMatch(line -> line.equals("event: alert") || line.equals("event:alert")))
                    .get(30, TimeUnit.SECONDS);
            assertTrue(streamed, "the warm-up alert was not streamed");
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("the warm-up alert was not streamed", e);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "EMERGENCY".equals(given().auth().oauth2(patient)
                .get(baseUrl("triage-service") + "/api/v1/patients/pat-warm-up/status").then().extract().path("tier")));
    }

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"));

    @Test
    void theConsolesBrowserSuitePassesAgainstTheRunningSystem() throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: install Debian's chromium (apt-get install chromium)");
        Path webui = system.settings().repoRoot().resolve("console/src/main/webui");
        assertTrue(Files.isDirectory(webui.resolve("node_modules/@playwright/test")),
                "the console's npm packages are missing: build the console first (./mvnw -B package -pl console -am)");
        warmUpTheAlertPath();
        Path log = Files.createTempFile("console-e2e", ".log");
        ProcessBuilder playwright = new ProcessBuilder("npx", "--no-install", "playwright", "test")
                .directory(webui.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        playwright.environment().put("CONSOLE_URL", "http://localhost:" + system.settings().service("console").port());
        playwright.environment().put("CHROMIUM_PATH", CHROMIUM.toString());
        playwright.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        // The suite's screenshots of the main screens (docs/screenshots holds the ones README shows).
        Path screenshots = Path.of(System.getProperty("console.screenshots", "target/console-screenshots")).toAbsolutePath();
        Files.createDirectories(screenshots);
        playwright.environment().put("SCREENSHOTS_DIR", screenshots.toString());
        Process run = playwright.start();
        boolean finished = run.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            run.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(output);
        assertTrue(finished, "the browser suite did not finish in 5 minutes:\n" + output);
        assertEquals(0, run.exitValue(), "the browser suite failed:\n" + output);
    }
}
