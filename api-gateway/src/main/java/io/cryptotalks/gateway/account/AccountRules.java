package io.cryptotalks.gateway.account;

/** The shapes an account's fields must have. */
final class AccountRules {

    /** Anchored and case-insensitive, unlike the original's substring match (contract S20). */
    static final String EMAIL = "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$";

    /** The original's policy, capped at 72 characters: bcrypt ignores what comes after. */
    static final String PASSWORD = "^(?=.*?[A-Z])(?=.*?[a-z])(?=.*?[0-9])(?=.*?[#?!@$%^&*-]).{8,72}$";
    static final String PASSWORD_RULE = "must be 8 to 72 characters with an upper-case letter, a lower-case letter,"
            + " a digit and one of #?!@$%^&*-";

    /** Usernames appear in URLs (/user/get/{username}), so they keep to a URL-safe alphabet. */
    static final String USERNAME = "^[A-Za-z0-9_.-]{3,30}$";
    static final String USERNAME_RULE = "must be 3 to 30 letters, digits, '_', '.' or '-'";

    private AccountRules() {
    }
}
