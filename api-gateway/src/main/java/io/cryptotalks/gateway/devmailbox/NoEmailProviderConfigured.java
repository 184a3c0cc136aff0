package io.cryptotalks.gateway.devmailbox;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True while no email provider key is set: then the users-service keeps messages in the dev mailbox. */
class NoEmailProviderConfigured implements Condition {

    static final String SENDGRID_API_KEY = "SENDGRID_API_KEY";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return !StringUtils.hasText(context.getEnvironment().getProperty(SENDGRID_API_KEY));
    }
}
