package io.cryptotalks.gateway.account;

import io.cryptotalks.common.events.users.ProfilePhotoChanged;
import io.cryptotalks.common.outbox.OutboxWriter;
import io.cryptotalks.common.storage.StorageProperties;
import io.cryptotalks.gateway.web.ApiError;
import java.util.Base64;
import java.util.UUID;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Profile photos (E16) on S3, under a new key per upload ({@code users-profile-pictures/<userId>/<photoId>.<ext>}):
 * the object is written before the change commits, so a failed commit leaves only an unreferenced object, never a
 * reference to a missing one; the users-service deletes the previous photo after its own commit.
 */
@Service
class ProfilePhotos {

    static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final String DATA_URL = "^data:image/[a-zA-Z0-9.+-]+;base64,";

    private final S3Client s3;
    private final String bucket;
    private final Accounts accounts;
    private final OutboxWriter outbox;
    private final TransactionTemplate transactions;

    ProfilePhotos(
            S3Client s3,
            StorageProperties storage,
            Accounts accounts,
            OutboxWriter outbox,
            TransactionTemplate transactions) {
        this.s3 = s3;
        this.bucket = storage.photoBucket();
        this.accounts = accounts;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    void upload(UUID userId, String dataUrl) {
        byte[] bytes = decode(dataUrl);
        if (bytes.length > MAX_BYTES) {
            throw ApiError.PAYLOAD_TOO_LARGE.exception("A profile photo may be at most 2 MB");
        }
        ImageFormat format = ImageFormat.of(bytes)
                .orElseThrow(() -> ApiError.VALIDATION_ERROR.exception("photo: must be a PNG, JPEG or WebP image"));
        byte[] stored = format.clean(bytes);
        Accounts.Account account = accounts.byId(userId).orElseThrow(ApiError.SESSION_HAS_EXPIRED::exception);
        String key = "users-profile-pictures/" + userId + "/" + UUID.randomUUID() + "." + format.extension();
        s3.putObject(put -> put.bucket(bucket).key(key).contentType(format.mediaType()), RequestBody.fromBytes(stored));
        transactions.executeWithoutResult(status -> {
            accounts.updatePhotoKey(userId, key);
            outbox.append(new ProfilePhotoChanged(userId, key, account.photoKey() == null ? "" : account.photoKey()));
        });
    }

    Photo photoOf(String username) {
        String key = accounts.photoKeyOf(username).orElseThrow(ApiError.USER_NOT_FOUND::exception);
        try {
            ResponseBytes<GetObjectResponse> object =
                    s3.getObjectAsBytes(get -> get.bucket(bucket).key(key));
            return new Photo(object.asByteArray(), object.response().contentType(), key);
        } catch (NoSuchKeyException | NoSuchBucketException missing) {
            throw ApiError.USER_NOT_FOUND.exception("No profile photo");
        }
    }

    private static byte[] decode(String dataUrl) {
        String base64 = dataUrl.replaceFirst(DATA_URL, "");
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw ApiError.VALIDATION_ERROR.exception("photo: must be a data URL with base64 image data");
        }
    }

    record Photo(byte[] bytes, String mediaType, String key) {}

    @Configuration(proxyBeanMethods = false)
    static class Bucket {

        /** The bucket is created on start when missing (the devstack's store and a fresh MinIO have none). */
        @Bean
        ApplicationRunner photoBucket(S3Client s3, StorageProperties storage) {
            return args -> {
                try {
                    s3.headBucket(head -> head.bucket(storage.photoBucket()));
                } catch (NoSuchBucketException missing) {
                    try {
                        s3.createBucket(create -> create.bucket(storage.photoBucket()));
                    } catch (BucketAlreadyOwnedByYouException createdByAnotherInstance) {
                        // two gateways starting together (up --replicas 2): the other one made it a moment ago
                    }
                }
            };
        }
    }
}
