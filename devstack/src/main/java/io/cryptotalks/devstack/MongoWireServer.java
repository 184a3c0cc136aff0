package io.cryptotalks.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A MongoDB-wire server (mongo-java-server): an H2 file when data must survive restarts, memory otherwise. */
final class MongoWireServer implements AutoCloseable {

    static final String DATABASE = "cryptotalks";

    private final MongoServer server;

    private MongoWireServer(MongoServer server) {
        this.server = server;
    }

    static MongoWireServer start(Path dataDirectory, int port, boolean keepData) throws IOException {
        MongoBackend backend;
        if (keepData) {
            Files.createDirectories(dataDirectory);
            backend = new H2Backend(dataDirectory.resolve("mongo.mv").toString());
        } else {
            backend = new MemoryBackend();
        }
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        return new MongoWireServer(server);
    }

    String uri() {
        return "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/" + DATABASE;
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
