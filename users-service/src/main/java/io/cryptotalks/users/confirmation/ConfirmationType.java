package io.cryptotalks.users.confirmation;

/** What a confirmation hash confirms; stored in {@code confirmation_hashes.confirmation_type}. */
public enum ConfirmationType {
    REGISTRATION,
    EMAIL_CHANGE,
    FORGOT_PASSWORD
}
