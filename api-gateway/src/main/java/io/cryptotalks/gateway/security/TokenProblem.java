package io.cryptotalks.gateway.security;

import io.cryptotalks.gateway.web.ApiError;

/** Why an access token was refused, as the contract's 401 codes. */
enum TokenProblem {
    MISSING(ApiError.INVALID_TOKEN),
    CORRUPTED(ApiError.CORRUPTED_TOKEN),
    INVALID(ApiError.INVALID_TOKEN),
    EXPIRED(ApiError.TOKEN_EXPIRED),
    SESSION_ENDED(ApiError.SESSION_HAS_EXPIRED);

    private final ApiError error;

    TokenProblem(ApiError error) {
        this.error = error;
    }

    ApiError error() {
        return error;
    }

    /** The OAuth2 error code that carries this problem through Spring Security's exceptions. */
    String code() {
        return "cryptotalks:" + name();
    }

    static TokenProblem fromCode(String code) {
        for (TokenProblem problem : values()) {
            if (problem.code().equals(code)) {
                return problem;
            }
        }
        return INVALID;
    }
}
