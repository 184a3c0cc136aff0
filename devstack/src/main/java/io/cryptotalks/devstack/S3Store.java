package io.cryptotalks.devstack;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/** An S3-compatible store (s3proxy) that keeps objects as files and checks SigV2/SigV4 signatures. */
final class S3Store implements AutoCloseable {

    static final String ACCESS_KEY = "local-access";
    static final String SECRET_KEY = "local-secret";

    private final S3Proxy proxy;
    private final String endpoint;

    private S3Store(S3Proxy proxy, String endpoint) {
        this.proxy = proxy;
        this.endpoint = endpoint;
    }

    static S3Store start(Path dataDirectory, int port) throws Exception {
        Files.createDirectories(dataDirectory);
        String endpoint = "http://127.0.0.1:" + port;
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new FilesystemNio2BlobStore(dataDirectory.toString()))
                .endpoint(URI.create(endpoint))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        awaitStarted(proxy);
        return new S3Store(proxy, endpoint);
    }

    private static void awaitStarted(S3Proxy proxy) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!"STARTED".equals(proxy.getState())) {
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("s3proxy did not start within 30 s (state " + proxy.getState() + ")");
            }
            Thread.sleep(10); // s3proxy exposes no start future; its Jetty state is all there is to poll
        }
    }

    String endpoint() {
        return endpoint;
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }
}
