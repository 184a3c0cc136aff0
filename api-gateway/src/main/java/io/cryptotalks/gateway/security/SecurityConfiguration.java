package io.cryptotalks.gateway.security;

import static org.springframework.security.config.Customizer.withDefaults;
import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

import io.cryptotalks.gateway.web.SecurityHeaders;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.CorsFilter;

/**
 * Deny by default: every endpoint needs a valid access token of a live session, except the public ones listed in
 * {@link #PUBLIC}. On a public endpoint a token is optional ("soft"): a valid one identifies the caller, a missing,
 * expired or garbled one ({@code Bearer null} from the original's proxy) leaves the request anonymous.
 * <p>
 * Every response carries the {@link SecurityHeaders} (and Spring Security's no-cache default where a handler sets no
 * caching of its own); CORS is closed except for the configured origins ({@link CorsPolicy}).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** The one list of endpoints that answer without signing in. */
    static final RequestMatcher PUBLIC = new org.springframework.security.web.util.matcher.OrRequestMatcher(
            pathPattern(HttpMethod.POST, "/api/user/sign-up"),
            pathPattern(HttpMethod.POST, "/api/user/sign-in"),
            pathPattern(HttpMethod.POST, "/api/user/forgot-password"),
            pathPattern(HttpMethod.POST, "/api/user/resend-confirmation"),
            pathPattern(HttpMethod.GET, "/api/user/account-confirmation/{hash}"),
            pathPattern(HttpMethod.GET, "/api/user/email-change-confirmation/{hash}"),
            pathPattern(HttpMethod.GET, "/api/user/get/{username}"),
            pathPattern(HttpMethod.GET, "/api/user/photo/{username}"),
            pathPattern(HttpMethod.GET, "/api/user/followers/{username}/{page}/{pageSize}"),
            pathPattern(HttpMethod.GET, "/api/user/following/{username}/{page}/{pageSize}"),
            pathPattern(HttpMethod.GET, "/api/user/suggest"),
            pathPattern(HttpMethod.GET, "/api/auth/refresh"),
            pathPattern(HttpMethod.GET, "/api/posts/get/{slug}"),
            pathPattern(HttpMethod.GET, "/api/posts/comments/**"),
            pathPattern(HttpMethod.GET, "/api/posts/list/**"),
            pathPattern(HttpMethod.GET, "/api/posts/tags"),
            // soft: the caller's followedByYou with a token
            pathPattern(HttpMethod.GET, "/api/posts/tags/{tag}"),
            pathPattern(HttpMethod.GET, "/api/crypto/list/**"),
            pathPattern(HttpMethod.GET, "/api/crypto/get/{uuid}"),
            pathPattern(HttpMethod.GET, "/api/crypto/market-stats"),
            pathPattern(HttpMethod.GET, "/api/posts/stream/{postId}"),
            pathPattern(HttpMethod.GET, "/api/crypto/history/{uuid}"),
            pathPattern(HttpMethod.GET, "/api/crypto/posts/{uuid}/{page}/{pageSize}"),
            // soft: a username's favourites for anyone, the caller's own without one (401 from the handler if
            // anonymous)
            pathPattern(HttpMethod.GET, "/api/crypto/list-favorites/**"),
            pathPattern(HttpMethod.GET, "/api/dev/mailbox"),
            pathPattern(HttpMethod.GET, "/docs"),
            pathPattern(HttpMethod.GET, "/docs/**"),
            pathPattern(HttpMethod.GET, "/docs-json"),
            pathPattern(HttpMethod.GET, "/docs-json/**"),
            pathPattern(HttpMethod.GET, "/swagger-ui/**"),
            pathPattern(HttpMethod.GET, "/actuator/health"),
            pathPattern(HttpMethod.GET, "/actuator/health/**"),
            pathPattern("/error"));

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            JwtDecoder accessTokens,
            ApiAuthenticationEntryPoint entryPoint,
            ApiAccessDeniedHandler accessDenied,
            ApiRoutes routes,
            SecurityHeaders securityHeaders,
            CorsProperties corsProperties)
            throws Exception {
        AuthorizationManager<RequestAuthorizationContext> signedIn = AuthenticatedAuthorizationManager.authenticated();
        // the async dispatch that ends a live stream belongs to a request authorised when it came in (its token may
        // have expired since, which is why the stream ends)
        http.authorizeHttpRequests(requests -> requests.dispatcherTypeMatchers(DispatcherType.ASYNC)
                        .permitAll()
                        .requestMatchers(PUBLIC)
                        .permitAll()
                        .anyRequest()
                        .access((authentication, context) -> routes.exists(context.getRequest())
                                ? signedIn.authorize(authentication, context)
                                : new AuthorizationDecision(true)))
                .oauth2ResourceServer(server -> server.bearerTokenResolver(new AccessTokenHeader(PUBLIC))
                        .authenticationManagerResolver(managers(accessTokens))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(handling ->
                        handling.authenticationEntryPoint(entryPoint).accessDeniedHandler(accessDenied))
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                // the API authenticates with a header, never with a cookie, except the refresh call whose cookie is
                // SameSite=Strict: there is no ambient credential for a cross-site request to ride on
                .csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .headers(headers ->
                        headers.defaultsDisabled().cacheControl(withDefaults()).addHeaderWriter(securityHeaders))
                // our own CORS filter in Spring Security's place for it: the same checks, a JSON refusal
                .cors(AbstractHttpConfigurer::disable)
                .addFilterAt(new CorsPolicy(corsProperties).filter(), CorsFilter.class);
        return http.build();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ApiAuthenticationEntryPoint errors) {
        return (request, response, rejected) -> errors.writeBadRequest(response, "The request URL is not allowed");
    }

    private static AuthenticationManagerResolver<HttpServletRequest> managers(JwtDecoder accessTokens) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(accessTokens);
        AuthenticationManager strict = provider::authenticate;
        AuthenticationManager soft = authentication -> {
            try {
                return provider.authenticate(authentication);
            } catch (AuthenticationException invalidToken) {
                return new AnonymousAuthenticationToken(
                        "soft", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
            }
        };
        return request -> PUBLIC.matches(request) ? soft : strict;
    }
}
