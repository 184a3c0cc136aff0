package io.cryptotalks.gateway.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Whether a request names a route the API has. An unknown path is not a protected resource: it answers the
 * contract's 404 ({@code Cannot GET /api/nope}) to anyone, while every route that exists stays denied by default.
 */
@Component
class ApiRoutes {

    private final HandlerMapping controllers;

    ApiRoutes(@Qualifier("requestMappingHandlerMapping") HandlerMapping controllers) {
        this.controllers = controllers;
    }

    boolean exists(HttpServletRequest request) {
        if (!ServletRequestPathUtils.hasParsedRequestPath(request)) {
            ServletRequestPathUtils.parseAndCache(request);
        }
        try {
            return controllers.getHandler(request) != null;
        } catch (Exception wrongMethodOrMediaType) {
            return true;
        }
    }
}
