package io.cryptotalks.users.outgoing;

import com.sendgrid.Method;
import com.sendgrid.Request;
import com.sendgrid.Response;
import com.sendgrid.SendGrid;
import com.sendgrid.helpers.mail.Mail;
import com.sendgrid.helpers.mail.objects.Content;
import com.sendgrid.helpers.mail.objects.Email;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Sends email through the SendGrid v3 API with the official SDK; the idempotency key goes along as custom argument and header. */
class SendGridSender implements MessageSender {

    static final String IDEMPOTENCY_KEY = "idempotencyKey";

    private final SendGrid sendGrid;
    private final Email sender;

    SendGridSender(SendGrid sendGrid, String senderEmail) {
        this.sendGrid = sendGrid;
        this.sender = new Email(senderEmail, "Cryptotalks");
    }

    @Override
    public void send(OutgoingMessage message) {
        Mail mail =
                new Mail(sender, message.subject(), new Email(message.to()), new Content("text/plain", message.text()));
        mail.addCustomArg(IDEMPOTENCY_KEY, message.idempotencyKey());
        mail.addHeader("X-Cryptotalks-Idempotency-Key", message.idempotencyKey());
        try {
            Request request = new Request();
            request.setMethod(Method.POST);
            request.setEndpoint("mail/send");
            request.setBody(mail.build());
            Response response = sendGrid.api(request);
            if (response.getStatusCode() / 100 != 2) {
                throw new MailNotSentException(
                        "SendGrid answered " + response.getStatusCode() + ": " + response.getBody());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("SendGrid could not be reached", e);
        }
    }

    static class MailNotSentException extends RuntimeException {
        MailNotSentException(String message) {
            super(message);
        }
    }
}
