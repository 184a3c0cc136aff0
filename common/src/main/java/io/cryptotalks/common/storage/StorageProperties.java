package io.cryptotalks.common.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cryptotalks.s3.*}: where objects are stored (profile photos). An empty endpoint means AWS S3 itself; the
 * defaults point at the devstack's store.
 */
@ConfigurationProperties("cryptotalks.s3")
public record StorageProperties(String endpoint, String region, String accessKey, String secretKey, String photoBucket) {

    public StorageProperties {
        region = region == null || region.isBlank() ? "us-east-1" : region;
        photoBucket = photoBucket == null || photoBucket.isBlank() ? "cryptotalks-photos" : photoBucket;
    }
}
