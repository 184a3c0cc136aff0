package io.cryptotalks.gateway.account;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

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

    /** No user has a profile photo yet: uploading one arrives with the photo issue, which replaces that column. */
    public Optional<PersonalInformation> personalInformation(UUID userId) {
        return jdbc.sql("""
                        select id, email, first_name, last_name, twitter, linked_in, personal_website, title, bio,
                               username, false as is_profile_pic_present, created_at
                        from users where id = :id
                        """)
                .param("id", userId)
                .query(PersonalInformation.class)
                .optional();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public record SignInAccount(UUID id, String email, String password, boolean confirmed) {
    }
}
