package io.cryptotalks.common.settings;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The connection settings every service reads, validated so that a malformed one stops the start with one line
 * ({@link SettingsFailureAnalyzer}) rather than a connection error later.
 */
@AutoConfiguration
@EnableConfigurationProperties({DatabaseSettings.class, KafkaSettings.class})
public class SettingsAutoConfiguration {}
