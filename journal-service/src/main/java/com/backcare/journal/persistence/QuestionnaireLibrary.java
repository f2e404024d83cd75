package com.backcare.journal.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.jboss.logging.Logger;

import com.backcare.events.EventJson;
import com.backcare.journal.JournalConfig;
import com.backcare.journal.domain.Instrument;
import com.backcare.journal.domain.Instruments;
import com.backcare.journal.domain.Scoring;
import com.fasterxml.jackson.databind.JsonNode;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.quarkus.runtime.Startup;

/**
 * The instruments as data: {@code questionnaires/instruments.json} names each one's FHIR Questionnaire (items, answer
 * options with their scores as {@code ordinalValue}, LOINC codes) and its scoring settings. Read and checked once at
 * start-up with HAPI FHIR's R4 parser; a broken definition stops the service instead of scoring anyone wrongly. A
 * clinic's licensed wording ({@code journal.questionnaires.licensed-wording-dir}) replaces the shipped labels when its
 * items and codes are the shipped ones.
 */
@Startup
@ApplicationScoped
public class QuestionnaireLibrary implements Instruments {

    private static final Logger LOG = Logger.getLogger(QuestionnaireLibrary.class);
    static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

    @Inject
    JournalConfig config;

    private Map<String, Instrument> instruments;

    @PostConstruct
    void load() {
        instruments = load(config.questionnaires().licensedWordingDir());
    }

    /** The instruments as shipped, without a clinic's wording: for tests of the scoring on the real definitions. */
    public static Instruments shipped() {
        QuestionnaireLibrary library = new QuestionnaireLibrary();
        library.instruments = load(Optional.empty());
        return library;
    }

    static Map<String, Instrument> load(Optional<Path> licensedWordingDir) {
        Map<String, Instrument> loaded = new LinkedHashMap<>();
        JsonNode index = json("questionnaires/instruments.json");
        for (JsonNode entry : index.path("instruments")) {
            String id = entry.path("id").asText();
            Questionnaire questionnaire = parse(text("questionnaires/" + entry.path("questionnaire").asText()), id);
            Instrument instrument = instrument(id, questionnaire, scoring(id, entry.path("scoring")));
            loaded.put(id, licensedWording(instrument, questionnaire, licensedWordingDir));
        }
        return Map.copyOf(loaded);
    }

    private static IParser parser() {
        return FhirContext.forR4Cached().newJsonParser(); // a parser is not thread-safe; the context is, and cached
    }

    @Override
    public List<Instrument> all() {
        return instruments.values().stream().sorted(java.util.Comparator.comparing(Instrument::id)).toList();
    }

    @Override
    public Optional<Instrument> byId(String id) {
        return Optional.ofNullable(instruments.get(id));
    }

    private static Instrument instrument(String id, Questionnaire questionnaire, Scoring scoring) {
        if (!id.equals(questionnaire.getIdPart())) {
            throw new IllegalStateException("questionnaire " + questionnaire.getIdPart() + " is listed as " + id);
        }
        List<Instrument.Item> items = new ArrayList<>();
        for (QuestionnaireItemComponent item : questionnaire.getItem()) {
            Map<String, Integer> scores = new LinkedHashMap<>();
            for (QuestionnaireItemAnswerOptionComponent option : item.getAnswerOption()) {
                Extension ordinal = option.getExtensionByUrl(ORDINAL_VALUE);
                if (ordinal == null || !(ordinal.getValue() instanceof DecimalType score)) {
                    throw new IllegalStateException(id + " item " + item.getLinkId() + ": an answer option has no score");
                }
                scores.put(option.getValueCoding().getCode(), score.getValue().intValueExact());
            }
            if (scores.isEmpty()) {
                throw new IllegalStateException(id + " item " + item.getLinkId() + " has no answer options");
            }
            items.add(new Instrument.Item(item.getLinkId(), item.getRequired(), Map.copyOf(scores)));
        }
        return new Instrument(id, questionnaire.getTitle(), List.copyOf(items), scoring,
                parser().encodeResourceToString(questionnaire));
    }

    private static Scoring scoring(String id, JsonNode settings) {
        return switch (settings.path("method").asText()) {
            case "start-back" -> new Scoring.StartBack(
                    EventJson.mapper().convertValue(settings.path("psychosocialItems"),
                            EventJson.mapper().getTypeFactory().constructCollectionType(List.class, String.class)),
                    settings.path("lowMaxTotal").intValue(), settings.path("highMinPsychosocial").intValue());
            case "percent-of-answered" -> {
                List<Scoring.PercentOfAnswered.Band> bands = new ArrayList<>();
                settings.path("bands").forEach(b -> bands.add(new Scoring.PercentOfAnswered.Band(
                        new BigDecimal(b.path("maxPercent").asText()), b.path("band").asText())));
                yield new Scoring.PercentOfAnswered(settings.path("maxPerItem").intValue(),
                        settings.path("maxMissing").intValue(), List.copyOf(bands));
            }
            default -> throw new IllegalStateException(id + ": unknown scoring method " + settings.path("method"));
        };
    }

    /** The instrument with the clinic's licensed wording, when there is one for it and it matches item for item. */
    private static Instrument licensedWording(Instrument shipped, Questionnaire structure, Optional<Path> dir) {
        if (dir.isEmpty() || !Files.isRegularFile(dir.get().resolve(shipped.id() + ".json"))) {
            return shipped;
        }
        Path file = dir.get().resolve(shipped.id() + ".json");
        Questionnaire licensed;
        try {
            licensed = parse(Files.readString(file), shipped.id());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!sameStructure(structure, licensed)) {
            throw new IllegalStateException(file + " does not have the items, codes and answer codes of " + shipped.id());
        }
        LOG.infof("Questionnaire %s: licensed wording from %s", shipped.id(), file);
        return new Instrument(shipped.id(), licensed.getTitle(), shipped.items(), shipped.scoring(),
                parser().encodeResourceToString(licensed));
    }

    private static boolean sameStructure(Questionnaire a, Questionnaire b) {
        return shape(a).equals(shape(b));
    }

    private static List<String> shape(Questionnaire q) {
        List<String> shape = new ArrayList<>();
        for (QuestionnaireItemComponent item : q.getItem()) {
            shape.add(item.getLinkId() + " " + item.getCode().stream().map(c -> c.getSystem() + "|" + c.getCode()).toList()
                    + " " + item.getAnswerOption().stream().map(o -> o.getValueCoding().getCode()).toList());
        }
        return shape;
    }

    private static Questionnaire parse(String json, String id) {
        try {
            return parser().parseResource(Questionnaire.class, json);
        } catch (RuntimeException e) {
            throw new IllegalStateException("questionnaire " + id + " is not a valid FHIR R4 Questionnaire: " + e.getMessage(), e);
        }
    }

    private static JsonNode json(String resource) {
        try {
            return EventJson.mapper().readTree(text(resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
