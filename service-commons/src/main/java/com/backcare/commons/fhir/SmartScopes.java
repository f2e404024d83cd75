package com.backcare.commons.fhir;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.backcare.commons.problem.ApiProblem;

/**
 * SMART on FHIR scopes, where a token carries them ({@code scope}: {@code patient/*.rs}, {@code user/Observation.rs},
 * v1's {@code patient/*.read}). A token without any SMART scope is judged by its role alone, as on the rest of the API;
 * one with SMART scopes must also hold one that grants the interaction on the resource type.
 */
@RequestScoped
public class SmartScopes {

    private static final Pattern SCOPE = Pattern.compile("(patient|user|system)/([A-Za-z*]+)\\.([a-z]+)");

    @Inject
    JsonWebToken jwt;

    /**
     * Refuses (403) a search ({@code s}), read ({@code r}), create ({@code c}), update ({@code u}) or delete ({@code d})
     * of this type that the token's SMART scopes do not grant.
     */
    public void require(String resourceType, char interaction) {
        Object claim = jwt.getClaim("scope");
        List<String> smart = smartScopes(claim == null ? "" : claim.toString().replace("\"", ""));
        if (smart.isEmpty()) {
            return;
        }
        if (!grants(smart, resourceType, interaction)) {
            throw ApiProblem.forbidden("the token's SMART scopes " + smart + " do not grant "
                    + switch (interaction) {
                        case 's' -> "searching ";
                        case 'c' -> "creating ";
                        case 'u' -> "updating ";
                        case 'd' -> "deleting ";
                        default -> "reading ";
                    } + resourceType);
        }
    }

    static List<String> smartScopes(String scopeClaim) {
        return Arrays.stream(scopeClaim.trim().split("\\s+")).filter(s -> SCOPE.matcher(s).matches()).toList();
    }

    static boolean grants(List<String> smart, String resourceType, char interaction) {
        for (String scope : smart) {
            Matcher m = SCOPE.matcher(scope);
            if (m.matches() && (m.group(2).equals("*") || m.group(2).equals(resourceType))) {
                String permissions = m.group(3);
                boolean reads = interaction == 'r' || interaction == 's';
                if (permissions.equals("*") || (permissions.equals("read") && reads)
                        || (permissions.equals("write") && !reads)
                        || (!permissions.equals("read") && !permissions.equals("write")
                                && permissions.indexOf(interaction) >= 0)) {
                    return true;
                }
            }
        }
        return false;
    }
}
