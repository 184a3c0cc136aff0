package io.cryptotalks.gateway.devmailbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A development tool: the email and SMS the users-service kept in its dev mailbox instead of sending. The route
 * exists only with {@code cryptotalks.dev-mailbox.enabled=true} ({@code DEV_MAILBOX=true}, which {@code ./cryptotalks
 * up} and the tests set) — never because a provider key is missing; otherwise it answers 404 like any unknown path.
 */
@RestController
@Tag(name = "dev")
@ConditionalOnBooleanProperty("cryptotalks.dev-mailbox.enabled")
class DevMailboxController {

    private static final int LIMIT = 100;

    private final JdbcClient jdbc;

    DevMailboxController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/api/dev/mailbox")
    @Operation(
            summary = "Development mailbox: the latest 100 emails and SMS, newest first",
            description = "A development tool, only with DEV_MAILBOX=true; 404 otherwise.")
    List<MailboxMessage> messages() {
        return jdbc.sql("""
                        select id, channel, recipient, subject, body, links, created_at from dev_mailbox
                        order by created_at desc limit :limit
                        """)
                .param("limit", LIMIT)
                .query((rs, row) -> new MailboxMessage(
                        rs.getObject("id", UUID.class),
                        rs.getString("channel"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("body"),
                        Arrays.asList((String[]) rs.getArray("links").getArray()),
                        rs.getObject("created_at", OffsetDateTime.class)))
                .list();
    }

    @Schema(name = "MailboxMessage")
    record MailboxMessage(
            UUID id,
            @Schema(allowableValues = {"email", "sms"}) String channel,
            String to,

            @Schema(nullable = true, description = "none for an SMS")
            String subject,

            String text,
            List<String> links,
            OffsetDateTime createdAt) {}
}
