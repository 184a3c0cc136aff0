package io.cryptotalks.gateway.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String ACCESS_TOKEN = "access-token";

    @Bean
    OpenAPI cryptotalksApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Cryptotalks API")
                        .version("1")
                        .description("""
                                The REST API of Cryptotalks. Errors are `{statusCode, message, error}`: clients branch \
                                on `message`. Authenticated endpoints take `x-access-token: Bearer <_at>`; the refresh \
                                token travels in the HttpOnly `_rt` cookie.""")
                        .license(new License().name("MIT")))
                // relative: the same document wherever the gateway runs (springdoc would name the address this request
                // came to, and the web app's committed copy, frontend/openapi.json, would differ from run to run)
                .servers(List.of(new Server().url("/").description("this gateway")))
                .components(new Components()
                        .addSecuritySchemes(
                                ACCESS_TOKEN,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.APIKEY)
                                        .in(SecurityScheme.In.HEADER)
                                        .name("x-access-token")
                                        .description("Bearer <access token from sign-in or refresh>")));
    }
}
