package io.cryptotalks.common.events;

/** One topic per aggregate; records are keyed by the aggregate id. */
public final class Topics {

    public static final String USERS = "cryptotalks.users";
    public static final String SESSIONS = "cryptotalks.sessions";
    public static final String POSTS = "cryptotalks.posts";
    public static final String FAVOURITES = "cryptotalks.favourites";
    public static final String MARKET = "cryptotalks.market";
    /** Notices of changed notifications, read by every gateway instance for its live streams. */
    public static final String NOTIFICATIONS = "cryptotalks.notifications";

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {}

    /**
     * A notice topic carries hints that readers take from the latest offset (the gateways' market cache and live
     * streams); no table is built from it, so it need not be kept for a rebuild.
     */
    public static boolean isNotice(String topic) {
        return MARKET.equals(topic) || NOTIFICATIONS.equals(topic);
    }

    /** Where a record goes once its retries are spent, or at once when it cannot be read. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
