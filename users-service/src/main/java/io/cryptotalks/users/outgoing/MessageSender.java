package io.cryptotalks.users.outgoing;

/** Hands a message to one provider. Throws when it was not taken; {@link NotSendable} when retrying cannot help. */
interface MessageSender {

    void send(OutgoingMessage message);

    /** No retry can deliver this message (no provider is configured): the row is marked failed at once. */
    class NotSendable extends RuntimeException {
        NotSendable(String message) {
            super(message);
        }
    }
}
