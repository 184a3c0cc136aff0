package io.cryptotalks.users.outgoing;

/** How a message leaves: {@code outgoing_messages.channel} and {@code dev_mailbox.channel}. */
public enum Channel {
    EMAIL("email"),
    SMS("sms");

    private final String column;

    Channel(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }

    static Channel of(String column) {
        return "sms".equals(column) ? SMS : EMAIL;
    }
}
