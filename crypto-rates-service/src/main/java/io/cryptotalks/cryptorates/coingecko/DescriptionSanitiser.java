package io.cryptotalks.cryptorates.coingecko;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * CoinGecko's descriptions are HTML written by third parties and shown on our pages: only jsoup's basic safelist
 * survives (text formatting, lists, http(s) links with rel=nofollow); scripts, event handlers, images, styles go.
 */
final class DescriptionSanitiser {

    private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

    private DescriptionSanitiser() {}

    /** @return the safe HTML, or null when nothing is left */
    static String sanitise(String html) {
        String clean = Jsoup.clean(html, "", Safelist.basic(), COMPACT).strip();
        return clean.isEmpty() ? null : clean;
    }
}
