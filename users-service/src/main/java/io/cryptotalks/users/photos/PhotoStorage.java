package io.cryptotalks.users.photos;

import io.cryptotalks.common.storage.StorageProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Deletes profile photos from the photo bucket once the transaction that no longer needs them has committed (a
 * rolled-back event deletes nothing). Deleting a missing object is not an error, so a repeat is harmless. A failure is
 * logged and leaves an orphaned object, never a missing photo.
 */
@Component
public class PhotoStorage {

    private static final Logger log = LoggerFactory.getLogger(PhotoStorage.class);
    /** Where the photos of a user live: {@code users-profile-pictures/<userId>/<photoId>.<ext>}. */
    public static final String PREFIX = "users-profile-pictures/";

    private final S3Client s3;
    private final String bucket;

    PhotoStorage(S3Client s3, StorageProperties properties) {
        this.s3 = s3;
        this.bucket = properties.photoBucket();
    }

    public void deleteAfterCommit(String key) {
        afterCommit(() -> s3.deleteObject(request -> request.bucket(bucket).key(key)), key);
    }

    /** Every object of the user, e.g. when the account is closed. */
    public void deleteAllOfUserAfterCommit(String userId) {
        String prefix = PREFIX + userId + "/";
        afterCommit(
                () -> {
                    for (var page : s3.listObjectsV2Paginator(ListObjectsV2Request.builder()
                            .bucket(bucket)
                            .prefix(prefix)
                            .build())) {
                        List<ObjectIdentifier> keys = page.contents().stream()
                                .map(S3Object::key)
                                .map(key -> ObjectIdentifier.builder().key(key).build())
                                .toList();
                        if (!keys.isEmpty()) {
                            s3.deleteObjects(request -> request.bucket(bucket)
                                    .delete(Delete.builder()
                                            .objects(keys)
                                            .quiet(true)
                                            .build()));
                        }
                    }
                },
                prefix + "*");
    }

    private static void afterCommit(Runnable deletion, String what) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    deletion.run();
                } catch (RuntimeException e) {
                    log.warn("could not delete {} from the photo bucket (left orphaned): {}", what, e.toString());
                }
            }
        });
    }
}
