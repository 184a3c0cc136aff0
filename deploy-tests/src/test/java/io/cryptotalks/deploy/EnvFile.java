package io.cryptotalks.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A dotenv file as docker compose reads it: {@code NAME=value} lines, {@code #} comments, blank lines. */
final class EnvFile {

    private static final Pattern LINE = Pattern.compile("^(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");

    private EnvFile() {}

    /** Name to value, in file order; a malformed line is an error, not silently skipped. */
    static Map<String, String> parse(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        String[] lines = Repository.read(file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": not NAME=value: " + line);
            }
            if (values.put(m.group(1), unquote(m.group(2))) != null) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + m.group(1) + " is defined twice");
            }
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
