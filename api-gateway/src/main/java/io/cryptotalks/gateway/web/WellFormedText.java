package io.cryptotalks.gateway.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every text field of every JSON body, in one place: text that is not plain text is a field's validation error (400
 * {@code validation-error} naming the field, see {@link ApiExceptionHandler}), never a 500 and never silently altered.
 * <ul>
 * <li>a NUL: PostgreSQL cannot store it;</li>
 * <li>another control character, except tab, line feed and carriage return: no field here means one, and they
 * disguise text in logs and terminals;</li>
 * <li>half of a surrogate pair: it has no UTF-8 form, so it would be stored as '?' or break the JSON written back.</li>
 * </ul>
 */
@Component
class WellFormedText implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.addModule(new SimpleModule("well-formed-text").addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) {
                String text = super.deserialize(parser, context);
                String problem = problemOf(text);
                if (problem != null) {
                    throw new Refused(parser, problem, text);
                }
                return text;
            }
        }));
    }

    /** What is wrong with {@code text} as a field's value, or null when nothing is. */
    static String problemOf(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return "must not contain control characters (tab and line breaks are fine)";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must be valid Unicode text (it has half of a surrogate pair)";
            }
        }
        return null;
    }

    /** A field whose text is refused; Jackson adds the field's path as the exception travels up. */
    static final class Refused extends InvalidFormatException {

        private final String problem;

        Refused(JsonParser parser, String problem, String text) {
            super(parser, problem, text, String.class);
            this.problem = problem;
        }

        /** {@code email}, {@code content[2]}: where in the body the text was. */
        String field() {
            StringBuilder field = new StringBuilder();
            for (JacksonException.Reference reference : getPath()) {
                if (reference.getPropertyName() != null) {
                    field.append(field.isEmpty() ? "" : ".").append(reference.getPropertyName());
                } else if (reference.getIndex() >= 0) {
                    field.append('[').append(reference.getIndex()).append(']');
                }
            }
            return field.isEmpty() ? "body" : field.toString();
        }

        String problem() {
            return problem;
        }
    }
}
