package io.cryptotalks.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Dockerfiles, .dockerignore files and nginx.conf, read statically: no Docker engine runs here, so no image is
 * built by the tests (the README says how to build them).
 */
class ImageTests {

    private final Path root = Repository.root();

    private Path copy(Path dir, String file) {
        Path copy = dir.resolve(file);
        Repository.write(copy, Repository.read(root.resolve(file)));
        return copy;
    }

    @Test
    void theServiceImageIsMultiStageLayeredNonRootAndHealthChecked() {
        assertThat(ImageChecks.backend(root.resolve("Dockerfile"), Repository.modules(root)))
                .isEmpty();
    }

    @Test
    void theWebImageIsMultiStageNonRootHealthCheckedAndShipsNoSourceMaps() {
        assertThat(ImageChecks.web(root.resolve("frontend/Dockerfile"))).isEmpty();
    }

    @Test
    void nginxHidesItsVersionSendsTheSecurityHeadersAndAllowsEveryInlineScriptByHash() {
        assertThat(ImageChecks.nginx(root.resolve("frontend/nginx.conf"), root.resolve("frontend/index.html")))
                .isEmpty();
    }

    @Test
    void theBuildContextsLeaveOutSecretsAndBuildOutput() {
        for (String file : List.of(".dockerignore", "frontend/.dockerignore")) {
            List<String> lines = Repository.read(root.resolve(file))
                    .lines()
                    .map(String::strip)
                    .toList();
            assertThat(lines).as(file).contains(".env").containsAnyOf("node_modules", "**/node_modules");
        }
        assertThat(Repository.read(root.resolve(".dockerignore")).lines()).contains("**/target", ".git");
    }

    @Test
    void aRootImageOrOneWithoutHealthcheckFails(@TempDir Path dir) {
        Path dockerfile = copy(dir, "Dockerfile");
        Repository.replaceOnce(dockerfile, "USER 10001:10001\n", "");
        String text = Repository.read(dockerfile);
        Repository.write(
                dockerfile,
                text.substring(0, text.indexOf("HEALTHCHECK")) + text.substring(text.indexOf("ENTRYPOINT")));

        assertThat(ImageChecks.backend(dockerfile, Repository.modules(root)))
                .containsExactlyInAnyOrder(
                        dockerfile + ": the final stage runs as root (no USER)",
                        dockerfile + ": the final stage has no HEALTHCHECK");
    }

    @Test
    void aFatJarImageOrAModuleWhosePomIsNotCopiedFails(@TempDir Path dir) {
        Path dockerfile = copy(dir, "Dockerfile");
        Repository.replaceOnce(dockerfile, "extract --layers --launcher", "extract");
        List<String> modules = new ArrayList<>(Repository.modules(root));
        modules.add("supervisor");

        assertThat(ImageChecks.backend(dockerfile, modules))
                .containsExactlyInAnyOrder(
                        dockerfile
                                + ": the jar is not extracted with 'java -Djarmode=tools -jar … extract --layers --launcher'",
                        dockerfile + ": does not copy supervisor/pom.xml, which the root pom's <modules> needs");
    }

    @Test
    void aWebImageThatKeepsSourceMapsFails(@TempDir Path dir) {
        Path dockerfile = copy(dir, "frontend/Dockerfile");
        Repository.replaceOnce(dockerfile, " && find dist -name '*.map' -type f -delete \\\n", "");

        assertThat(ImageChecks.web(dockerfile))
                .containsExactly(dockerfile + ": source maps are not deleted from the build");
    }

    @Test
    void aHeaderInALocationOrAChangedInlineScriptFails(@TempDir Path dir) {
        Path conf = copy(dir, "frontend/nginx.conf");
        Path index = copy(dir, "frontend/index.html");
        Repository.replaceOnce(
                conf,
                "        expires 1y;\n",
                "        expires 1y;\n        add_header Cache-Control \"immutable\";\n");
        // index.html has no inline script today: one added without its hash in the CSP must fail
        Repository.replaceOnce(index, "</head>", "<script>document.title = 'x'</script></head>");

        List<String> problems = ImageChecks.nginx(conf, index);

        assertThat(problems).hasSize(2);
        assertThat(problems.get(0))
                .endsWith(": add_header inside a location (it drops the server's security headers there)");
        assertThat(problems.get(1))
                .contains("the CSP's script-src lacks 'sha256-")
                .endsWith("the hash of an inline script of index.html");
    }

    @Test
    void aDisclosedVersionFails(@TempDir Path dir) {
        Path conf = copy(dir, "frontend/nginx.conf");
        Repository.replaceOnce(conf, "server_tokens off;", "server_tokens on;");

        assertThat(ImageChecks.nginx(conf, root.resolve("frontend/index.html")))
                .containsExactly(conf + ": server_tokens is not off (the nginx version is disclosed)");
    }
}
