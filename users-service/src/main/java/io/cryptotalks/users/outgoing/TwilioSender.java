package io.cryptotalks.users.outgoing;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;

/** Sends SMS through the Twilio Messages API with the official SDK, from {@code TWILIO_AUTH_PHONE}. */
class TwilioSender implements MessageSender {

    private final TwilioRestClient client;
    private final PhoneNumber from;

    TwilioSender(TwilioRestClient client, String fromPhone) {
        this.client = client;
        this.from = new PhoneNumber(fromPhone);
    }

    @Override
    public void send(OutgoingMessage message) {
        // a refusal (4xx) or an outage (5xx after the SDK's own retries) throws ApiException: the dispatcher retries
        Message.creator(new PhoneNumber(message.to()), from, message.text()).create(client);
    }
}
