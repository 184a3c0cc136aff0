package io.cryptotalks.gateway.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes the contract's error body where no controller advice reaches: servlet filters and Spring Security. */
@Component
public class ErrorResponses {

    private final JsonMapper json;

    ErrorResponses(JsonMapper json) {
        this.json = json;
    }

    public void write(HttpServletResponse response, ApiError error) throws IOException {
        write(response, error.status().value(), error.body());
    }

    public void write(HttpServletResponse response, ApiError error, String detail) throws IOException {
        write(response, error.status().value(), error.body(detail));
    }

    void write(HttpServletResponse response, int status, ErrorBody body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setHeader("Cache-Control", "no-store");
        json.writeValue(response.getOutputStream(), body);
    }
}
