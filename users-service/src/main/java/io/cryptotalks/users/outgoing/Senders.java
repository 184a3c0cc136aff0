package io.cryptotalks.users.outgoing;

/** The sender of each channel, chosen once at start-up (see {@link SendersConfiguration}). */
record Senders(MessageSender email, MessageSender sms) {

    MessageSender of(Channel channel) {
        return channel == Channel.SMS ? sms : email;
    }
}
