package io.cryptotalks.common.settings;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * A service that refuses its configuration says why in one line: the messages of the failed constraints, which name
 * the environment variable (e.g. {@code JWT_SECRET is missing: set at least 32 random bytes (./cryptotalks up generates
 * one)}), instead of Spring Boot's report of every bound property. Runs before Boot's own analyzer.
 */
public class SettingsFailureAnalyzer extends AbstractFailureAnalyzer<BindValidationException> implements Ordered {

    /** A message of ours starts with the variable's name: {@code JWT_SECRET is …}. */
    private static final Pattern NAMES_A_VARIABLE = Pattern.compile("^[A-Z][A-Z0-9_]+(,| is | and | go ).*");

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
        Set<String> problems = new LinkedHashSet<>();
        for (ObjectError error : cause.getValidationErrors()) {
            problems.add(describe(cause.getValidationErrors().getName().toString(), error));
        }
        return new FailureAnalysis(
                String.join("; ", problems),
                "Set it in the environment (or .env for docker compose); .env.development.example explains every"
                        + " variable.",
                cause);
    }

    private static String describe(String prefix, ObjectError error) {
        String message = error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
        if (NAMES_A_VARIABLE.matcher(message).matches()) {
            return message;
        }
        String property = error instanceof FieldError field ? prefix + "." + field.getField() : prefix;
        return property + " " + message;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
