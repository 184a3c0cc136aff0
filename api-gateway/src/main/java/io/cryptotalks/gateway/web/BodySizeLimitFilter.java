package io.cryptotalks.gateway.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code cryptotalks.max-body-size} (the original took 50 MB): at once when the
 * Content-Length says so, and while reading when a chunked body grows past the limit (then parsing fails with
 * {@link BodyTooLargeException}, answered 413).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimitFilter extends OncePerRequestFilter {

    /** A 2 MB photo travels as a base64 data URL: a third larger than the image. */
    private static final String PHOTO_UPLOAD = "/api/user/upload-photo";

    private final long maxBytes;
    private final long maxPhotoBytes;
    private final ErrorResponses errors;

    BodySizeLimitFilter(
            @Value("${cryptotalks.max-body-size:1MB}") DataSize maxBodySize,
            @Value("${cryptotalks.max-photo-body-size:3MB}") DataSize maxPhotoBodySize,
            ErrorResponses errors) {
        this.maxBytes = maxBodySize.toBytes();
        this.maxPhotoBytes = maxPhotoBodySize.toBytes();
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = PHOTO_UPLOAD.equals(request.getRequestURI()) ? maxPhotoBytes : maxBytes;
        if (request.getContentLengthLong() > limit) {
            errors.write(response, ApiError.PAYLOAD_TOO_LARGE, "Request bodies are limited to " + limit + " bytes");
            return;
        }
        chain.doFilter(new LimitedBody(request, limit), response);
    }

    private static final class LimitedBody extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long maxBytes;
        private long read;

        CountingStream(ServletInputStream delegate, long maxBytes) {
            this.delegate = delegate;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > maxBytes) {
                throw new BodyTooLargeException(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }

    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(long maxBytes) {
            super("Request bodies are limited to " + maxBytes + " bytes", null, false, false);
        }
    }
}
