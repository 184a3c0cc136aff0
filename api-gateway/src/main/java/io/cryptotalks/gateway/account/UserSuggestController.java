package io.cryptotalks.gateway.account;

import io.cryptotalks.gateway.web.ErrorBody;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "user")
class UserSuggestController {

    private final UserSuggestions suggestions;

    UserSuggestController(UserSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @GetMapping("/api/user/suggest")
    @Operation(
            summary = "Usernames starting with a prefix (the @ autocomplete)",
            description = "At most 8 confirmed users whose username starts with prefix in any case, in alphabetical "
                    + "order of the lower-case name.")
    @ApiResponse(responseCode = "200", description = "the usernames (maybe none)")
    @ApiResponse(
            responseCode = "400",
            description = "bad-request: prefix missing, blank or longer than 30 characters",
            content = @Content(schema = @Schema(implementation = ErrorBody.class)))
    List<UserSuggestions.Suggestion> suggest(@Parameter(example = "al") @RequestParam(required = false) String prefix) {
        return suggestions.startingWith(prefix);
    }
}
