package io.cryptotalks.common.settings;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * On a service's own port only {@code /actuator/health} (and its groups, the probes) answers every caller; every
 * other Actuator endpoint, e.g. a worker's {@code POST /actuator/deadletters}, answers only connections made to a
 * loopback address (the launcher, {@code docker exec}/{@code kubectl exec} into the container), and is a 404 to
 * anyone else. Decided on the address the connection was accepted on, which no forwarded header can change.
 * <p>
 * (Actuator stays on the service port rather than a separate management port bound to 127.0.0.1 because the probes
 * of Kubernetes and the launcher's readiness checks reach health on that port. An operator who sets
 * {@code MANAGEMENT_SERVER_PORT} and {@code MANAGEMENT_SERVER_ADDRESS=127.0.0.1} moves all of Actuator there.)
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({Filter.class, FilterRegistrationBean.class})
public class ManagementAccessAutoConfiguration {

    @Bean
    FilterRegistrationBean<LocalManagementOnly> localManagementOnly(Environment environment) {
        String basePath = environment.getProperty("management.endpoints.web.base-path", "/actuator");
        FilterRegistrationBean<LocalManagementOnly> registration =
                new FilterRegistrationBean<>(new LocalManagementOnly(basePath));
        registration.addUrlPatterns(basePath + "/*", basePath);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** The filter: public health, everything else of Actuator for loopback connections only. */
    public static final class LocalManagementOnly implements Filter {

        private final String basePath;

        public LocalManagementOnly(String basePath) {
            this.basePath = basePath;
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            HttpServletRequest http = (HttpServletRequest) request;
            // decoded and normalised (never the raw URI: /actuator/health/../deadletters must not pass as health)
            String path = http.getServletPath() + (http.getPathInfo() == null ? "" : http.getPathInfo());
            if (isPublic(path) || isLoopback(http.getLocalAddr())) {
                chain.doFilter(request, response);
                return;
            }
            HttpServletResponse out = (HttpServletResponse) response;
            out.setStatus(HttpServletResponse.SC_NOT_FOUND);
            out.setContentType("application/json");
            out.setHeader("Cache-Control", "no-store");
            out.getOutputStream()
                    .write(("{\"statusCode\":404,\"message\":\"Cannot " + http.getMethod() + " " + jsonText(path)
                                    + "\",\"error\":\"Not Found\"}")
                            .getBytes(StandardCharsets.UTF_8));
        }

        private boolean isPublic(String path) {
            String health = basePath + "/health";
            return path.equals(health) || path.startsWith(health + "/");
        }

        static boolean isLoopback(String address) {
            if (address == null || address.isBlank()) {
                return false;
            }
            if (!address.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':' || c == '%')) {
                return false; // not a literal address: never look a name up
            }
            try {
                return InetAddress.getByName(address).isLoopbackAddress();
            } catch (UnknownHostException e) {
                return false;
            }
        }

        private static String jsonText(String text) {
            return new String(JsonStringEncoder.getInstance().quoteAsCharArray(text));
        }
    }
}
