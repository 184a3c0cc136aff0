package io.cryptotalks.users.outgoing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a channel without a provider (and without the dev mailbox) does: says so in the log, naming the recipient only
 * (never the text, which holds links and codes), and fails the message for good.
 */
class NoProviderSender implements MessageSender {

    private static final Logger log = LoggerFactory.getLogger(NoProviderSender.class);

    private final String variables;

    /** @param variables what would configure a provider, for the log */
    NoProviderSender(String variables) {
        this.variables = variables;
    }

    @Override
    public void send(OutgoingMessage message) {
        log.warn(
                "{} to {} not sent: no provider configured (set {}, or DEV_MAILBOX=true in development)",
                message.channel().column(),
                message.to(),
                variables);
        throw new NotSendable("not sent: no provider configured");
    }
}
