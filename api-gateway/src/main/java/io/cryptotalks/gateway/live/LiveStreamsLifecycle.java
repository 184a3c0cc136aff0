package io.cryptotalks.gateway.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link LiveStreams} of this instance and ends them all when it stops, before the web server's graceful
 * shutdown: an open stream is a request in progress that would hold the shutdown for its whole timeout, and its
 * client reconnects (to another instance) at once anyway.
 */
@Component
public class LiveStreamsLifecycle implements SmartLifecycle {

    private final List<LiveStreams<?>> created = new CopyOnWriteArrayList<>();
    private volatile boolean running;

    public <K> LiveStreams<K> create(int perKey) {
        LiveStreams<K> streams = new LiveStreams<>(perKey);
        created.add(streams);
        return streams;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        created.forEach(streams -> streams.all().toList().forEach(LiveStream::close));
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
