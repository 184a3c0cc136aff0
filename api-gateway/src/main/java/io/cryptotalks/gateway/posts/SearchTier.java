package io.cryptotalks.gateway.posts;

/**
 * One tier of a search (1: the words in the title, 2: elsewhere) as a UNION branch of its first {@code :window} rows
 * in the page's order. Few matches: read them all through the GIN index and sort them ({@code offset 0} keeps the
 * planner from walking the order's index instead). Many: walk the order's index and test each row, which finds a
 * page of a common word after a few hundred rows. PostgreSQL cannot tell the two cases apart for prefix queries (it
 * guesses 2 % of the table for any of them); the count of matches, which the page needs anyway, can. A count a few
 * seconds old only chooses the plan: the rows are always read now.
 */
record SearchTier(int tier, PostFilter filter, long matches) {

    static final long READ_ALL_UP_TO = 2_000;

    String sql(PostSearch.Query query) {
        String select = "select " + PostSearch.columns("p") + ", " + tier + " as tier from posts p" + filter.where();
        return matches <= READ_ALL_UP_TO
                ? "(select * from (" + select + " offset 0) p order by " + query.orderOf("p") + " limit :window)"
                : "(" + select + " order by " + query.orderOf("p") + " limit :window)";
    }
}
