package io.cryptotalks.cryptorates.coingecko;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An entry of CoinGecko's {@code /coins/list}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record GeckoCoin(String id, String symbol, String name) {}
