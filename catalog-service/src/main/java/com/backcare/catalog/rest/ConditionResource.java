package com.backcare.catalog.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.backcare.catalog.domain.CatalogQueries;
import com.backcare.catalog.domain.ConditionContent;
import com.backcare.commons.security.Roles;

@Path("/api/v1/conditions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Conditions")
public class ConditionResource {

    @Inject
    CatalogQueries catalog;

    @GET
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public List<ConditionContent> list() {
        return catalog.conditions();
    }

    /** The condition's guidance, and the exercises recommended, to take with caution, and to avoid. */
    @GET
    @Path("{slug}")
    @RolesAllowed({ Roles.PATIENT, Roles.CLINICIAN, Roles.CLINIC_ADMIN })
    public CatalogQueries.ConditionGuide get(@PathParam("slug") String slug) {
        return catalog.condition(slug);
    }
}
