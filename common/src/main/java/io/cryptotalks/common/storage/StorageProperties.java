package io.cryptotalks.common.storage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cryptotalks.s3.*}: where objects are stored (profile photos). An empty endpoint means AWS S3 itself; the
 * defaults point at the devstack's store.
 */
@Validated
@ConfigurationProperties("cryptotalks.s3")
public record StorageProperties(
        @Pattern(
                regexp = "(https?://[^\\s/]+(/\\S*)?)?",
                message = "S3_ENDPOINT is malformed: expected http(s)://host[:port], or empty for AWS S3 itself")
        String endpoint,

        String region,

        @NotBlank(message = "S3_ACCESS_KEY is missing: set the access key of the S3 store")
        String accessKey,

        @NotBlank(message = "S3_SECRET_KEY is missing: set the secret key of the S3 store")
        String secretKey,

        @Pattern(
                regexp = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]",
                message =
                        "AWS_S3_NAME is malformed: an S3 bucket name is 3 to 63 lower-case letters, digits, dots and hyphens")
        String photoBucket) {

    public StorageProperties {
        region = region == null || region.isBlank() ? "us-east-1" : region;
        photoBucket = photoBucket == null || photoBucket.isBlank() ? "cryptotalks-photos" : photoBucket;
    }
}
