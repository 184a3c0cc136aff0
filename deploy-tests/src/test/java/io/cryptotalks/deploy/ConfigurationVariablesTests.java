package io.cryptotalks.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every environment variable a module reads is documented once: in .env.development.example and the README's table. */
class ConfigurationVariablesTests {

    private final Path root = Repository.root();

    static List<String> undocumented(ModuleVariables variables, Path envExample, Path readme) {
        Map<String, String> example = EnvFile.parse(envExample);
        String readmeText = Repository.read(readme);
        List<String> problems = new ArrayList<>();
        variables.all().values().forEach(variable -> {
            if (!example.containsKey(variable.name())) {
                problems.add(
                        variable.name() + " (read in " + variable.source() + ") is not in " + envExample.getFileName());
            }
            if (!readmeText.contains("`" + variable.name() + "`")) {
                problems.add(variable.name() + " (read in " + variable.source()
                        + ") is not in the README's configuration table");
            }
        });
        return problems;
    }

    @Test
    void theServicesAndWhatTheyReadAreFoundInTheSources() {
        ModuleVariables variables = new ModuleVariables(root);
        SortedMap<String, SortedMap<String, ModuleVariables.Variable>> byService = variables.byService();

        assertThat(byService).as("modules that repackage an executable jar").hasSizeGreaterThanOrEqualTo(5);
        byService.forEach((service, reads) -> {
            // every service imports the common settings: the database, Kafka, MongoDB and S3
            assertThat(reads)
                    .as(service)
                    .containsKeys("POSTGRES_URL", "KAFKA_BOOTSTRAP_SERVERS", "MONGO_DB_LOGS", "S3_ENDPOINT");
            assertThat(variables.portVariable(service).defaultValue())
                    .as(service + " port")
                    .matches("\\d+");
        });
    }

    @Test
    void everyVariableAnyModuleReadsIsInTheEnvExampleAndTheReadme() {
        assertThat(undocumented(
                        new ModuleVariables(root), root.resolve(".env.development.example"), root.resolve("README.md")))
                .isEmpty();
    }

    @Test
    void aNewVariableInAServiceConfigFailsUntilItIsDocumented(@TempDir Path copy) {
        // a copy of the modules' poms and main sources, with one new setting in users-service's config
        Repository.write(copy.resolve("pom.xml"), Repository.read(root.resolve("pom.xml")));
        for (String module : Repository.modules(root)) {
            Path pom = root.resolve(module).resolve("pom.xml");
            if (pom.toFile().isFile()) {
                Repository.write(copy.resolve(module).resolve("pom.xml"), Repository.read(pom));
            }
            Path main = root.resolve(module).resolve("src/main");
            if (main.toFile().isDirectory()) {
                Repository.copyTree(main, copy.resolve(module).resolve("src/main"));
            }
        }
        Path usersConfig = copy.resolve("users-service/src/main/resources/users-service.yml");
        Repository.write(
                usersConfig, Repository.read(usersConfig) + "\nextra:\n  brand-new: ${BRAND_NEW_SETTING:42}\n");

        List<String> problems = undocumented(
                new ModuleVariables(copy), root.resolve(".env.development.example"), root.resolve("README.md"));

        assertThat(problems)
                .anyMatch(p -> p.startsWith("BRAND_NEW_SETTING") && p.contains(".env.development.example"))
                .anyMatch(p -> p.startsWith("BRAND_NEW_SETTING") && p.contains("README"));
    }

    @Test
    void aVariableMissingFromTheEnvExampleFails(@TempDir Path dir) {
        Path example = dir.resolve(".env.development.example");
        Repository.write(example, Repository.read(root.resolve(".env.development.example")));
        Repository.replaceOnce(example, "\nMARKET_SYNC_INTERVAL=PT1H", "\n");

        assertThat(undocumented(new ModuleVariables(root), example, root.resolve("README.md")))
                .containsExactly(
                        "MARKET_SYNC_INTERVAL (read in crypto-rates-service/src/main/resources/crypto-rates-service.yml) is not in .env.development.example");
    }
}
