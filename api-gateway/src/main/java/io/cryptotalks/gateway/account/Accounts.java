package io.cryptotalks.gateway.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The gateway's access to the users-service's tables: the reads, and the synchronous writes listed in
 * users-service/README.md (the new users row, using a confirmation hash).
 */
@Repository
public class Accounts {

    private final JdbcClient jdbc;

    Accounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the email or username is taken, in any case */
    void insert(UUID id, SignUpRequest request, String passwordHash) {
        jdbc.sql("""
                        insert into users (id, email, password, account_confirm, first_name, last_name, username,
                                           twitter, linked_in, personal_website, title, bio, tac)
                        values (:id, :email, :password, false, :firstName, :lastName, :username,
                                :twitter, :linkedIn, :personalWebsite, :title, :bio, true)
                        """)
                .param("id", id)
                .param("email", request.email().trim())
                .param("password", passwordHash)
                .param("firstName", blankToNull(request.firstName()))
                .param("lastName", blankToNull(request.lastName()))
                .param("username", request.username())
                .param("twitter", blankToNull(request.twitter()))
                .param("linkedIn", blankToNull(request.linkedIn()))
                .param("personalWebsite", blankToNull(request.personalWebsite()))
                .param("title", blankToNull(request.title()))
                .param("bio", blankToNull(request.bio()))
                .update();
    }

    /**
     * An account is confirmed once its registration hash is used (written by the gateway at once), even before the
     * users-service has set {@code account_confirm}: sign-in right after confirmation works.
     */
    public Optional<SignInAccount> findForSignIn(String email) {
        return jdbc.sql("""
                        select u.id, u.email, u.password,
                               (u.account_confirm or exists (select 1 from confirmation_hashes h
                                   where h.user_id = u.id and h.confirmation_type = 'REGISTRATION' and h.confirmed))
                                   as confirmed
                        from users u where lower(u.email) = lower(:email)
                        """)
                .param("email", email.trim())
                .query(SignInAccount.class)
                .optional();
    }

    /** Re-hashes an old bcrypt hash with Argon2id, unless the password changed meanwhile. */
    public void replacePasswordHash(UUID userId, String oldHash, String newHash) {
        jdbc.sql("update users set password = :newHash, updated_at = now() where id = :id and password = :oldHash")
                .param("id", userId)
                .param("oldHash", oldHash)
                .param("newHash", newHash)
                .update();
    }

    /** The profile as the refresh response shows it to its owner: with the email, empty fields as "". */
    public Optional<PersonalInformation> personalInformation(UUID userId) {
        return jdbc.sql(PROFILE + " where u.id = :id")
                .param("id", userId)
                .query(PersonalInformation.class)
                .optional()
                .map(PersonalInformation::withEmptyStrings);
    }

    /** The public profile: the email only when its owner chose to show it. */
    Optional<PersonalInformation> publicProfile(String username) {
        return jdbc.sql(PROFILE + " where lower(u.username) = lower(:username)")
                .param("username", username)
                .query(PersonalInformation.class)
                .optional()
                .map(profile -> profile.withEmptyStrings()
                        .withEmailShown(jdbc.sql(
                                        "select coalesce((select public_email from user_settings where user_id = :id), false)")
                                .param("id", profile.id())
                                .query(Boolean.class)
                                .single()));
    }

    private static final String PROFILE = """
            select u.id, u.email, u.first_name, u.last_name, u.twitter, u.linked_in, u.personal_website, u.title,
                   u.bio, u.username, u.photo_key is not null as is_profile_pic_present, u.created_at
            from users u""";

    Optional<Account> byId(UUID userId) {
        return jdbc.sql("select id, email, username, password, photo_key from users where id = :id")
                .param("id", userId)
                .query(Account.class)
                .optional();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("select exists (select 1 from users where lower(email) = lower(:email))")
                .param("email", email.trim())
                .query(Boolean.class)
                .single();
    }

    boolean usernameTakenByAnother(String username, UUID userId) {
        return jdbc.sql("select exists (select 1 from users where lower(username) = lower(:username) and id <> :id)")
                .param("username", username)
                .param("id", userId)
                .query(Boolean.class)
                .single();
    }

    void updatePassword(UUID userId, String hash) {
        jdbc.sql("update users set password = :hash, updated_at = now() where id = :id")
                .param("id", userId)
                .param("hash", hash)
                .update();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when another account took the address meanwhile */
    void updateEmail(UUID userId, String email) {
        jdbc.sql("update users set email = :email, updated_at = now() where id = :id")
                .param("id", userId)
                .param("email", email)
                .update();
    }

    void updatePhotoKey(UUID userId, String photoKey) {
        jdbc.sql("update users set photo_key = :key, updated_at = now() where id = :id")
                .param("id", userId)
                .param("key", photoKey)
                .update();
    }

    Optional<String> photoKeyOf(String username) {
        return jdbc.sql(
                        "select photo_key from users where lower(username) = lower(:username) and photo_key is not null")
                .param("username", username)
                .query(String.class)
                .optional();
    }

    void delete(UUID userId) {
        jdbc.sql("delete from users where id = :id").param("id", userId).update();
    }

    record Account(UUID id, String email, String username, String password, String photoKey) {}

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public record SignInAccount(UUID id, String email, String password, boolean confirmed) {}
}
