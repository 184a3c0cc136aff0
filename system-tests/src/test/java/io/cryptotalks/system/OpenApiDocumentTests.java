package io.cryptotalks.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web app's API types are generated from {@code frontend/openapi.json} (its build runs openapi-typescript on it), so
 * that file must be exactly what the gateway serves at {@code /docs-json}: an API change that is not brought over fails
 * here, and once it is brought over, the web app's type check fails wherever the change breaks it.
 *
 * <p>Refresh the file after an intended API change with {@code -Dopenapi.write=true} (see {@link #REFRESH}).
 */
class OpenApiDocumentTests {

    /** The module's folder is the working directory of its tests. */
    static final Path COMMITTED = Path.of("..", "frontend", "openapi.json");

    /** From the repository's root: builds what the system tests need, then runs only this test, writing the file. */
    static final String REFRESH = "mvn -B -q -pl system-tests -am test -Dtest=OpenApiDocumentTests "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true";

    /** Sorted keys, two-space indent, {@code "key": value} (as JavaScript's JSON.stringify(doc, null, 2) writes it). */
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(JsonNodeFeature.WRITE_PROPERTIES_SORTED).build();

    private static final DefaultIndenter TWO_SPACES = new DefaultIndenter("  ", "\n");
    private static final PrettyPrinter PRINTER = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                    .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(TWO_SPACES)
            .withArrayIndenter(TWO_SPACES);

    private final Api api = new Api(RunningSystem.shared().gatewayUrl());

    @Test
    void theWebAppsCopyOfTheApiDocumentIsWhatTheGatewayServes() throws IOException {
        Api.Reply docs = api.get("/docs-json");
        assertThat(docs.status()).as(docs.body()).isEqualTo(200);
        String served = canonical(docs.body());

        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(COMMITTED, served);
        }
        String committed = Files.exists(COMMITTED) ? Files.readString(COMMITTED).replace("\r\n", "\n") : "";
        if (!committed.equals(served)) {
            fail("""
                    frontend/openapi.json is not what the gateway serves at /docs-json (%s).
                    The web app's API types are generated from that file. If the API change is intended, refresh it:
                      %s
                    then run `npm run lint` in frontend/ (it type-checks against the new types) and commit both.""".formatted(firstDifference(committed, served), REFRESH));
        }
    }

    @Test
    void theDocumentDoesNotDependOnWhereTheGatewayRuns() {
        // springdoc would otherwise name this run's random port as the server, and the file would differ on every run
        assertThat(api.get("/docs-json").json().get("servers").toString()).doesNotContain("127.0.0.1", "localhost");
    }

    static String canonical(String json) {
        return JSON.writer().with(PRINTER).writeValueAsString(JSON.readTree(json)) + "\n";
    }

    private static String firstDifference(String committed, String served) {
        if (committed.isEmpty()) {
            return "the file is missing or empty";
        }
        List<String> was = committed.lines().toList();
        List<String> is = served.lines().toList();
        for (int line = 0; line < Math.max(was.size(), is.size()); line++) {
            String old = line < was.size() ? was.get(line) : "<end of file>";
            String now = line < is.size() ? is.get(line) : "<end of document>";
            if (!old.equals(now)) {
                return "first difference at line %d: the file has `%s`, the gateway `%s`"
                        .formatted(line + 1, old.strip(), now.strip());
            }
        }
        return "they differ only in line ends";
    }
}
