package io.cryptotalks.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What an operator calls on a worker's own port. */
class OperationsTests {

    private final Api users = new Api(RunningSystem.shared().usersServiceUrl());

    @Test
    void aWorkerReportsItsHealthAndReDrivesItsDeadLettersOnDemand() {
        assertThat(users.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(users.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(users.get("/actuator/health").json().get("components").has("mongoPing"))
                .isTrue();

        Api.Reply redriven = users.post("/actuator/deadletters", "{}");

        assertThat(redriven.status()).isEqualTo(200);
        assertThat(redriven.json().get("cryptotalks.users").isInt()).isTrue();
    }

    @Test
    void aWorkerReportsItsConsumerLagAndDeadLettersAndTheGatewayItsOutboxBacklog() {
        Api.Reply worker = users.get("/actuator/backlog");
        Api.Reply gateway = new Api(RunningSystem.shared().gatewayUrl()).get("/actuator/backlog");

        assertThat(worker.status()).isEqualTo(200);
        assertThat(worker.json().get("consumerLag").asLong()).isNotNegative();
        assertThat(worker.json().get("deadLetters").asLong()).isNotNegative();
        assertThat(worker.json().get("topics").has("cryptotalks.users")).isTrue();
        assertThat(worker.json().has("outbox")).as("a worker has no outbox").isFalse();
        assertThat(gateway.status()).isEqualTo(200);
        assertThat(gateway.json().get("outbox").asLong()).isNotNegative();
    }
}
