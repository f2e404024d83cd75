package com.backcare.system.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Closed-loop HTTP load from wrk (Debian's package), when it is installed: a driver in C takes much less of a small
 * machine than a JVM client does, so what it measures is closer to the server's own limit.
 */
final class Wrk {

    private Wrk() {
    }

    /** Requests a second, answers that were not 2xx/3xx, and latency percentiles in milliseconds. */
    record Result(double perSecond, long wrong, double p50, double p99) {
    }

    static boolean available() {
        try {
            return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }

    /**
     * Cycles through {@code paths} with {@code headers}; when {@code etags} is not empty each request also sends the
     * path's ETag as If-None-Match.
     */
    static Result run(String base, List<String> paths, Map<String, String> headers, List<String> etags, int seconds)
            throws Exception {
        String lua = "local paths = {" + paths.stream().map(Wrk::lua).collect(Collectors.joining(", ")) + "}\n"
                + "local etags = {" + etags.stream().map(Wrk::lua).collect(Collectors.joining(", ")) + "}\n"
                + "local i = 0\n"
                + "request = function()\n"
                + "  i = i + 1\n"
                + "  local n = (i % #paths) + 1\n"
                + "  local h = {" + headers.entrySet().stream().map(e -> "[ " + lua(e.getKey()) + " ] = " + lua(e.getValue()))
                        .collect(Collectors.joining(", ")) + "}\n"
                + "  if #etags > 0 then h[\"If-None-Match\"] = etags[n] end\n"
                + "  return wrk.format(\"GET\", paths[n], h)\n"
                + "end\n";
        Path script = Files.createTempFile("wrk", ".lua");
        Files.writeString(script, lua);
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c32", "-d" + seconds + "s", "--latency", "-s", script.toString(), base)
                .redirectErrorStream(true).start();
        String out = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + out);
        }
        return new Result(number(out, "Requests/sec:\\s+([\\d.]+)", 0), (long) number(out,
                "Non-2xx or 3xx responses:\\s+(\\d+)", 0) + (long) number(out, "Socket errors:.*?timeout (\\d+)", 0),
                millis(out, "50%"), millis(out, "99%"));
    }

    static String row(String kind, Result r, Result anchor) {
        return "| %s | %.0f | %d | %.2f | %.2f | %.2f |".formatted(kind, r.perSecond(), r.wrong(), r.p50(), r.p99(),
                r.perSecond() / anchor.perSecond());
    }

    /** A Lua long string (a key in a table constructor needs a space after its bracket: "[[" opens a string). */
    private static String lua(String s) {
        return "[==[" + s + "]==]";
    }

    private static double number(String out, String regex, double otherwise) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) : otherwise;
    }

    /** A latency percentile line of wrk's --latency output ("99%  12.34ms"), in milliseconds. */
    private static double millis(String out, String percentile) {
        Matcher m = Pattern.compile(Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)").matcher(out);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}
