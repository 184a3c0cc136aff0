package io.cryptotalks.gateway.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The contract's generic body: {@code {"message":"success"}} and the soft protocol messages. */
@Schema(name = "Message", example = "{\"message\":\"success\"}")
public record MessageResponse(String message) {

    public static final MessageResponse SUCCESS = new MessageResponse("success");
}
