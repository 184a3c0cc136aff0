package io.cryptotalks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

/**
 * Instances dying as machines do: a second gateway and second instances of the posts- and users-service run as
 * processes of their own, and midway through a stream of writes all three get SIGKILL (no offset commit, no leaving
 * the consumer group, connections cut mid-transaction). The survivors take over their partitions once the group's
 * session timeout (10 s) notices; nothing is lost, nothing applies twice; a restarted worker rejoins.
 */
class KillTests {

    private static final Duration START = Duration.ofSeconds(240);

    private final RunningSystem system = RunningSystem.shared();
    private final Users users = new Users();

    @Test
    void instancesKilledMidStreamLoseNothingAndDoubleNothingAndAKilledWorkerRejoins() throws Exception {
        try (Admin kafka = Admin.create(
                        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.kafkaBootstrapServers()));
                ServiceProcess gateway = system.startProcess("api-gateway");
                ServiceProcess posts = system.startProcess("posts-service");
                ServiceProcess notifications = system.startProcess("users-service")) {
            int alone = members(kafka, "posts-service");
            int aloneUsers = members(kafka, "users-service");
            gateway.awaitReady(START);
            posts.awaitReady(START);
            notifications.awaitReady(START);
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> members(kafka, "posts-service") == 2 * alone
                            && members(kafka, "users-service") == 2 * aloneUsers);
            Users.User author = users.signedIn("killed");
            WriteStream writes = new WriteStream(
                            system,
                            List.of(
                                    new Api(system.gatewayUrl()),
                                    new Api(gateway.url("").toString())),
                            author)
                    .start();

            writes.awaitCreated(30);
            writes.secondGatewayGone();
            long killedAt = System.nanoTime();
            gateway.kill();
            posts.kill();
            notifications.kill();
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            members(kafka, "posts-service") == alone && members(kafka, "users-service") == aloneUsers);
            Duration takenOver = Duration.ofNanos(System.nanoTime() - killedAt);
            writes.finish();

            writes.assertAppliedOnce(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(() -> assertThat(system.database()
                                    .sql("select count(*) from posts p where p.title like ? and not exists "
                                            + "(select 1 from notification_posts n where n.post_id = p.id)")
                                    .param(writes.marker() + " %")
                                    .query(Long.class)
                                    .single())
                            .as("every post reached the users-service too")
                            .isZero());

            long restartedAt = System.nanoTime();
            posts.start();
            Duration ready = posts.awaitReady(START);
            await().atMost(Duration.ofSeconds(60)).until(() -> members(kafka, "posts-service") == 2 * alone);
            Duration rejoined = Duration.ofNanos(System.nanoTime() - restartedAt);
            System.out.printf(
                    "kill: %s through two gateways; SIGKILL to a gateway, a posts- and a users-service; their "
                            + "partitions taken over %d ms after the kill; all applied once; the posts-service "
                            + "restarted ready in %d ms and back in its group %d ms after its start%n",
                    writes.summary(), takenOver.toMillis(), ready.toMillis(), rejoined.toMillis());
        }
    }

    private static int members(Admin kafka, String group) throws Exception {
        return kafka.describeConsumerGroups(List.of(group))
                .all()
                .get()
                .get(group)
                .members()
                .size();
    }
}
