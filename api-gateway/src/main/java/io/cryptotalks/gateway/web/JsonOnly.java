package io.cryptotalks.gateway.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API answers in JSON whatever the Accept header asks for, as the original did: a client asking for XML, HTML or
 * nonsense gets JSON, never a 406 with an empty body, and an error is never lost because the client would not take
 * JSON. What else is on the classpath (an XML converter) does not change the answers either. The profile photo sets
 * its image type itself.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnly implements WebMvcConfigurer {

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer negotiation) {
        negotiation.ignoreAcceptHeader(true).defaultContentType(MediaType.APPLICATION_JSON);
    }
}
