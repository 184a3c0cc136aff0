package io.cryptotalks.users.registration;

/** What a confirmation hash confirms; stored in {@code confirmation_hashes.confirmation_type}. */
enum ConfirmationType {
    REGISTRATION,
    EMAIL_CHANGE,
    FORGOT_PASSWORD
}
