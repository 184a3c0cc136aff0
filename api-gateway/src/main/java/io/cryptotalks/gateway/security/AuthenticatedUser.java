package io.cryptotalks.gateway.security;

import java.util.UUID;

/** The acting user, always taken from a verified access token of a live session, never from a request body. */
public record AuthenticatedUser(UUID userId, UUID sessionId) {}
