package com.backcare.system.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options the benchmarks start the services with: the full JIT, as production runs. With {@code -Djfr=DIR}
 * each service also records a Java Flight Recorder profile into DIR (one file per process, written at a clean stop).
 */
final class ProductionJvm {

    private ProductionJvm() {
    }

    static List<String> options(String... extra) {
        List<String> options = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseParallelGC"));
        String jfr = System.getProperty("jfr", "");
        if (!jfr.isBlank()) {
            options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + Path.of(jfr).toAbsolutePath() + "/");
        }
        options.addAll(List.of(extra));
        return options;
    }
}
