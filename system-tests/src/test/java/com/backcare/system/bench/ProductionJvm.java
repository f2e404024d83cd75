package com.backcare.system.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options the benchmarks start the services with: the full JIT, as production runs. With {@code -Djfr=DIR}
 * each service also records a Java Flight Recorder profile into DIR (one file per process, written at a clean stop);
 * with {@code -Djit=c1} the services run C1-only, as {@code ./run-local} starts them, to measure what that costs;
 * {@code -DserviceSettings="-Dkey=value ..."} passes settings to every service.
 */
final class ProductionJvm {

    private ProductionJvm() {
    }

    static List<String> options(String... extra) {
        List<String> options = new ArrayList<>(List.of("-Xmx512m", "-XX:+UseParallelGC"));
        if ("c1".equals(System.getProperty("jit"))) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        String jfr = System.getProperty("jfr", "");
        if (!jfr.isBlank()) {
            options.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + Path.of(jfr).toAbsolutePath() + "/");
        }
        options.addAll(List.of(extra));
        for (String setting : System.getProperty("serviceSettings", "").trim().split("\\s+")) {
            if (!setting.isEmpty()) {
                options.add(setting); // -DserviceSettings="-Dkey=value ...": settings for every service process
            }
        }
        return options;
    }

    /** The JIT the services run with, in words. */
    static String describe() {
        return "c1".equals(System.getProperty("jit")) ? "the C1-only JIT (as ./run-local starts them)" : "the full JIT";
    }
}
