package io.cryptotalks.gateway.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Requests Tomcat refuses before any servlet sees them (an encoded slash or a malformed URL) are answered by the
 * host's error-report valve; ours writes the contract's JSON body instead of Tomcat's HTML page. Ordered last, so it
 * replaces the valve Spring Boot installs.
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final SecurityHeaders headers;

    ContainerErrors(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new JsonErrorReportValve(headers));
            // so that the host, when it starts, finds this valve instead of adding Tomcat's HTML one
            ((StandardHost) host).setErrorReportValveClass(JsonErrorReportValve.class.getName());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static final class JsonErrorReportValve extends ErrorReportValve {

        private final SecurityHeaders headers;

        /** For Tomcat, which makes the host's valve by class name when it finds none (ours is always there first). */
        public JsonErrorReportValve() {
            this(new SecurityHeaders());
        }

        JsonErrorReportValve(SecurityHeaders headers) {
            this.headers = headers;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
                return;
            }
            String message = switch (status) {
                case 400 -> "bad-request";
                case 404 -> "Cannot " + request.getMethod() + " " + request.getDecodedRequestURI();
                default -> status >= 500 ? "Internal server error" : "error";
            };
            String error = status == 400 ? "The request URL is not allowed" : status == 404 ? "Not Found" : "Error";
            try {
                headers.writeContainerErrorHeaders(request, response);
                response.setContentType("application/json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"statusCode\":" + status + ",\"message\":\"" + escape(message) + "\",\"error\":\""
                            + error + "\"}");
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone; nothing to answer
            }
        }

        private static String escape(String text) {
            return new String(JsonStringEncoder.getInstance().quoteAsCharArray(text));
        }
    }
}
