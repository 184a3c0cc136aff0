package io.cryptotalks.gateway.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/** Every text field of every JSON body: a NUL character is bad input (PostgreSQL cannot store it), never a 500. */
@Component
class TextWithoutNul implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(tools.jackson.databind.json.JsonMapper.Builder builder) {
        builder.addModule(new SimpleModule("text-without-nul").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) {
                String text = super.deserialize(parser, context);
                if (text != null && text.indexOf('\0') >= 0) {
                    throw context.weirdStringException(text, String.class, "contains a NUL character");
                }
                return text;
            }
        }));
    }
}
