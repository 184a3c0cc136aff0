package io.cryptotalks.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.cryptotalks.common.consumer.InboundEvents;
import io.cryptotalks.common.contracts.RecordedEvents;
import io.cryptotalks.common.events.EventJson;
import io.cryptotalks.common.events.Topics;
import io.cryptotalks.common.storage.StorageProperties;
import io.cryptotalks.common.tokens.TokenDigest;
import io.cryptotalks.devstack.DevStackInitializer;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The users-service applies the recorded producer JSON of every event type it consumes (dev mailbox on). */
@SpringBootTest(
        classes = UsersServiceApplication.class,
        properties = {UsersServiceApplication.CONFIG_NAME, "spring.kafka.listener.auto-startup=false"})
@ContextConfiguration(initializers = DevStackInitializer.class)
class ConsumerContractTests {

    private static final Duration DELIVERY = Duration.ofSeconds(15);

    @Autowired
    InboundEvents inbound;

    @Autowired
    EventJson json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    S3Client s3;

    @Autowired
    StorageProperties storage;

    UsersFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new UsersFixtures(jdbc);
    }

    @AfterEach
    void cleanUp() {
        fixtures.deleteUsers();
    }

    @Test
    void appliesTheRecordedUserSignedUp() {
        UUID userId = UUID.randomUUID();

        String eventId = apply("user-signed-up", userId);

        assertThat(jdbc.sql("select public_email from user_settings where user_id = ?")
                        .param(userId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(fixtures.count(
                        "confirmation_hashes where user_id = ? and confirmation_type = 'REGISTRATION'", userId))
                .isEqualTo(1);
        assertThat(delivered(eventId).to()).isEqualTo("john.doe@gmail.com");
    }

    @Test
    void appliesTheRecordedUserAccountConfirmed() {
        UUID userId = fixtures.user();

        apply("user-account-confirmed", userId);

        assertThat(jdbc.sql("select account_confirm from users where id = ?")
                        .param(userId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void appliesTheRecordedConfirmationEmailRequested() {
        UUID userId = UUID.randomUUID();

        String eventId = apply("confirmation-email-requested", userId);

        UsersFixtures.Mail mail = delivered(eventId);
        assertThat(mail.to()).isEqualTo("john.doe@gmail.com");
        assertThat(mail.subject()).isEqualTo("Cryptotalks - Registration confirmation");
        assertThat(mail.links())
                .singleElement()
                .asString()
                .matches("http://localhost:8080/account-confirmation/[0-9a-f]{40}");
        assertThat(hashOf(mail.links().get(0)).type()).isEqualTo("REGISTRATION");
        assertThat(hashOf(mail.links().get(0)).userId()).isEqualTo(userId);
        assertThat(log(eventId).getString("event")).isEqualTo("CONFIRMATION");
    }

    @Test
    void appliesTheRecordedEmailChangeRequested() {
        UUID userId = UUID.randomUUID();

        String eventId = apply("email-change-requested", userId);

        UsersFixtures.Mail link = delivered(eventId);
        assertThat(link.to()).isEqualTo("john.doe@example.org");
        assertThat(link.subject()).isEqualTo("Cryptotalks - Email change confirmation");
        assertThat(link.links())
                .singleElement()
                .asString()
                .matches("http://localhost:8080/email-change-confirmation/[0-9a-f]{40}");
        Hash hash = hashOf(link.links().get(0));
        assertThat(hash.type()).isEqualTo("EMAIL_CHANGE");
        assertThat(hash.changingEmail()).isEqualTo("john.doe@example.org");
        UsersFixtures.Mail notice = delivered(eventId + ":notice");
        assertThat(notice.to()).isEqualTo("john.doe@gmail.com");
        assertThat(notice.links()).isEmpty();
        assertThat(notice.text())
                .contains("john.doe@example.org")
                .doesNotContain(link.links().get(0));
    }

    @Test
    void appliesTheRecordedUserEmailChanged() {
        UUID userId = fixtures.user();

        String eventId = apply("user-email-changed", userId);

        assertThat(jdbc.sql("select email_changed from user_settings where user_id = ?")
                        .param(userId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(log(eventId).getString("event")).isEqualTo("USER");
    }

    @Test
    void appliesTheRecordedPasswordResetRequested() {
        UUID userId = UUID.randomUUID();

        String eventId = apply("password-reset-requested", userId);

        UsersFixtures.Mail mail = delivered(eventId);
        assertThat(mail.to()).isEqualTo("john.doe@gmail.com");
        assertThat(mail.subject()).isEqualTo("Cryptotalks - Password reset");
        assertThat(mail.links())
                .singleElement()
                .asString()
                .matches("http://localhost:8080/reset-password/[0-9a-f]{40}\\?email=john\\.doe%40gmail\\.com");
        Hash hash = hashOf(mail.links().get(0));
        assertThat(hash.type()).isEqualTo("FORGOT_PASSWORD");
        assertThat(hash.changingEmail()).isEqualTo("john.doe@gmail.com");
        // 1 h after the event's time (the recorded one), not the 48 h of a registration link
        assertThat(hash.expiresAt()).isEqualTo(Instant.parse("2026-11-27T10:23:00Z"));
        assertThat(log(eventId).getString("message"))
                .doesNotContain(token(mail.links().get(0)));
    }

    @Test
    void appliesTheRecordedUserPasswordChanged() {
        UUID userId = fixtures.user(
                "pw-" + UUID.randomUUID() + "@example.com",
                "pw" + UUID.randomUUID().toString().substring(0, 8));

        String eventId = apply("user-password-changed", userId);

        UsersFixtures.Mail notice = delivered(eventId);
        assertThat(notice.to()).startsWith("pw-");
        assertThat(notice.subject()).isEqualTo("Cryptotalks - Your password was changed");
        assertThat(log(eventId).getString("event")).isEqualTo("USER");
    }

    @Test
    void appliesTheRecordedPhoneCodeIssuedWithoutLoggingTheCode() {
        UUID userId = UUID.randomUUID();

        String eventId = apply("phone-code-issued", userId);

        UsersFixtures.Mail sms = delivered(eventId);
        assertThat(sms.channel()).isEqualTo("sms");
        assertThat(sms.to()).isEqualTo("+48123456789");
        assertThat(sms.text()).isEqualTo("Cryptotalks verification code: 493027.\nWill be valid for 5 minutes.");
        assertThat(log(eventId).getString("event")).isEqualTo("SECURITY");
        assertThat(log(eventId).toJson()).doesNotContain("493027");
        // sent: the row keeps no code
        assertThat(fixtures.outgoing(eventId)).get().satisfies(row -> {
            assertThat(row.sent()).isTrue();
            assertThat(row.body()).isEmpty();
        });
    }

    @ParameterizedTest
    @CsvSource({"two-factor-enabled, set, is on", "two-factor-disabled, removed, is off"})
    void appliesTheRecordedTwoFactorChanges(String type, String logged, String subject) {
        UUID userId = fixtures.user();

        String eventId = apply(type, userId);

        Document log = log(eventId);
        assertThat(log.getString("event")).isEqualTo("SECURITY");
        assertThat(log.getString("message"))
                .isEqualTo("MFA (TOTP) for user " + userId + " has been successfully " + logged + ".");
        assertThat(delivered(eventId).subject()).endsWith(subject);
    }

    @Test
    void appliesTheRecordedUserProfileUpdated() {
        UUID userId = fixtures.user();
        jdbc.sql("update users set title = 'old' where id = ?").param(userId).update();
        String username = "JohnDoe" + userId.toString().substring(0, 6);
        ConsumerRecord<String, String> record = RecordedEvents.record(Topics.USERS, "user-profile-updated", userId);
        ConsumerRecord<String, String> renamed = new ConsumerRecord<>(
                record.topic(),
                0,
                0L,
                record.key(),
                record.value()
                        .replace("\"username\":\"JohnDoe\"", "\"username\":\"" + username + "\"")
                        .replace("\"bio\":\"Writes about Lightning.\"", "\"bio\":\"\""));

        inbound.accept(renamed);

        var row = jdbc.sql("select username, first_name, last_name, twitter, linked_in, personal_website, title, bio"
                        + " from users where id = ?")
                .param(userId)
                .query((rs, n) -> new String[] {
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8)
                })
                .single();
        assertThat(row)
                .containsExactly(
                        username,
                        "John",
                        "Doe",
                        "https://twitter.com/johndoe",
                        "https://www.linkedin.com/in/johndoe",
                        "https://johndoe.example.com",
                        "Bitcoin maximalist",
                        null);
        assertThat(jdbc.sql("select public_email from user_settings where user_id = ?")
                        .param(userId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void aUsernameTakenMeanwhileKeepsTheOldOneAndIsLoggedAsAnError() {
        UUID taker = fixtures.user("taker-" + UUID.randomUUID() + "@example.com", "JohnDoe");
        UUID userId = fixtures.user();
        String old = jdbc.sql("select username from users where id = ?")
                .param(userId)
                .query(String.class)
                .single();

        String eventId = apply("user-profile-updated", userId);

        assertThat(jdbc.sql("select username from users where id = ?")
                        .param(userId)
                        .query(String.class)
                        .single())
                .isEqualTo(old);
        assertThat(jdbc.sql("select first_name from users where id = ?")
                        .param(userId)
                        .query(String.class)
                        .single())
                .isEqualTo("John");
        assertThat(log(eventId).getString("status")).isEqualTo("ERROR");
        assertThat(taker).isNotEqualTo(userId);
    }

    @Test
    void appliesTheRecordedProfilePhotoChangedAndDeletesThePreviousPhotoAfterCommit() {
        UUID userId = fixtures.user();
        String previous = "users-profile-pictures/" + userId + "/1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c50.jpg";
        String current = "users-profile-pictures/" + userId + "/6e0f3c2a-9b1d-4f5e-8a7c-2d3e4f5a6b70.png";
        put(previous);
        put(current);

        apply("profile-photo-changed", userId);

        assertThat(jdbc.sql("select photo_key from users where id = ?")
                        .param(userId)
                        .query(String.class)
                        .single())
                .isEqualTo(current);
        assertThatThrownBy(
                        () -> s3.headObject(r -> r.bucket(storage.photoBucket()).key(previous)))
                .isInstanceOf(NoSuchKeyException.class);
        assertThat(s3.headObject(r -> r.bucket(storage.photoBucket()).key(current))
                        .contentLength())
                .isEqualTo(3);
    }

    @Test
    void appliesTheRecordedUserAccountClosed() {
        UUID userId = fixtures.user();
        jdbc.sql("insert into user_settings (id, user_id) values (?, ?)")
                .params(UUID.randomUUID(), userId)
                .update();
        jdbc.sql("""
                insert into confirmation_hashes (id, confirmation_hash, confirmation_type, user_id, expires_at)
                values (?, ?, 'REGISTRATION', ?, now())""")
                .params(UUID.randomUUID(), UUID.randomUUID().toString(), userId)
                .update();
        jdbc.sql("""
                insert into phone_codes (id, user_id, purpose, phone, code_hash, expires_at)
                values (?, ?, 'SIGN_IN', '+48123456789', 'x', now())""").params(UUID.randomUUID(), userId).update();
        jdbc.sql("""
                insert into outgoing_messages (id, idempotency_key, user_id, channel, recipient, body, next_attempt_at)
                values (?, ?, ?, 'email', 'x@example.com', 'pending', now() + interval '1 hour')""")
                .params(UUID.randomUUID(), UUID.randomUUID().toString(), userId)
                .update();
        String photo = "users-profile-pictures/" + userId + "/" + UUID.randomUUID() + ".png";
        put(photo);

        String eventId = apply("user-account-closed", userId);

        for (String table : new String[] {"user_settings", "confirmation_hashes", "phone_codes", "outgoing_messages"}) {
            assertThat(fixtures.count(table + " where user_id = ?", userId))
                    .as(table)
                    .isZero();
        }
        assertThat(fixtures.count("users where id = ?", userId)).isZero();
        assertThat(s3.listObjectsV2(
                                r -> r.bucket(storage.photoBucket()).prefix("users-profile-pictures/" + userId + "/"))
                        .contents())
                .isEmpty();
        assertThat(log(eventId).getString("event")).isEqualTo("CLOSE_ACC");
    }

    @Test
    void appliesTheRecordedFollowsExactlyOnceWithExactCounters() {
        UUID follower = fixtures.user();
        UUID followed = fixtures.user();
        ConsumerRecord<String, String> follow =
                following(RecordedEvents.record(Topics.USERS, "user-followed", follower), followed);

        inbound.accept(follow);
        inbound.accept(follow);
        inbound.accept(following(RecordedEvents.record(Topics.USERS, "user-followed", follower), followed));

        assertThat(fixtures.count("user_follows where follower_id = ?", follower))
                .as("twice is one follow")
                .isEqualTo(1);
        assertThat(counters(follower)).containsExactly(0, 1);
        assertThat(counters(followed)).containsExactly(1, 0);
        assertThat(log(json.read(follow.value()).eventId().toString()).getString("event"))
                .isEqualTo("FOLLOW");

        inbound.accept(following(RecordedEvents.record(Topics.USERS, "user-unfollowed", follower), followed));
        inbound.accept(following(RecordedEvents.record(Topics.USERS, "user-unfollowed", follower), followed));

        assertThat(fixtures.count("user_follows where follower_id = ?", follower))
                .isZero();
        assertThat(counters(follower)).containsExactly(0, 0);
        assertThat(counters(followed)).containsExactly(0, 0);
    }

    @Test
    void aFollowOfAClosedAccountIsSkipped() {
        UUID follower = fixtures.user();

        inbound.accept(following(RecordedEvents.record(Topics.USERS, "user-followed", follower), UUID.randomUUID()));

        assertThat(fixtures.count("user_follows where follower_id = ?", follower))
                .isZero();
        assertThat(counters(follower)).containsExactly(0, 0);
    }

    @Test
    void appliesTheRecordedTagFollowsExactlyOnce() {
        UUID userId = fixtures.user();
        String tag = "t" + Long.toString(System.nanoTime(), 36);

        inbound.accept(tagged(RecordedEvents.record(Topics.USERS, "tag-followed", userId), tag));
        inbound.accept(tagged(RecordedEvents.record(Topics.USERS, "tag-followed", userId), tag));
        assertThat(tagFollowers(tag)).isEqualTo(1);

        inbound.accept(tagged(RecordedEvents.record(Topics.USERS, "tag-unfollowed", userId), tag));
        inbound.accept(tagged(RecordedEvents.record(Topics.USERS, "tag-unfollowed", userId), tag));
        assertThat(tagFollowers(tag)).isZero();
        assertThat(fixtures.count("tag_follows where user_id = ?", userId)).isZero();
    }

    @Test
    void closingAnAccountRemovesItsFollowsBothWaysAndMovesTheCountersBack() {
        UUID closing = fixtures.user();
        UUID other = fixtures.user();
        String tag = "t" + Long.toString(System.nanoTime(), 36);
        inbound.accept(following(RecordedEvents.record(Topics.USERS, "user-followed", closing), other));
        inbound.accept(following(RecordedEvents.record(Topics.USERS, "user-followed", other), closing));
        inbound.accept(tagged(RecordedEvents.record(Topics.USERS, "tag-followed", closing), tag));

        apply("user-account-closed", closing);

        assertThat(counters(other)).containsExactly(0, 0);
        assertThat(tagFollowers(tag)).isZero();
        assertThat(jdbc.sql("select count(*) from user_follows where follower_id = ? or followed_id = ?")
                        .params(closing, closing)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(fixtures.count("tag_follows where user_id = ?", closing)).isZero();
    }

    private static ConsumerRecord<String, String> following(ConsumerRecord<String, String> record, UUID other) {
        return new ConsumerRecord<>(
                record.topic(),
                0,
                0L,
                record.key(),
                record.value().replace("186f0ff4-1444-4637-9be3-8c0abc168ba2", other.toString()));
    }

    private static ConsumerRecord<String, String> tagged(ConsumerRecord<String, String> record, String tag) {
        return new ConsumerRecord<>(
                record.topic(),
                0,
                0L,
                record.key(),
                record.value().replace("\"tag\":\"bitcoin\"", "\"tag\":\"" + tag + "\""));
    }

    /** followers, following */
    private java.util.List<Integer> counters(UUID userId) {
        return jdbc.sql("select followers, following from users where id = ?")
                .param(userId)
                .query((rs, n) -> java.util.List.of(rs.getInt(1), rs.getInt(2)))
                .single();
    }

    private int tagFollowers(String tag) {
        return jdbc.sql("select coalesce((select followers from tag_followers where tag = ?), 0)")
                .param(tag)
                .query(Integer.class)
                .single();
    }

    private String apply(String type, UUID userId) {
        ConsumerRecord<String, String> record = RecordedEvents.record(Topics.USERS, type, userId);
        inbound.accept(record);
        return json.read(record.value()).eventId().toString();
    }

    private UsersFixtures.Mail delivered(String idempotencyKey) {
        return await().atMost(DELIVERY)
                .until(() -> fixtures.mailbox(idempotencyKey), java.util.Optional::isPresent)
                .get();
    }

    private Document log(String eventId) {
        return mongo.findById(eventId, Document.class, "informationlogs");
    }

    private Hash hashOf(String link) {
        return jdbc.sql("select user_id, confirmation_type, changing_email, expires_at from confirmation_hashes"
                        + " where confirmation_hash = ?")
                .param(TokenDigest.sha256Hex(token(link)))
                .query((rs, n) -> new Hash(
                        (UUID) rs.getObject(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .single();
    }

    private static String token(String link) {
        String path = link.contains("?") ? link.substring(0, link.indexOf('?')) : link;
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void put(String key) {
        if (!s3.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(storage.photoBucket()))) {
            s3.createBucket(r -> r.bucket(storage.photoBucket()));
        }
        s3.putObject(r -> r.bucket(storage.photoBucket()).key(key), RequestBody.fromBytes(new byte[] {1, 2, 3}));
    }

    private record Hash(UUID userId, String type, String changingEmail, Instant expiresAt) {}
}
