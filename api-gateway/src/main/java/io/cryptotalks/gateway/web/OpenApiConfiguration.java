package io.cryptotalks.gateway.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String ACCESS_TOKEN = "access-token";

    @Bean
    OpenAPI cryptotalksApi() {
        return new OpenAPI()
                .info(new Info().title("Cryptotalks API").version("1")
                        .description("""
                                The REST API of Cryptotalks. Errors are `{statusCode, message, error}`: clients branch \
                                on `message`. Authenticated endpoints take `x-access-token: Bearer <_at>`; the refresh \
                                token travels in the HttpOnly `_rt` cookie.""")
                        .license(new License().name("MIT")))
                .components(new Components().addSecuritySchemes(ACCESS_TOKEN, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("x-access-token")
                        .description("Bearer <access token from sign-in or refresh>")));
    }
}
