package com.backcare.commons.events;

import java.lang.annotation.ElementType;
import java.util.List;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.hibernate.validator.HibernateValidatorFactory;

import com.backcare.events.EventEnvelope;
import com.backcare.events.EventJson;
import com.backcare.events.InvalidEventException;
import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Reads an event's data as the contract defines it, with the same checks the producer applied (ranges, codes, sizes):
 * an event that breaks them is never applied, it goes to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class EventContract {

    @Inject
    ValidatorFactory validators;

    private Validator validator;

    /**
     * Event data are plain values, never JPA entities, so the question whether each property is loaded (what Hibernate
     * Validator asks JPA before validating or cascading into one, remembering each answer) is not asked: in the
     * consumers' profiles it was a quarter to a third of checking an event.
     */
    @PostConstruct
    void init() {
        validator = validators.unwrap(HibernateValidatorFactory.class).usingContext()
                .traversableResolver(new EveryPropertyReachable()).enableTraversableResolverResultCache(false)
                .getValidator();
    }

    private static final class EveryPropertyReachable implements TraversableResolver {

        @Override
        public boolean isReachable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node property, Class<?> rootType, Path path, ElementType type) {
            return true;
        }
    }

    public <T> T data(EventEnvelope event, Class<T> type) {
        T data;
        try {
            data = EventJson.mapper().treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("data does not match " + event.type() + " v" + event.schemaversion()
                    + ": " + e.getMessage(), e);
        }
        if (data == null) {
            throw new InvalidEventException("data is missing");
        }
        requireValid(data);
        return data;
    }

    public <T> void requireValid(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            List<String> problems = violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                    .toList();
            throw new InvalidEventException("data breaks the contract: " + String.join("; ", problems));
        }
    }
}
