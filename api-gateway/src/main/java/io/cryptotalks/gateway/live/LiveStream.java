package io.cryptotalks.gateway.live;

import java.io.IOException;
import java.util.UUID;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open {@code text/event-stream} response. Sends are serialised (the Kafka listener, the keep-alive and the
 * request thread may all write to it), and {@link #position} is the live stream's place in what it follows, read
 * and advanced only under the same lock by the code that sends.
 */
public final class LiveStream {

    private final SseEmitter emitter;
    private final UUID session;
    private volatile boolean open = true;
    private long position;

    LiveStream(SseEmitter emitter, UUID session) {
        this.emitter = emitter;
        this.session = session;
    }

    /** The session of the signed-in user who opened it; null for a public stream. */
    public UUID session() {
        return session;
    }

    public SseEmitter emitter() {
        return emitter;
    }

    /** Sends the event; false (and the stream closed) when the client has gone. */
    public synchronized boolean send(SseEmitter.SseEventBuilder event) {
        if (!open) {
            return false;
        }
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException gone) {
            close();
            return false;
        }
    }

    public synchronized long position() {
        return position;
    }

    public synchronized void position(long position) {
        this.position = position;
    }

    public boolean isOpen() {
        return open;
    }

    /** Ends the response (the client reconnects, and is asked to sign in again if its session has ended). */
    public void close() {
        open = false;
        emitter.complete();
    }
}
