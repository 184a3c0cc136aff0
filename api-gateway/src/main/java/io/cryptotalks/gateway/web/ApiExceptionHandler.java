package io.cryptotalks.gateway.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestCookieException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every failure leaves in the contract's shape; bad input is a 4xx, never a 500. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ErrorBody> api(ApiException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.error().status());
        e.retryAfter().ifPresent(wait -> response.header(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds())));
        return response.body(e.error().body(e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ErrorBody> invalid(MethodArgumentNotValidException e) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .sorted(Comparator.comparing(FieldError::getField))
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .distinct()
                .collect(Collectors.joining("; "));
        return respond(HttpStatus.BAD_REQUEST, ApiError.VALIDATION_ERROR.body(detail));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ErrorBody> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = NestedExceptionUtils.getRootCause(e);
        if (cause instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
            return respond(HttpStatus.CONTENT_TOO_LARGE, ApiError.PAYLOAD_TOO_LARGE.body(tooLarge.getMessage()));
        }
        if (cause instanceof WellFormedText.Refused refused) {
            return respond(
                    HttpStatus.BAD_REQUEST, ApiError.VALIDATION_ERROR.body(refused.field() + ": " + refused.problem()));
        }
        return respond(
                HttpStatus.BAD_REQUEST,
                ApiError.BAD_REQUEST.body("The request body is not valid JSON of the expected shape"));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ErrorBody> mismatch(MethodArgumentTypeMismatchException e) {
        return respond(HttpStatus.BAD_REQUEST, ApiError.BAD_REQUEST.body("Invalid value for '" + e.getName() + "'"));
    }

    /** A path value that converts to nothing (a blank UUID: {@code /api/posts/update/%20}). */
    @ExceptionHandler(MissingPathVariableException.class)
    ResponseEntity<ErrorBody> blankPathValue(MissingPathVariableException e, HttpServletRequest request) {
        if (!e.isMissingAfterConversion()) {
            return unexpected(e, request);
        }
        return respond(
                HttpStatus.BAD_REQUEST, ApiError.BAD_REQUEST.body("Invalid value for '" + e.getVariableName() + "'"));
    }

    /** Tomcat cannot decode the query string or the form body: a broken %-escape, or bytes that are not UTF-8. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ErrorBody> undecodableParameters(InvalidParameterException e) {
        return respond(
                HttpStatus.BAD_REQUEST,
                ApiError.BAD_REQUEST.body(
                        "The query string or form body cannot be decoded: a broken %-escape, or not UTF-8"));
    }

    @ExceptionHandler(MissingRequestCookieException.class)
    ResponseEntity<ErrorBody> missingCookie(MissingRequestCookieException e) {
        return respond(HttpStatus.UNAUTHORIZED, ApiError.INVALID_TOKEN.body("No refresh token cookie"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ApiError.UNSUPPORTED_MEDIA_TYPE.body());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> notFound(NoResourceFoundException e, HttpServletRequest request) {
        return respond(
                HttpStatus.NOT_FOUND,
                new ErrorBody(404, "Cannot " + request.getMethod() + " " + request.getRequestURI(), "Not Found"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(
                HttpStatus.METHOD_NOT_ALLOWED,
                new ErrorBody(
                        405, "Cannot " + request.getMethod() + " " + request.getRequestURI(), "Method Not Allowed"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e, HttpServletRequest request) {
        // Spring MVC's own exceptions carry their status: a 4xx among them is the client's mistake, not our failure
        if (e instanceof ErrorResponse framework && framework.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(framework.getStatusCode().value());
            return respond(status, ErrorBody.of(status));
        }
        log.error("unhandled failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, ApiError.INTERNAL.body());
    }

    private static ResponseEntity<ErrorBody> respond(HttpStatus status, ErrorBody body) {
        return ResponseEntity.status(status).body(body);
    }
}
