package io.cryptotalks.gateway.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where the servlet container sends what failed outside Spring MVC (a rejected URL, an error in a
 * filter): answered in the contract's shape, never Tomcat's HTML or Spring's default body. Not an endpoint of the
 * API, so not in its OpenAPI document.
 */
@Hidden
@RestController
class ApiErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ErrorBody> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null) {
            status = HttpStatus.NOT_FOUND;
        }
        String text = status.getReasonPhrase();
        ErrorBody body = switch (status) {
            case NOT_FOUND -> new ErrorBody(404, "Cannot " + request.getMethod() + " " + originalUri(request), text);
            case BAD_REQUEST -> ApiError.BAD_REQUEST.body("The request is malformed");
            case CONTENT_TOO_LARGE -> ApiError.PAYLOAD_TOO_LARGE.body();
            default -> status.is5xxServerError() ? ApiError.INTERNAL.body() : ErrorBody.of(status);
        };
        return ResponseEntity.status(body.statusCode())
                .header("Cache-Control", "no-store")
                .body(body);
    }

    private static String originalUri(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri == null ? request.getRequestURI() : uri.toString();
    }
}
