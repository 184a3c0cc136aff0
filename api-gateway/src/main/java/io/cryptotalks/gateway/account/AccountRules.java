package io.cryptotalks.gateway.account;

/** The shapes an account's fields must have. */
final class AccountRules {

    /** Anchored and case-insensitive, unlike the original's substring match (contract S20). */
    static final String EMAIL = "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$";

    /** The original's policy; Argon2id takes any length, 128 characters bound the work a request can ask for. */
    static final String PASSWORD = "^(?=.*?[A-Z])(?=.*?[a-z])(?=.*?[0-9])(?=.*?[#?!@$%^&*-]).{8,128}$";

    static final String PASSWORD_RULE = "must be 8 to 128 characters with an upper-case letter, a lower-case letter,"
            + " a digit and one of #?!@$%^&*-";

    /** Profile links open in other people's browsers: http(s) only, never {@code javascript:} or {@code data:}. */
    static final String LINK = "^$|^https?://[^\\s<>\"]+$";

    static final String LINK_RULE = "must be an http:// or https:// address";

    /** Usernames appear in URLs (/user/get/{username}), so they keep to a URL-safe alphabet. */
    static final String USERNAME = "^[A-Za-z0-9_.-]{3,30}$";

    static final String USERNAME_RULE = "must be 3 to 30 letters, digits, '_', '.' or '-'";

    private AccountRules() {}
}
