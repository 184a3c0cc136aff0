package io.cryptotalks.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request, so that a test can send what {@link Api}'s
 * {@code java.net.http} client refuses to: a request target with raw bytes or broken percent-escapes
 * ({@code /a%ZZ}), bodies of any bytes and any Content-Type. The whole exchange must end within the timeout.
 */
final class RawHttp {

    private final String host;
    private final int port;

    RawHttp(String baseUrl) {
        URI uri = URI.create(baseUrl);
        this.host = uri.getHost();
        this.port = uri.getPort();
    }

    /**
     * @param target the request target as sent: each char is one byte (ISO-8859-1), so it may hold any byte
     * @param body   null for none; otherwise sent with its Content-Length
     */
    record Request(String method, String target, List<String[]> headers, byte[] body) {

        /** The request as it goes on the wire, for a failure message (bodies cut after {@code maxBody} chars). */
        String describe(int maxBody) {
            StringBuilder text = new StringBuilder(method)
                    .append(' ')
                    .append(printable(target, 600))
                    .append('\n');
            for (String[] header : headers) {
                text.append(header[0])
                        .append(": ")
                        .append(printable(header[1], 200))
                        .append('\n');
            }
            if (body != null) {
                text.append('\n')
                        .append(printable(new String(body, StandardCharsets.UTF_8), maxBody))
                        .append("\n(")
                        .append(body.length)
                        .append(" bytes)");
            }
            return text.toString();
        }
    }

    record Reply(int status, Map<String, List<String>> headers, byte[] body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** No complete response within the time given: the server hangs on this request. */
    static final class NoAnswer extends IOException {
        NoAnswer(String message) {
            super(message);
        }
    }

    Reply send(Request request, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                write(socket.getOutputStream(), request);
            } catch (IOException refusedWhileSending) {
                // the server may answer (413) and close before reading all of a large body: read what it said
            }
            return parse(readAll(socket.getInputStream(), deadline));
        } catch (SocketTimeoutException e) {
            throw new NoAnswer("no complete response within " + timeout.toMillis() + " ms");
        }
    }

    private void write(OutputStream out, Request request) throws IOException {
        StringBuilder head = new StringBuilder()
                .append(request.method())
                .append(' ')
                .append(request.target())
                .append(" HTTP/1.1\r\n")
                .append("Host: ")
                .append(host)
                .append(':')
                .append(port)
                .append("\r\n")
                .append("Connection: close\r\n");
        for (String[] header : request.headers()) {
            head.append(header[0]).append(": ").append(header[1]).append("\r\n");
        }
        if (request.body() != null) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (request.body() != null) {
            out.write(request.body());
        }
        out.flush();
    }

    private static byte[] readAll(InputStream in, long deadline) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, read);
                byte[] head = streamHead(bytes.toByteArray());
                if (head != null) {
                    return head;
                }
                if (System.nanoTime() > deadline) {
                    throw new SocketTimeoutException("still sending after the deadline");
                }
            }
        } catch (java.net.SocketException reset) {
            if (bytes.size() == 0) {
                throw reset;
            }
        }
        return bytes.toByteArray();
    }

    /**
     * The head of a live event stream (which answers, then never ends): its status line and headers are the answer;
     * null while the head is incomplete or the answer is anything else.
     */
    private static byte[] streamHead(byte[] raw) {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            return null;
        }
        String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return head.contains("\r\ncontent-type: text/event-stream") ? java.util.Arrays.copyOf(raw, end + 4) : null;
    }

    private static Reply parse(byte[] raw) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        if (end < 0) {
            throw new IOException(
                    "not an HTTP response: " + printable(new String(raw, StandardCharsets.ISO_8859_1), 200));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(
                            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> encoding = headers.getOrDefault("transfer-encoding", List.of());
        return new Reply(status, headers, encoding.contains("chunked") ? unchunk(body) : body);
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < body.length) {
            int lineEnd = indexOf(body, new byte[] {'\r', '\n'}, at);
            String sizeText = new String(body, at, lineEnd - at, StandardCharsets.ISO_8859_1);
            int size = Integer.parseInt(sizeText.split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Control characters and non-ASCII shown as escapes, long text cut: a failure message stays readable. */
    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.length() >= max ? out + "… (" + text.length() + " chars)" : out.toString();
    }
}
