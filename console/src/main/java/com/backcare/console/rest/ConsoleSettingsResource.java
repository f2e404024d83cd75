package com.backcare.console.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.backcare.console.ConsoleConfig;

/** What the browser needs before anything else: the services' addresses and how to sign in. */
@Path("/console/api/settings")
public class ConsoleSettingsResource {

    public record ConsoleSettings(String journalUrl, String triageUrl, String catalogUrl, boolean devSignIn) {
    }

    @Inject
    ConsoleConfig config;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ConsoleSettings get() {
        return new ConsoleSettings(config.journalUrl(), config.triageUrl(), config.catalogUrl(),
                config.devSignIn().enabled());
    }
}
