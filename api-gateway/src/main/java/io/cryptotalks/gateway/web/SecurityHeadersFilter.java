package io.cryptotalks.gateway.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes the {@link SecurityHeaders} first thing, on every dispatch, so that what the filters ahead of Spring Security
 * answer ({@link BodySizeLimitFilter}'s 413, {@link NulCharacterFilter}'s 400) carries them too.
 */
class SecurityHeadersFilter extends OncePerRequestFilter {

    private final SecurityHeaders headers;

    SecurityHeadersFilter(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        headers.writeHeaders(request, response);
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {

        @Bean
        FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(SecurityHeaders headers) {
            FilterRegistrationBean<SecurityHeadersFilter> registration =
                    new FilterRegistrationBean<>(new SecurityHeadersFilter(headers));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.setDispatcherTypes(
                    DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC, DispatcherType.FORWARD);
            return registration;
        }
    }
}
