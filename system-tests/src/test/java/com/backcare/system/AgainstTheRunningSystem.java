package com.backcare.system;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.backcare.localstack.LocalSystem;

/** Starts the packaged system (free ports, a folder of its own) before a test class and stops it after. */
abstract class AgainstTheRunningSystem {

    static LocalSystem system;

    @BeforeAll
    static void startTheSystem() throws Exception {
        Path root = Path.of(System.getProperty("backcare.repo.root", "..")).toAbsolutePath().normalize();
        var settings = LocalSystem.Settings.onFreePorts(root, Files.createTempDirectory("backcare-system"));
        system = new LocalSystem(settings).start(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopTheSystem() {
        if (system != null) {
            system.close();
        }
    }

    static String baseUrl(String service) {
        return system.settings().service(service).baseUrl();
    }
}
