package io.cryptotalks.common.settings;

import org.springframework.core.env.Environment;

/**
 * Development conveniences (the example file's placeholder secrets) are an explicit opt-in: {@code DEV_MODE=true}
 * ({@code cryptotalks.dev-mode}) or the {@code dev} profile. Never inferred from a missing setting.
 */
public final class DevMode {

    public static final String PROPERTY = "cryptotalks.dev-mode";
    public static final String PROFILE = "dev";

    private DevMode() {}

    public static boolean on(Environment environment) {
        return environment != null
                && (environment.getProperty(PROPERTY, Boolean.class, false) || environment.matchesProfiles(PROFILE));
    }
}
