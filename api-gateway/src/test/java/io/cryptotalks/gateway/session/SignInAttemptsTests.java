package io.cryptotalks.gateway.session;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SignInAttemptsTests {

    private Instant now = Instant.parse("2026-11-26T10:00:00Z");
    private final SignInAttempts attempts = new SignInAttempts(new Clock() {
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    });

    @Test
    void anEmailIsBlockedAfterFiveFailuresUntilTheWindowPasses() {
        for (int i = 0; i < SignInAttempts.MAX_FAILURES_PER_EMAIL; i++) {
            assertThat(attempts.blocked("Ada@Example.com", "10.0.0." + i)).isFalse();
            attempts.failed("ada@example.com", "10.0.0." + i);
        }
        assertThat(attempts.blocked("ADA@example.com", "10.0.0.99")).isTrue();

        now = now.plus(SignInAttempts.WINDOW).plus(Duration.ofSeconds(1));
        assertThat(attempts.blocked("ada@example.com", "10.0.0.99")).isFalse();
    }

    @Test
    void oneClientIsBlockedAfterManyFailuresAcrossEmails() {
        for (int i = 0; i < SignInAttempts.MAX_FAILURES_PER_CLIENT; i++) {
            attempts.failed("user" + i + "@example.com", "10.0.0.1");
        }
        assertThat(attempts.blocked("someone-else@example.com", "10.0.0.1")).isTrue();
        assertThat(attempts.blocked("someone-else@example.com", "10.0.0.2")).isFalse();
    }

    @Test
    void aSuccessClearsTheEmailsFailures() {
        for (int i = 0; i < SignInAttempts.MAX_FAILURES_PER_EMAIL - 1; i++) {
            attempts.failed("ada@example.com", "10.0.0.1");
        }
        attempts.succeeded("ada@example.com");
        attempts.failed("ada@example.com", "10.0.0.1");
        assertThat(attempts.blocked("ada@example.com", "10.0.0.3")).isFalse();
    }
}
