package io.cryptotalks.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The images' Dockerfiles and the web server's nginx.conf, read as the builder and nginx would read them. */
final class ImageChecks {

    /** One instruction, continuation lines joined. */
    record Instruction(String keyword, String arguments, int line) {}

    private ImageChecks() {}

    static List<Instruction> parse(Path dockerfile) {
        List<Instruction> instructions = new ArrayList<>();
        String[] lines = Repository.read(dockerfile).split("\n", -1);
        StringBuilder current = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (current == null) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                current = new StringBuilder();
                start = i + 1;
            } else if (line.strip().startsWith("#")) {
                continue; // a comment inside a continued instruction
            }
            String part = line.stripTrailing();
            boolean continues = part.endsWith("\\");
            current.append(continues ? part.substring(0, part.length() - 1) : part)
                    .append(' ');
            if (!continues) {
                String text = current.toString().strip();
                int space = text.indexOf(' ');
                instructions.add(new Instruction(
                        space < 0
                                ? text.toUpperCase(Locale.ROOT)
                                : text.substring(0, space).toUpperCase(Locale.ROOT),
                        space < 0 ? "" : text.substring(space + 1).strip(),
                        start));
                current = null;
            }
        }
        return instructions;
    }

    /** The instructions of the last stage (the image that ships). */
    static List<Instruction> finalStage(List<Instruction> instructions) {
        int last = -1;
        for (int i = 0; i < instructions.size(); i++) {
            if (instructions.get(i).keyword().equals("FROM")) {
                last = i;
            }
        }
        return last < 0 ? List.of() : instructions.subList(last, instructions.size());
    }

    /** What every image must have: several stages, pinned bases, a non-root user and a HEALTHCHECK in the last stage. */
    static List<String> common(Path dockerfile) {
        List<String> problems = new ArrayList<>();
        List<Instruction> all = parse(dockerfile);
        long stages = all.stream().filter(i -> i.keyword().equals("FROM")).count();
        if (stages < 2) {
            problems.add(dockerfile + ": a single stage (build tools would ship in the image)");
        }
        for (Instruction from :
                all.stream().filter(i -> i.keyword().equals("FROM")).toList()) {
            String image = from.arguments().split("\\s+")[0];
            if (!image.contains("$") && !ComposeChecks.hasPinnedTag(image)) {
                problems.add(dockerfile + ":" + from.line() + ": base image " + image + " is not pinned to a tag");
            }
        }
        List<Instruction> last = finalStage(all);
        List<Instruction> users =
                last.stream().filter(i -> i.keyword().equals("USER")).toList();
        if (users.isEmpty()) {
            problems.add(dockerfile + ": the final stage runs as root (no USER)");
        } else {
            String user = users.get(users.size() - 1).arguments().split(":")[0];
            if (user.equals("root") || user.equals("0")) {
                problems.add(dockerfile + ": the final stage runs as root (USER " + user + ")");
            }
        }
        if (last.stream()
                .noneMatch(
                        i -> i.keyword().equals("HEALTHCHECK") && !i.arguments().startsWith("NONE"))) {
            problems.add(dockerfile + ": the final stage has no HEALTHCHECK");
        }
        return problems;
    }

    /**
     * The back-end Dockerfile: a Spring Boot layered jar extracted with the tools jar mode and started by the Boot
     * launcher; the dependency layer is resolved from the poms alone (every module's pom is copied, else the root pom's
     * reactor could not be read), so a source-only change does not download again.
     */
    static List<String> backend(Path dockerfile, List<String> modules) {
        List<String> problems = new ArrayList<>(common(dockerfile));
        List<Instruction> all = parse(dockerfile);
        String text = String.join(
                "\n", all.stream().map(i -> i.keyword() + " " + i.arguments()).toList());
        if (!Pattern.compile("-Djarmode=tools\\s+-jar\\s+\\S+\\s+extract\\s+.*--layers.*--launcher")
                .matcher(text)
                .find()) {
            problems.add(dockerfile
                    + ": the jar is not extracted with 'java -Djarmode=tools -jar … extract --layers --launcher'");
        }
        for (String layer : List.of("dependencies", "spring-boot-loader", "snapshot-dependencies", "application")) {
            if (finalStage(all).stream()
                    .noneMatch(i -> i.keyword().equals("COPY") && i.arguments().contains("/" + layer + "/"))) {
                problems.add(dockerfile + ": the final stage does not copy the " + layer + " layer");
            }
        }
        if (finalStage(all).stream()
                .noneMatch(i -> i.keyword().equals("ENTRYPOINT")
                        && i.arguments().contains("org.springframework.boot.loader.launch.JarLauncher"))) {
            problems.add(dockerfile + ": the entry point is not Boot's JarLauncher");
        }
        int firstSourceCopy =
                indexOf(all, i -> i.keyword().equals("COPY") && i.arguments().contains("/src"));
        int dependencyLayer = indexOf(
                all,
                i -> i.keyword().equals("RUN")
                        && (i.arguments().contains("dependency:go-offline")
                                || i.arguments().contains("--mount=type=cache")));
        if (dependencyLayer < 0
                || firstSourceCopy >= 0
                        && dependencyLayer > firstSourceCopy
                        && !all.get(dependencyLayer).arguments().contains("--mount=type=cache")) {
            problems.add(dockerfile
                    + ": dependencies are not resolved before the sources are copied (nor kept in a cache mount)");
        }
        for (String module : modules) {
            if (all.stream()
                    .noneMatch(i -> i.keyword().equals("COPY")
                            && i.arguments().matches("(?s).*\\b" + Pattern.quote(module) + "/pom\\.xml\\b.*"))) {
                problems.add(
                        dockerfile + ": does not copy " + module + "/pom.xml, which the root pom's <modules> needs");
            }
        }
        return problems;
    }

    /** The web image: built, source maps deleted, served by nginx with this repository's nginx.conf. */
    static List<String> web(Path dockerfile) {
        List<String> problems = new ArrayList<>(common(dockerfile));
        List<Instruction> all = parse(dockerfile);
        if (all.stream()
                .noneMatch(i -> i.keyword().equals("RUN")
                        && i.arguments().matches("(?s).*-name\\s+'?\\*\\.map'?.*-delete.*"))) {
            problems.add(dockerfile + ": source maps are not deleted from the build");
        }
        if (finalStage(all).stream()
                .noneMatch(i -> i.keyword().equals("COPY") && i.arguments().contains("nginx.conf"))) {
            problems.add(dockerfile + ": the final stage does not use the repository's nginx.conf");
        }
        return problems;
    }

    /**
     * nginx.conf: no version disclosure, the security headers at server level only (an add_header inside a location
     * would silently drop all of them there), a CSP that allows each inline script of index.html by its hash.
     */
    static List<String> nginx(Path conf, Path indexHtml) {
        List<String> problems = new ArrayList<>();
        String text = Repository.read(conf).replaceAll("(?m)#.*$", "");
        if (!Pattern.compile("server_tokens\\s+off\\s*;").matcher(text).find()) {
            problems.add(conf + ": server_tokens is not off (the nginx version is disclosed)");
        }
        int depth = 0;
        String[] lines = text.split("\n", -1);
        List<String> serverHeaders = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("add_header")) {
                if (depth != 1) {
                    problems.add(conf + ":" + (i + 1)
                            + ": add_header inside a location (it drops the server's security headers there)");
                } else {
                    serverHeaders.add(line.split("\\s+")[1].toLowerCase(Locale.ROOT));
                }
            }
            for (char c : line.toCharArray()) {
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                }
            }
        }
        for (String header :
                List.of("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")) {
            if (!serverHeaders.contains(header)) {
                problems.add(conf + ": no " + header + " header");
            }
        }
        Matcher csp = Pattern.compile("add_header\\s+Content-Security-Policy\\s+\"([^\"]*)\"")
                .matcher(text);
        if (csp.find()) {
            String policy = csp.group(1);
            if (!policy.contains("frame-ancestors")) {
                problems.add(conf + ": the CSP has no frame-ancestors");
            }
            if (policy.contains("'unsafe-inline'") || policy.contains("'unsafe-eval'")) {
                problems.add(conf + ": the CSP allows unsafe-inline or unsafe-eval");
            }
            for (String hash : inlineScriptHashes(indexHtml)) {
                if (!policy.contains("'" + hash + "'")) {
                    problems.add(conf + ": the CSP's script-src lacks '" + hash + "', the hash of an inline script of "
                            + indexHtml.getFileName());
                }
            }
        }
        if (!Pattern.compile("location\\s+~\\*?\\s+\\\\\\.map\\$").matcher(text).find()) {
            problems.add(conf + ": source maps are not refused (location ~ \\.map$)");
        }
        return problems;
    }

    /** sha256 of every inline (src-less) script, as a CSP source expression. */
    static List<String> inlineScriptHashes(Path indexHtml) {
        List<String> hashes = new ArrayList<>();
        Matcher m = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>([\\s\\S]*?)</script>")
                .matcher(Repository.read(indexHtml));
        while (m.find()) {
            try {
                byte[] digest =
                        MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8));
                hashes.add("sha256-" + Base64.getEncoder().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return hashes;
    }

    private static int indexOf(List<Instruction> all, java.util.function.Predicate<Instruction> test) {
        for (int i = 0; i < all.size(); i++) {
            if (test.test(all.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
