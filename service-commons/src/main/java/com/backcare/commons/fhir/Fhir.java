package com.backcare.commons.fhir;

import java.util.List;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

import ca.uhn.fhir.context.FhirContext;

/** FHIR R4 as every service speaks it under {@code /fhir/r4}: the media type, the JSON encoding and search Bundles. */
public final class Fhir {

    public static final String JSON = "application/fhir+json";
    public static final String BASE_PATH = "/fhir/r4";
    /** The page size a search uses when {@code _count} is not given, and the most it may ask for. */
    public static final int DEFAULT_COUNT = 20;
    public static final int MAX_COUNT = 100;

    private Fhir() {
    }

    /** The FHIR base URL of this server, as the request reached it. */
    public static String base(jakarta.ws.rs.core.UriInfo uri) {
        return uri.getBaseUri().toString().replaceAll("/$", "") + BASE_PATH;
    }

    /** A 200 answer holding the resource as FHIR JSON. */
    public static jakarta.ws.rs.core.Response ok(IBaseResource resource) {
        return jakarta.ws.rs.core.Response.ok(json(resource), JSON).build();
    }

    /** A logical id that is one of ours (a UUID); any other is a resource that does not exist here. */
    public static java.util.UUID id(String type, String id) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw com.backcare.commons.problem.ApiProblem.notFound("no " + type + " " + id);
        }
    }

    public static FhirContext context() {
        return FhirContext.forR4Cached();
    }

    /** The resource as FHIR JSON (a parser is not thread-safe, so each call takes its own from the cached context). */
    public static String json(IBaseResource resource) {
        return context().newJsonParser().encodeResourceToString(resource);
    }

    /**
     * A searchset Bundle: the matches, each with its full URL, and the paging links ({@code self}, and {@code next}
     * when there is more).
     */
    public static Bundle searchset(String base, List<? extends Resource> matches, String self, String next) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.addLink().setRelation("self").setUrl(self);
        if (next != null) {
            bundle.addLink().setRelation("next").setUrl(next);
        }
        for (Resource match : matches) {
            bundle.addEntry().setFullUrl(base + "/" + match.fhirType() + "/" + match.getIdElement().getIdPart())
                    .setResource(match).getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }
}
