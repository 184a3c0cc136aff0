package io.cryptotalks.cryptorates;

import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recorded Coinranking {@code /coins} answer ({@code fixtures/coinranking-coins.json}: Bitcoin, Ethereum, Tether),
 * with its coins given uuids of their own, since every test class shares one database; edits return a new body.
 */
public final class CoinrankingBody {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final ObjectNode body;

    private CoinrankingBody(ObjectNode body) {
        this.body = body;
    }

    /** The three recorded coins, each with a new uuid. */
    public static CoinrankingBody recordedWithNewCoins() {
        ObjectNode body = (ObjectNode) MAPPER.readTree(MarketApis.fixture("coinranking-coins.json"));
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        int index = 0;
        for (JsonNode coin : body.path("data").path("coins")) {
            String uuid = "t" + tag + index++;
            ((ObjectNode) coin).put("uuid", uuid);
            ((ObjectNode) coin).put("coinrankingUrl", "https://coinranking.com/coin/" + uuid + "+test");
        }
        return new CoinrankingBody(body);
    }

    public String uuid(int coin) {
        return coin(coin).path("uuid").asString();
    }

    public CoinrankingBody with(int coin, String field, String value) {
        CoinrankingBody copy = copy();
        copy.coin(coin).put(field, value);
        return copy;
    }

    public CoinrankingBody without(int coin, String field) {
        CoinrankingBody copy = copy();
        copy.coin(coin).remove(field);
        return copy;
    }

    public CoinrankingBody withRank(int coin, int rank) {
        CoinrankingBody copy = copy();
        copy.coin(coin).put("rank", rank);
        return copy;
    }

    public CoinrankingBody withSparkline(int coin, String... points) {
        CoinrankingBody copy = copy();
        var sparkline = copy.coin(coin).putArray("sparkline");
        for (String point : points) {
            sparkline.add(point);
        }
        return copy;
    }

    /** An extra coin that is no coin at all: a symbol and nothing else. */
    public CoinrankingBody withAnEntryWithoutUuid() {
        CoinrankingBody copy = copy();
        ((tools.jackson.databind.node.ArrayNode) copy.body.path("data").path("coins"))
                .addObject()
                .put("symbol", "NOPE");
        return copy;
    }

    public String json() {
        return MAPPER.writeValueAsString(body);
    }

    private ObjectNode coin(int index) {
        return (ObjectNode) body.path("data").path("coins").get(index);
    }

    private CoinrankingBody copy() {
        return new CoinrankingBody(body.deepCopy());
    }
}
