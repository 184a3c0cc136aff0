package io.cryptotalks.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression selects, found without a PromQL parser: what is left once strings, label
 * matchers, range and grouping brackets are removed, minus function names (followed by a parenthesis) and keywords.
 * Enough for the dashboards here; an expression it cannot read well shows up as an unknown name, never as none.
 */
final class PromQl {

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING =
            Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.])([A-Za-z_:][A-Za-z0-9_:]*)(\\s*\\()?");
    /** Grafana's {@code label_values(metric, label)}, the metric optional. */
    private static final Pattern LABEL_VALUES = Pattern.compile(
            "^\\s*label_values\\(\\s*(?:([A-Za-z_:][A-Za-z0-9_:]*)\\s*(?:\\{[^}]*})?\\s*,)?\\s*\\w+\\s*\\)\\s*$");

    private static final Set<String> KEYWORDS = Set.of(
            "and",
            "or",
            "unless",
            "offset",
            "bool",
            "by",
            "without",
            "on",
            "ignoring",
            "group_left",
            "group_right",
            "inf",
            "nan");

    private PromQl() {}

    static Set<String> metricNames(String expression) {
        String rest = STRING.matcher(expression).replaceAll(" ");
        rest = MATCHERS.matcher(rest).replaceAll(" ");
        rest = RANGE.matcher(rest).replaceAll(" ");
        rest = GROUPING.matcher(rest).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(rest);
        while (m.find()) {
            boolean function = m.group(2) != null;
            if (!function && !KEYWORDS.contains(m.group(1).toLowerCase())) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The metrics of a Grafana variable query: {@code label_values(metric, label)}'s metric, else read as PromQL. */
    static Set<String> variableMetricNames(String query) {
        Matcher m = LABEL_VALUES.matcher(query);
        if (m.matches()) {
            return m.group(1) == null ? Set.of() : Set.of(m.group(1));
        }
        return metricNames(query);
    }
}
