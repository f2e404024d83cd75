package com.backcare.localstack;

import java.util.List;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * HAPI's validator against the R4 base specification, for the services' FHIR tests: the errors (not the warnings) in a
 * resource's JSON. The Subscriptions Backport IG's profiles are not in any registry reachable here, so a resource that
 * claims one is checked against R4 itself and the "profile not found" errors for those profiles alone are left out.
 */
public final class FhirValidation {

    private static final FhirContext FHIR = FhirContext.forR4Cached();
    private static FhirValidator validator;
    private static final String BACKPORT_PROFILES = "http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition/";

    private FhirValidation() {
    }

    public static synchronized List<String> errors(String json) {
        if (validator == null) {
            validator = FHIR.newValidator();
            validator.registerValidatorModule(new FhirInstanceValidator(new ValidationSupportChain(
                    new DefaultProfileValidationSupport(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
                    new CommonCodeSystemsTerminologyService(FHIR))));
        }
        return validator.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .filter(m -> !(String.valueOf(m.getMessageId()).startsWith("Validation_VAL_Profile_Unknown")
                        && m.getMessage().contains(BACKPORT_PROFILES)))
                .map(SingleValidationMessage::toString).toList();
    }
}
