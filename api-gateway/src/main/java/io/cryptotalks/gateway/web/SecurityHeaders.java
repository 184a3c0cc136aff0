package io.cryptotalks.gateway.web;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * The security headers of every gateway response, Spring Security's header writers in one place: the security filter
 * chain writes them ({@code SecurityConfiguration}), and so do {@link SecurityHeadersFilter} (for what filters ahead of
 * Spring Security answer: 413, a NUL) and {@link ContainerErrors} (what Tomcat refuses before any filter).
 * <ul>
 * <li>{@code X-Content-Type-Options: nosniff}, {@code X-Frame-Options: DENY}, {@code Referrer-Policy: no-referrer};</li>
 * <li>{@code Strict-Transport-Security} only on requests that arrived over https (directly or, from a trusted proxy,
 * {@code X-Forwarded-Proto: https});</li>
 * <li>a Content-Security-Policy that lets a JSON response do nothing ({@link #API_POLICY}), except the Swagger UI's
 * pages, which load their own scripts and styles and fetch the OpenAPI document ({@link #DOCS_POLICY}).</li>
 * </ul>
 */
@Component
public class SecurityHeaders implements HeaderWriter {

    /** An API response is data: it may load nothing, run nothing, and be framed by nobody. */
    public static final String API_POLICY =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /**
     * The Swagger UI ({@code /docs} redirects to {@code /swagger-ui/index.html}): its own scripts and styles, the
     * OpenAPI document from this origin; its React views set inline styles, its stylesheet has {@code data:} images.
     */
    public static final String DOCS_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; manifest-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /** The Swagger UI's pages and files. */
    public static final RequestMatcher DOCS =
            new OrRequestMatcher(pathPattern("/docs"), pathPattern("/docs/**"), pathPattern("/swagger-ui/**"));

    private final List<HeaderWriter> writers;
    /** For what Tomcat refuses before routing (a malformed URL): never a Swagger UI page, no path matching. */
    private final List<HeaderWriter> containerErrorWriters;

    public SecurityHeaders() {
        HstsHeaderWriter hsts = new HstsHeaderWriter();
        hsts.setMaxAgeInSeconds(31_536_000);
        hsts.setIncludeSubDomains(true);
        List<HeaderWriter> common = List.of(
                new XContentTypeOptionsHeaderWriter(),
                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
                new ReferrerPolicyHeaderWriter(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER),
                hsts);
        this.writers = concat(
                common,
                new DelegatingRequestMatcherHeaderWriter(DOCS, new ContentSecurityPolicyHeaderWriter(DOCS_POLICY)),
                new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(DOCS), new ContentSecurityPolicyHeaderWriter(API_POLICY)));
        this.containerErrorWriters = concat(common, new ContentSecurityPolicyHeaderWriter(API_POLICY));
    }

    private static List<HeaderWriter> concat(List<HeaderWriter> first, HeaderWriter... more) {
        List<HeaderWriter> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return List.copyOf(all);
    }

    /** Sets each header once: written again (an error dispatch, the security chain after the early filter) it stays one. */
    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        write(writers, request, response);
    }

    /** The headers of an error Tomcat answers itself, before any routing. */
    void writeContainerErrorHeaders(HttpServletRequest request, HttpServletResponse response) {
        write(containerErrorWriters, request, response);
    }

    private static void write(List<HeaderWriter> writers, HttpServletRequest request, HttpServletResponse response) {
        HttpServletResponse once = new HttpServletResponseWrapper(response) {
            @Override
            public void addHeader(String name, String value) {
                setHeader(name, value);
            }
        };
        for (HeaderWriter writer : writers) {
            writer.writeHeaders(request, once);
        }
    }
}
