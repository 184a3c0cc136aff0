package io.cryptotalks.common.consumer;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/** {@code POST /actuator/deadletters} on a worker's management port: re-drive its dead letters after a fix. */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private final DeadLetterRedrive redrive;

    public DeadLetterEndpoint(DeadLetterRedrive redrive) {
        this.redrive = redrive;
    }

    @WriteOperation
    public Map<String, Integer> redrive() {
        return redrive.redrive();
    }
}
