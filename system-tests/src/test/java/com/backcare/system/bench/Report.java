package com.backcare.system.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.HdrHistogram.Histogram;

/** A benchmark's findings as a Markdown table, printed and written under system-tests/target/benchmarks. */
public final class Report {

    private final StringBuilder text = new StringBuilder();

    public Report(String title, String setup) {
        text.append("# ").append(title).append("\n\n").append(setup).append("\n\nRun at ").append(Instant.now())
                .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores.\n\n");
    }

    public Report line(String markdown) {
        text.append(markdown).append('\n');
        return this;
    }

    /**
     * A blank line, the caption, and a table of the rows under the header; the separator row is made from the header's
     * columns.
     */
    public Report table(String caption, String header, java.util.List<String> rows) {
        line("").line(caption).line("").line(header);
        line("|---".repeat((int) header.chars().filter(c -> c == '|').count() - 1) + "|");
        rows.forEach(this::line);
        return this;
    }

    /** p50 / p90 / p99 / max of a histogram of microseconds, in milliseconds. */
    public static String millis(Histogram h) {
        if (h == null || h.getTotalCount() == 0) {
            return "- | - | - | -";
        }
        return String.format("%.1f | %.1f | %.1f | %.1f", h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(90) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
    }

    public void publish(String fileName) {
        System.out.println();
        System.out.println(text);
        try {
            Path dir = Path.of("target", "benchmarks");
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(fileName), text);
            System.out.println("Written to " + dir.resolve(fileName).toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
