package com.backcare.localstack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads series out of a Prometheus text exposition ({@code /q/metrics}), as a scraper would. */
public final class PrometheusText {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    public PrometheusText(String text) {
        this.text = text;
    }

    /** The value of the series with this name whose labels include {@code labels}, summed if several match. */
    public OptionalDouble value(String name, Map<String, String> labels) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            // An OpenMetrics exemplar (" # {trace_id=...} value timestamp") follows the sample: it is not the value.
            int exemplar = line.indexOf(" # {");
            Matcher m = LINE.matcher(exemplar < 0 ? line : line.substring(0, exemplar));
            if (m.find() && m.group(1).equals(name) && labelsOf(m.group(3)).entrySet().containsAll(labels.entrySet())) {
                sum += Double.parseDouble(m.group(4));
                found = true;
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }

    public OptionalDouble value(String name) {
        return value(name, Map.of());
    }

    /** The value, or a failure naming the series when it is not exposed at all. */
    public double require(String name, Map<String, String> labels) {
        return value(name, labels).orElseThrow(() -> new AssertionError("no series " + name + labels + " in /q/metrics"));
    }

    public double require(String name) {
        return require(name, Map.of());
    }

    private static Map<String, String> labelsOf(String labels) {
        Map<String, String> map = new LinkedHashMap<>();
        if (labels != null) {
            Matcher m = LABEL.matcher(labels);
            while (m.find()) {
                map.put(m.group(1), m.group(2));
            }
        }
        return map;
    }
}
