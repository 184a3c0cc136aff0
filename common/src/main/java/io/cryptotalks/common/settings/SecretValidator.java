package io.cryptotalks.common.settings;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Checks a {@link Secret}. Created by Spring's constraint-validator factory when configuration properties are bound,
 * so it is told the {@link Environment} (whether this is development); without one it is strict.
 */
public class SecretValidator implements ConstraintValidator<Secret, String>, EnvironmentAware {

    /** How every placeholder of .env.development.example begins. */
    public static final String PLACEHOLDER_PREFIX = "change-me";

    private Environment environment;
    private String variable;
    private int minBytes;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void initialize(Secret secret) {
        this.variable = secret.variable();
        this.minBytes = secret.minBytes();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        String problem = problem(value);
        if (problem == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        // a literal message: no {…} or ${…} interpolation of the text
        context.buildConstraintViolationWithTemplate(problem.replace("\\", "\\\\")
                        .replace("{", "\\{")
                        .replace("}", "\\}")
                        .replace("$", "\\$"))
                .addConstraintViolation();
        return false;
    }

    private String problem(String value) {
        String advice = "set at least " + minBytes + " random bytes (./cryptotalks up generates one)";
        if (value == null || value.isBlank()) {
            return variable + " is missing: " + advice;
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < minBytes) {
            return variable + " is too short (" + bytes + " bytes): " + advice;
        }
        if (value.strip().toLowerCase(Locale.ROOT).startsWith(PLACEHOLDER_PREFIX) && !DevMode.on(environment)) {
            return variable + " is the placeholder from .env.development.example: " + advice
                    + "; the placeholder is accepted only with DEV_MODE=true (local development)";
        }
        return null;
    }
}
