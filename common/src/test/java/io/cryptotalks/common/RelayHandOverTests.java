package io.cryptotalks.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import io.cryptotalks.common.outbox.OutboxRelay;
import io.cryptotalks.devstack.DevStack;
import io.cryptotalks.devstack.DevStackInitializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Three relays on one outbox — this context's own and two more, each with its own connection pool, as three gateways
 * would have — publish a stream of writes; midway the connection of the relay holding the lock is killed, as it is
 * when its process dies. Every row reaches Kafka and each key's events arrive in the order they were written.
 */
@SpringBootTest(classes = MessagingTestApplication.class)
@ContextConfiguration(initializers = DevStackInitializer.class)
class RelayHandOverTests {

    private static final String TOPIC = "relay-hand-over-test";
    private static final int ROWS = 3_000;
    private static final int KEYS = 20;
    private static final int BATCH = 50;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void killingTheRelayThatHoldsTheLockLosesNothingAndKeepsEachKeysOrder() throws Exception {
        DevStack infrastructure = DevStack.shared();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", infrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
        }
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<Relay> relays = List.of(new Relay("relay-a-" + run), new Relay("relay-b-" + run));
        relays.forEach(Relay::start);
        // the stream of writes: 20 rows (one per key) every 5 ms, in one transaction each
        AtomicInteger written = new AtomicInteger();
        ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor();
        writer.scheduleAtFixedRate(
                () -> {
                    if (written.get() < ROWS) {
                        write(run, written.getAndAdd(KEYS) / KEYS);
                    }
                },
                0,
                5,
                TimeUnit.MILLISECONDS);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> published(run) >= ROWS / 3);
            String holder = killTheLockHolder();
            long killedAt = System.nanoTime();
            relays.stream().filter(relay -> relay.name.equals(holder)).forEach(Relay::stop);
            long before = published(run);
            await().atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> published(run) > before);
            System.out.printf(
                    "relay hand-over: the holder (%s) killed, the next row published %d ms later%n",
                    holder, (System.nanoTime() - killedAt) / 1_000_000);
            await().atMost(Duration.ofSeconds(60)).until(() -> published(run) == ROWS);
        } finally {
            writer.shutdownNow();
            relays.forEach(Relay::stop);
        }

        List<String> received = receive(run);
        Map<String, Integer> nextPerKey = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (String value : received) {
            if (!seen.add(value)) {
                continue; // a batch sent just before its relay died is sent again: consumers skip it by event id
            }
            String[] keyAndNumber = value.split(":");
            int expected = nextPerKey.getOrDefault(keyAndNumber[0], 0);
            assertThat(Integer.parseInt(keyAndNumber[1]))
                    .as("the next event of " + keyAndNumber[0])
                    .isEqualTo(expected);
            nextPerKey.put(keyAndNumber[0], expected + 1);
        }
        assertThat(seen).hasSize(ROWS);
        System.out.printf(
                "relay hand-over: %d rows, %d records on Kafka (%d sent again)%n",
                ROWS, received.size(), received.size() - ROWS);
        assertThat(received.size() - ROWS)
                .as("sent again: at most the killed relay's unfinished batches")
                .isLessThanOrEqualTo(2 * 100);
    }

    /** The n-th event of every key, in one statement; each row's envelope is "run-key:n". */
    private void write(String run, int n) {
        jdbc.sql("""
                insert into outbox (event_id, topic, message_key, event_type, envelope, occurred_at)
                select gen_random_uuid(), :topic, :run || '-' || k, 'test', :run || '-' || k || ':' || :n, now()
                from generate_series(0, :keys - 1) k order by k
                """)
                .param("topic", TOPIC)
                .param("run", run)
                .param("keys", KEYS)
                .param("n", n)
                .update();
    }

    private long published(String run) {
        return jdbc.sql(
                        "select count(*) from outbox where topic = :topic and message_key like :run and published_at is not null")
                .param("topic", TOPIC)
                .param("run", run + "-%")
                .query(Long.class)
                .single();
    }

    /** Terminates the backend that holds the relay's advisory lock; returns its relay's name (its application name). */
    private String killTheLockHolder() {
        String[] holder = new String[1];
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(1))
                .until(() -> {
                    List<Map<String, Object>> rows = jdbc.sql("""
                    select a.pid, a.application_name, pg_terminate_backend(a.pid) as killed
                    from pg_locks l join pg_stat_activity a on a.pid = l.pid
                    where l.locktype = 'advisory' and l.granted and l.classid = 28533 and l.objid = 1952608120
                    """).query().listOfRows();
                    if (rows.isEmpty()) {
                        return false;
                    }
                    holder[0] = (String) rows.get(0).get("application_name");
                    return true;
                });
        return holder[0];
    }

    private List<String> receive(String run) {
        Map<String, Object> config = Map.of(
                "bootstrap.servers",
                DevStack.shared().kafkaBootstrapServers(),
                "key.deserializer",
                StringDeserializer.class,
                "value.deserializer",
                StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC).stream()
                    .map(p -> new TopicPartition(TOPIC, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Set<String> distinct = new HashSet<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value().startsWith(run)) {
                        values.add(record.value());
                        distinct.add(record.value());
                    }
                }
                return distinct.size() == ROWS;
            });
        }
        return values.stream().map(value -> value.substring(run.length() + 1)).toList();
    }

    /** A relay as another instance runs it: its own pool (named in pg_stat_activity), polling every 10 ms. */
    private final class Relay {

        final String name;
        final HikariDataSource pool = new HikariDataSource();
        final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();

        Relay(String name) {
            this.name = name;
            pool.setJdbcUrl(DevStack.shared().jdbcUrl());
            pool.setUsername("postgres");
            pool.setPassword("");
            pool.setMaximumPoolSize(2);
            pool.addDataSourceProperty("ApplicationName", name);
        }

        void start() {
            OutboxRelay relay = new OutboxRelay(
                    JdbcClient.create(pool),
                    new TransactionTemplate(new DataSourceTransactionManager(pool)),
                    kafka,
                    BATCH,
                    Duration.ofSeconds(10),
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
            schedule.scheduleWithFixedDelay(relay::publishPending, 0, 10, TimeUnit.MILLISECONDS);
        }

        void stop() {
            schedule.shutdownNow();
            pool.close();
        }
    }
}
