package io.cryptotalks.gateway.ratelimit;

import java.time.Duration;

/**
 * The rate limits of the API: {@code capacity} tokens, refilled gradually over {@code period}. Keys combine what an
 * attacker cannot choose for their victim (the account together with the client), so nobody can lock an owner out.
 */
public enum Limit {
    /** Failed sign-ins of one account from one client. */
    SIGN_IN_ACCOUNT_CLIENT(5, Duration.ofMinutes(15)),
    /** Failed sign-ins of one account from every client: past it, only clients with a clean record may try. */
    SIGN_IN_ACCOUNT(50, Duration.ofHours(1)),
    /** Failed sign-ins from one client over every account; a correct password still passes. */
    SIGN_IN_CLIENT(20, Duration.ofMinutes(15)),
    /** Wrong second-factor codes of one user (TOTP, SMS). */
    SECOND_FACTOR(5, Duration.ofMinutes(15)),
    /** Accounts created from one client. */
    SIGN_UP_CLIENT(20, Duration.ofHours(1)),
    /** Emails to one address asked for by one client (confirmation, reset, email change). */
    MAIL_RECIPIENT_CLIENT(3, Duration.ofHours(1)),
    /** Emails to one address from every client: bounds mail-bombing without letting one client block the owner. */
    MAIL_RECIPIENT(10, Duration.ofHours(1)),
    /** Emails asked for by one client. */
    MAIL_CLIENT(20, Duration.ofHours(1)),
    /** Text messages to one user or one phone number. */
    SMS(5, Duration.ofHours(1)),
    /** Password-reset tokens or codes tried by one client. */
    RESET_ATTEMPT(10, Duration.ofMinutes(15));

    private final long capacity;
    private final Duration period;

    Limit(long capacity, Duration period) {
        this.capacity = capacity;
        this.period = period;
    }

    long capacity() {
        return capacity;
    }

    Duration period() {
        return period;
    }

    String id() {
        return name().toLowerCase().replace('_', '-');
    }
}
