package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two of everything on one PostgreSQL and one Kafka: two gateways (a token from one works on the other, the sign-in
 * limit counts across both) and two members in each worker's consumer group. Midway through a stream of writes the
 * second instance of every service stops (its gateway mid-request, its workers mid-batch): nothing is lost, nothing
 * applies twice.
 */
class ScaleOutTests {

    private final RunningSystem system = RunningSystem.shared();
    private final Users users = new Users();

    @Test
    void twoOfEverythingLoseNothingAndDoubleNothingWhenOneOfEachStops() throws Exception {
        try (RunningSystem.Replicas replicas = system.startReplicas()) {
            List<Api> gateways = List.of(new Api(system.gatewayUrl()), new Api(replicas.gatewayUrl()));

            Users.User author = users.signedIn("scale");
            Users.User victim = users.signedIn("scalevictim");
            String attacker = Users.newClient();
            for (int attempt = 0; attempt < 5; attempt++) {
                assertError(
                        gateways.get(attempt % 2)
                                .post(
                                        "/api/user/sign-in",
                                        Map.of("email", victim.email(), "password", "Gu3ss!wrong"),
                                        "X-Forwarded-For",
                                        attacker),
                        403,
                        "wrong-credentials");
            }
            assertError(
                    gateways.get(1)
                            .post(
                                    "/api/user/sign-in",
                                    Map.of("email", victim.email(), "password", Users.PASSWORD),
                                    "X-Forwarded-For",
                                    attacker),
                    429,
                    "too-many-requests");

            WriteStream writes = new WriteStream(system, gateways, author).start();
            writes.awaitCreated(30);
            writes.secondGatewayGone();
            replicas.close();
            writes.finish();

            writes.assertAppliedOnce(Duration.ofSeconds(60));
            System.out.printf(
                    "scale-out: %s written through two gateways, the second instance of every service stopped "
                            + "midway; all applied once%n",
                    writes.summary());
        }
    }
}
