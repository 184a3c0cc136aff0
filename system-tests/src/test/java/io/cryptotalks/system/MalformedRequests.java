package io.cryptotalks.system;

import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The malformed requests of one operation, generated from its OpenAPI description: a valid request (from
 * {@link ValidValues}) changed in one place — a path or query value, one field of the body, the whole body, its
 * Content-Type, a header or the method. {@link #cases} lists every candidate; {@link #sample} draws a fixed number of
 * them with a seeded {@link Random}, so a run is bounded in time and reproduced by its seed.
 */
final class MalformedRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int LONG = 10_000;

    /** A request to send; {@code ownToken}: it carries its own {@code x-access-token}, signed in or not. */
    record Case(String description, RawHttp.Request request, boolean ownToken) {}

    /** One way to change the valid request, applied to a fresh valid request when the case is made. */
    record Candidate(String description, Consumer<Draft> change) {}

    /** The valid request itself, unchanged: the first case of every operation. */
    static final Candidate VALID = new Candidate("the valid request", draft -> {});

    private final ApiDocument document;
    private final ValidValues valid;
    /** Which candidates are drawn: one sequence per seed, whatever the server answers. */
    private final Random draw;
    /** The random strings inside the requests. */
    private final Random random;

    MalformedRequests(ApiDocument document, ValidValues valid, long seed) {
        this.document = document;
        this.valid = valid;
        this.draw = new Random(seed);
        this.random = new Random(seed + 1);
    }

    /** The valid request first, then a seeded draw of {@code budget - 1} of the other candidates. */
    List<Candidate> sample(ApiDocument.Operation operation, int budget) {
        List<Candidate> all = cases(operation);
        List<Candidate> changed = new ArrayList<>(all.subList(1, all.size()));
        Collections.shuffle(changed, draw);
        List<Candidate> drawn = new ArrayList<>();
        drawn.add(all.get(0));
        drawn.addAll(changed.subList(0, Math.min(changed.size(), budget - 1)));
        return drawn;
    }

    /** Makes the request of a candidate, on a valid request built afresh (new unique values, known ids). */
    Case make(ApiDocument.Operation operation, Candidate candidate) {
        Draft draft = validDraft(operation);
        candidate.change().accept(draft);
        return new Case(candidate.description(), draft.request(operation), draft.ownToken);
    }

    /** How many inputs an operation has: path and query parameters and body fields. */
    static int inputs(ApiDocument.Operation operation) {
        int fields = operation.body() != null && operation.body().has("properties")
                ? operation.body().get("properties").size()
                : operation.body() != null ? 1 : 0;
        return operation.parameters().size() + fields;
    }

    List<Candidate> cases(ApiDocument.Operation operation) {
        List<Candidate> cases = new ArrayList<>();
        cases.add(VALID);
        for (ApiDocument.Parameter parameter : operation.in("path")) {
            pathCases(parameter.name(), cases);
        }
        for (ApiDocument.Parameter parameter : operation.in("query")) {
            queryCases(parameter.name(), cases);
        }
        cases.add(new Candidate("query: an unknown parameter", draft -> draft.query.add("unknownParameter=1")));
        cases.add(new Candidate(
                "query: an unknown parameter of 10000 × 'a'",
                draft -> draft.query.add("unknownParameter=" + "a".repeat(LONG))));
        cases.add(
                new Candidate("query: a broken percent-escape as a parameter name", draft -> draft.query.add("%ZZ=1")));
        cases.add(new Candidate("query: empty pairs", draft -> draft.query.add("&&=&")));
        if (operation.body() != null) {
            bodyCases(operation.body(), cases);
        } else {
            cases.add(new Candidate("a JSON body the operation does not take", draft -> draft.rawBody("{\"a\":1}")));
            cases.add(new Candidate("a body that is not JSON, said to be JSON", draft -> draft.rawBody("not json")));
        }
        headerCases(operation, cases);
        return cases;
    }

    // --- path ---------------------------------------------------------------------------------------------------

    /** Path segments as they go on the wire: dot segments, escapes of every kind, numbers, ids and long ones. */
    private static final List<String> ODD_SEGMENTS = List.of(
            "..",
            ".",
            "%2e%2e",
            "%2E",
            "%2F",
            "a%2Fb",
            "%5C",
            "%00",
            "a%00b",
            "%01",
            "%0A",
            "%0D%0A",
            "%1B",
            "%7F",
            "%20",
            "+",
            ";",
            "a;b=c",
            "%3B",
            "%25",
            "%",
            "%Z",
            "%ZZ",
            "%C5%BC%C3%B3%C5%82%C4%87",
            "%F0%9F%9A%80",
            "%FF",
            "%C0%AE%C0%AE",
            "%ED%A0%80",
            "\u00c5\u00bc",
            "00000000-0000-0000-0000-000000000000",
            "not-a-uuid",
            "-1",
            "0",
            "2147483648",
            "-2147483649",
            "99999999999999999999",
            "1.5",
            "1e3",
            "NaN",
            "null",
            "undefined",
            "true",
            "%3Cscript%3E",
            "%27%20or%20%271",
            "*",
            "~",
            "$",
            "()",
            "%22",
            "%5B%5D",
            "%7B%7D");

    private void pathCases(String name, List<Candidate> cases) {
        for (String segment : ODD_SEGMENTS) {
            cases.add(new Candidate("path {" + name + "} = " + segment, draft -> draft.path.put(name, segment)));
        }
        cases.add(new Candidate(
                "path {" + name + "} = a random UUID",
                draft -> draft.path.put(name, UUID.randomUUID().toString())));
        cases.add(new Candidate(
                "path {" + name + "} = a UUID in upper case",
                draft -> draft.path.put(name, UUID.randomUUID().toString().toUpperCase(Locale.ROOT))));
        cases.add(new Candidate("path {" + name + "} = 3000 × 'a'", draft -> draft.path.put(name, "a".repeat(3000))));
        cases.add(new Candidate("path {" + name + "} = 10000 × 'a'", draft -> draft.path.put(name, "a".repeat(LONG))));
        cases.add(new Candidate(
                "path {" + name + "} = 700 × 'ż' (encoded)", draft -> draft.path.put(name, "%C5%BC".repeat(700))));
        cases.add(new Candidate("path {" + name + "} empty (//)", draft -> draft.path.put(name, "")));
        cases.add(new Candidate("path {" + name + "} left out", draft -> draft.path.put(name, null)));
        cases.add(new Candidate(
                "path {" + name + "} = a random string (encoded)",
                draft -> draft.path.put(name, encode(randomText(random, 60)))));
    }

    // --- query --------------------------------------------------------------------------------------------------

    private static final List<String> ODD_QUERY_VALUES = List.of(
            "",
            "%00",
            "a%00",
            "%01",
            "%0A",
            "%1B",
            "%7F",
            "%C5%BC",
            "%F0%9F%9A%80",
            "%FF",
            "%ED%A0%80",
            "%ZZ",
            "%",
            "-1",
            "0",
            "99999999999999999999",
            "1.5",
            "null",
            "true",
            "%27%20or%20%271%27%3D%271",
            "a,b,,c",
            ",,,",
            "%20",
            "+",
            "*",
            "%25",
            "%3Cscript%3E",
            "\u00c5\u00bc");

    private void queryCases(String name, List<Candidate> cases) {
        for (String value : ODD_QUERY_VALUES) {
            cases.add(new Candidate("query " + name + "=" + value, draft -> draft.setQuery(name, name + "=" + value)));
        }
        cases.add(new Candidate(
                "query " + name + " = 10000 × 'a'", draft -> draft.setQuery(name, name + "=" + "a".repeat(LONG))));
        cases.add(new Candidate(
                "query " + name + " = 1000 × 'ż' (encoded)",
                draft -> draft.setQuery(name, name + "=" + "%C5%BC".repeat(1000))));
        cases.add(new Candidate("query " + name + " twice", draft -> draft.setQuery(name, name + "=a&" + name + "=b")));
        cases.add(new Candidate("query " + name + " without '='", draft -> draft.setQuery(name, name)));
        cases.add(new Candidate("query " + name + "[]=a", draft -> draft.setQuery(name, name + "%5B%5D=a")));
        cases.add(new Candidate(
                "query " + name + " = a random string (encoded)",
                draft -> draft.setQuery(name, name + "=" + encode(randomText(random, 80)))));
    }

    // --- body ---------------------------------------------------------------------------------------------------

    private void bodyCases(JsonNode schema, List<Candidate> cases) {
        cases.add(new Candidate("no body", draft -> draft.noBody()));
        for (String text : List.of(
                "",
                "null",
                "[]",
                "[1,2]",
                "\"text\"",
                "1",
                "true",
                "{",
                "}",
                "{}}",
                "{} x",
                "{'a':1}",
                "{\"a\":1,}",
                "/* comment */ {}",
                "{\"a\" 1}",
                "\ufeff{}",
                "{\"\\u0000\":1}",
                "[[[[[[[[[[",
                "1e999999",
                "-",
                "NaN")) {
            cases.add(new Candidate("body " + RawHttp.printable(text, 40), draft -> draft.rawBody(text)));
        }
        cases.add(new Candidate("the valid body cut in the middle", draft -> {
            String whole = draft.bodyText();
            draft.rawBody(whole.substring(0, whole.length() / 2));
        }));
        cases.add(new Candidate(
                "the valid body as a JSON array's element", draft -> draft.rawBody("[" + draft.bodyText() + "]")));
        cases.add(
                new Candidate("arrays nested 10000 deep", draft -> draft.rawBody("[".repeat(LONG) + "]".repeat(LONG))));
        cases.add(new Candidate(
                "objects nested 3000 deep", draft -> draft.rawBody("{\"a\":".repeat(3000) + "1" + "}".repeat(3000))));
        cases.add(new Candidate(
                "a body over the 1 MB limit", draft -> draft.rawBody("{\"a\":\"" + "a".repeat(1_100_000) + "\"}")));
        cases.add(new Candidate("20000 unknown fields", draft -> {
            StringBuilder many = new StringBuilder("{");
            for (int i = 0; i < 20_000; i++) {
                many.append(i == 0 ? "" : ",")
                        .append("\"f")
                        .append(i)
                        .append("\":")
                        .append(i);
            }
            draft.rawBody(many.append('}').toString());
        }));
        for (byte[] bytes : List.of(
                new byte[] {(byte) 0xff},
                new byte[] {(byte) 0xc0, (byte) 0xaf},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                new byte[] {(byte) 0xe2, (byte) 0x82})) {
            cases.add(new Candidate(
                    "invalid UTF-8 " + hex(bytes) + " inside a string of the body",
                    draft -> draft.rawBytes = invalidUtf8Inside(draft.bodyText(), bytes)));
        }
        for (String type : List.of(
                "text/plain",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x",
                "application/xml",
                "application/json; charset=ISO-8859-1",
                "application/json; charset=UTF-16",
                "application/json; charset=no-such-charset",
                "application/json;;",
                "*/*",
                "application/",
                "nonsense",
                "application/json, text/plain",
                "application/merge-patch+json",
                "application/json; boundary=\"")) {
            cases.add(new Candidate("the valid body as Content-Type: " + type, draft -> draft.contentType = type));
        }
        cases.add(new Candidate("a form body", draft -> {
            draft.contentType = "application/x-www-form-urlencoded";
            draft.rawBody("a=1&b=%00&c=%ZZ");
        }));
        cases.add(new Candidate("a multipart body", draft -> {
            draft.contentType = "multipart/form-data; boundary=xyz";
            draft.rawBody("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                    + "Content-Type: image/png\r\n\r\n\u0089PNG\r\n--xyz--\r\n");
        }));
        if (schema.has("properties")) {
            for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
                fieldCases(property.getKey(), document.resolve(property.getValue()), cases);
            }
        }
        extraFieldCases(cases);
    }

    /** One field changed, the rest of the body valid. */
    private void fieldCases(String field, JsonNode schema, List<Candidate> cases) {
        cases.add(new Candidate(
                "body." + field + " left out", draft -> draft.object().remove(field)));
        cases.add(new Candidate(
                "body." + field + " = null", draft -> draft.object().putNull(field)));
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("0", "0");
        raw.put("-1", "-1");
        raw.put("1.5", "1.5");
        raw.put("-0.0", "-0.0");
        raw.put("1e400", "1e400");
        raw.put("a 30-digit number", "123456789012345678901234567890");
        raw.put("true", "true");
        raw.put("false", "false");
        raw.put("[]", "[]");
        raw.put("{}", "{}");
        raw.put("{\"a\":1}", "{\"a\":1}");
        raw.put("[null]", "[null]");
        raw.put("[[]]", "[[]]");
        raw.put("[{}]", "[{}]");
        raw.put("a lone high surrogate \\ud800", "\"a\\ud800b\"");
        raw.put("a lone low surrogate \\udc00", "\"\\udc00\"");
        raw.put("surrogates reversed", "\"\\udc00\\ud800\"");
        raw.put("a raw (unescaped) control character in the string", "\"a\u0001b\"");
        raw.put("a raw tab and newline in the string", "\"a\tb\nc\"");
        raw.put("an invalid escape \\x41", "\"\\x41\"");
        raw.put("a string without its closing quote", "\"abc");
        for (Map.Entry<String, String> each : raw.entrySet()) {
            cases.add(new Candidate(
                    "body." + field + " = " + each.getKey(),
                    draft -> draft.object().put(field, draft.raw(each.getValue()))));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("\"\"", "");
        texts.put("\" \"", " ");
        texts.put("a tab", "\t");
        texts.put("a NUL inside", "a\u0000b");
        texts.put("only NULs", "\u0000".repeat(100));
        texts.put("\\u0001", "\u0001");
        texts.put("a BEL", "a\u0007b");
        texts.put("an ANSI escape", "\u001b[31mred\u001b[0m");
        texts.put("DEL", "a\u007fb");
        texts.put("NEL (U+0085)", "a\u0085b");
        texts.put("a line separator (U+2028)", "a\u2028b");
        texts.put("a right-to-left override", "\u202eabc");
        texts.put("a BOM", "\ufeffabc");
        texts.put("the noncharacter U+FFFF", "a\uffffb");
        texts.put("CR LF", "a\r\nb");
        texts.put("10000 × 'a'", "a".repeat(LONG));
        texts.put("10000 × 'ż'", "ż".repeat(LONG));
        texts.put("5000 × an emoji", "\uD83D\uDE80".repeat(LONG / 2));
        texts.put("3000 × e + combining acute", "e\u0301".repeat(3000));
        texts.put("HTML", "<script>alert(1)</script>");
        texts.put("SQL", "' or 1=1 --");
        texts.put("a lookup string", "${jndi:ldap://example.com/a}");
        texts.put("%00", "%00");
        texts.put("a path", "../../etc/passwd");
        texts.put("a backslash and a quote", "\\\"");
        texts.put("400 digits", "9".repeat(400));
        texts.put("a UUID", UUID.randomUUID().toString());
        for (Map.Entry<String, String> each : texts.entrySet()) {
            cases.add(new Candidate(
                    "body." + field + " = " + each.getKey(),
                    draft -> draft.object().put(field, each.getValue())));
        }
        cases.add(new Candidate(
                "body." + field + " = its valid value with a NUL after it",
                draft -> draft.object().put(field, draft.text(field) + "\u0000")));
        cases.add(new Candidate(
                "body." + field + " = its valid value padded with spaces",
                draft -> draft.object().put(field, "  " + draft.text(field) + "  ")));
        cases.add(new Candidate(
                "body." + field + " = its valid value in upper case",
                draft -> draft.object().put(field, draft.text(field).toUpperCase(Locale.ROOT))));
        cases.add(new Candidate(
                "body." + field + " = a random string", draft -> draft.object().put(field, randomText(random, 200))));
        cases.add(new Candidate(
                "body." + field + " = a long random string",
                draft -> draft.object().put(field, randomText(random, 12_000))));
        cases.add(new Candidate("body." + field + " given twice", draft -> {
            String text = draft.bodyText();
            draft.rawBody(text.substring(0, text.length() - 1) + (text.length() > 2 ? "," : "") + "\"" + field
                    + "\":\"again\"}");
        }));
        if ("array".equals(ApiDocument.typeOf(schema))) {
            arrayCases(field, cases);
        }
    }

    private void arrayCases(String field, List<Candidate> cases) {
        Map<String, JsonNode> items = new LinkedHashMap<>();
        items.put("\"\"", NODES.stringNode(""));
        items.put("a NUL", NODES.stringNode("a\u0000b"));
        items.put("10000 × 'a'", NODES.stringNode("a".repeat(LONG)));
        items.put("an emoji", NODES.stringNode("\uD83D\uDE80"));
        items.put("1", NODES.numberNode(1));
        items.put("{}", NODES.objectNode());
        items.put("null", NODES.nullNode());
        for (Map.Entry<String, JsonNode> item : items.entrySet()) {
            cases.add(new Candidate("body." + field + " with an item " + item.getKey(), draft -> {
                JsonNode current = draft.object().get(field);
                ArrayNode array =
                        current != null && current.isArray() ? (ArrayNode) current.deepCopy() : NODES.arrayNode();
                array.add(item.getValue());
                draft.object().set(field, array);
            }));
        }
        cases.add(new Candidate("body." + field + " with 10000 items", draft -> {
            ArrayNode array = NODES.arrayNode();
            JsonNode current = draft.object().get(field);
            JsonNode item =
                    current != null && current.isArray() && !current.isEmpty() ? current.get(0) : NODES.stringNode("a");
            for (int i = 0; i < LONG; i++) {
                array.add(item);
            }
            draft.object().set(field, array);
        }));
        cases.add(new Candidate("body." + field + " with its item twice", draft -> {
            JsonNode current = draft.object().get(field);
            if (current != null && current.isArray() && !current.isEmpty()) {
                ((ArrayNode) current).add(current.get(0));
            }
        }));
    }

    private void extraFieldCases(List<Candidate> cases) {
        Map<String, String> extras = new LinkedHashMap<>();
        extras.put("unknown", "1");
        extras.put("__proto__", "{\"admin\":true}");
        extras.put("constructor", "{\"prototype\":{}}");
        extras.put("", "1");
        extras.put("\\u0000", "\"x\"");
        extras.put("id", "\"" + UUID.randomUUID() + "\"");
        extras.put("userId", "\"" + UUID.randomUUID() + "\"");
        extras.put("role", "\"admin\"");
        extras.put("accountConfirm", "true");
        extras.put("a".repeat(LONG), "1");
        for (Map.Entry<String, String> extra : extras.entrySet()) {
            cases.add(new Candidate(
                    "an extra field " + RawHttp.printable(extra.getKey(), 20) + ": " + extra.getValue(), draft -> {
                        String text = draft.bodyText();
                        if (text.startsWith("{") && text.endsWith("}")) {
                            String field = "\"" + extra.getKey() + "\":" + extra.getValue();
                            draft.rawBody("{" + field + (text.length() > 2 ? "," : "") + text.substring(1));
                        }
                    }));
        }
    }

    // --- headers and method -------------------------------------------------------------------------------------

    private void headerCases(ApiDocument.Operation operation, List<Candidate> cases) {
        for (String method : List.of("put", "patch", "delete", "post", "get")) {
            if (!document.methodsOf(operation.path()).contains(method)) {
                cases.add(new Candidate(
                        "a method the path does not have: " + method.toUpperCase(Locale.ROOT),
                        draft -> draft.method = method.toUpperCase(Locale.ROOT)));
                break;
            }
        }
        for (String accept :
                List.of("application/xml", "text/html", "image/png", "text/plain", "*/*;q=0", "nonsense")) {
            cases.add(new Candidate("Accept: " + accept, draft -> draft.headers.add(new String[] {"Accept", accept})));
        }
        for (String token : List.of(
                "Bearer",
                "Bearer ",
                "Bearer x.y.z",
                "Bearer " + "a".repeat(LONG),
                "Basic YTpi",
                "Bearer null",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
                "Bearer a b",
                "bearer x")) {
            cases.add(new Candidate("x-access-token: " + RawHttp.printable(token, 40), draft -> {
                draft.headers.add(new String[] {"x-access-token", token});
                draft.ownToken = true;
            }));
        }
        for (String cookie :
                List.of("_rt=garbage", "_rt=", "_rt=%00", "_rt=" + "a".repeat(4000), "_rt=a; _rt=b", "=; ;")) {
            cases.add(new Candidate(
                    "Cookie: " + RawHttp.printable(cookie, 40),
                    draft -> draft.headers.add(new String[] {"Cookie", cookie})));
        }
        cases.add(new Candidate(
                "X-Forwarded-For: not-an-address",
                draft -> draft.headers.add(new String[] {"X-Forwarded-For", "not-an-address"})));
        cases.add(new Candidate(
                "X-Forwarded-For: ::1, 999.1.1.1",
                draft -> draft.headers.add(new String[] {"X-Forwarded-For", "::1, 999.1.1.1"})));
        cases.add(new Candidate(
                "Origin: https://evil.example",
                draft -> draft.headers.add(new String[] {"Origin", "https://evil.example"})));
    }

    // --- the valid request and its changes -----------------------------------------------------------------------

    private Draft validDraft(ApiDocument.Operation operation) {
        Draft draft = new Draft(operation.method().toUpperCase(Locale.ROOT));
        boolean write = !operation.method().equals("get");
        for (ApiDocument.Parameter parameter : operation.in("path")) {
            String known = valid.known(parameter.name(), write);
            draft.path.put(parameter.name(), encode(known != null ? known : valueOf(parameter)));
        }
        for (ApiDocument.Parameter parameter : operation.in("query")) {
            String known = valid.known(parameter.name(), write);
            if (parameter.required()
                    || known != null
                    || parameter.example() != null
                    || ApiDocument.exampleOf(parameter.schema()) != null) {
                draft.setQuery(
                        parameter.name(), parameter.name() + "=" + encode(known != null ? known : valueOf(parameter)));
            }
        }
        if (operation.body() != null) {
            draft.body = valid.of(operation.body());
            draft.contentType = "application/json";
        }
        return draft;
    }

    private String valueOf(ApiDocument.Parameter parameter) {
        JsonNode value = parameter.example() != null ? parameter.example() : valid.of(parameter.schema());
        return value.isValueNode() ? value.asString() : value.toString();
    }

    /** A valid request being changed: the path values, query pairs and body as they will be sent. */
    static final class Draft {

        String method;
        final Map<String, String> path = new LinkedHashMap<>();
        final List<String> query = new ArrayList<>();
        final List<String[]> headers = new ArrayList<>();
        JsonNode body;
        String contentType;
        byte[] rawBytes;
        boolean ownToken;
        private String rawBody;
        private final Map<String, String> rawTokens = new LinkedHashMap<>();

        Draft(String method) {
            this.method = method;
        }

        /** The body as an object to change (an empty one when the valid body is not an object). */
        ObjectNode object() {
            if (!(body instanceof ObjectNode)) {
                body = NODES.objectNode();
            }
            return (ObjectNode) body;
        }

        /** The valid value of a body field as text: a string as it is, anything else as its JSON. */
        String text(String field) {
            JsonNode value = object().get(field);
            return value == null ? "" : value.isString() ? value.asString() : value.toString();
        }

        /** A placeholder that {@link #bodyText} replaces with this JSON text as it is, valid or not. */
        String raw(String json) {
            String marker = "raw-" + UUID.randomUUID();
            rawTokens.put("\"" + marker + "\"", json);
            return marker;
        }

        void rawBody(String text) {
            rawBody = text;
            if (contentType == null) {
                contentType = "application/json";
            }
        }

        void noBody() {
            body = null;
            rawBody = null;
        }

        void setQuery(String name, String pair) {
            query.removeIf(existing -> existing.equals(name) || existing.startsWith(name + "="));
            query.add(pair);
        }

        String bodyText() {
            if (rawBody != null) {
                return rawBody;
            }
            if (body == null) {
                return "";
            }
            String text = JSON.writeValueAsString(body);
            for (Map.Entry<String, String> token : rawTokens.entrySet()) {
                text = text.replace(token.getKey(), token.getValue());
            }
            return text;
        }

        RawHttp.Request request(ApiDocument.Operation operation) {
            StringBuilder target = new StringBuilder();
            for (String segment : operation.path().substring(1).split("/")) {
                if (segment.startsWith("{") && segment.endsWith("}")) {
                    String value = path.get(segment.substring(1, segment.length() - 1));
                    if (value != null) {
                        target.append('/').append(value);
                    }
                } else {
                    target.append('/').append(segment);
                }
            }
            if (!query.isEmpty()) {
                target.append('?').append(String.join("&", query));
            }
            byte[] bytes = rawBytes != null
                    ? rawBytes
                    : rawBody != null || body != null ? bodyText().getBytes(StandardCharsets.UTF_8) : null;
            List<String[]> all = new ArrayList<>(headers);
            if (contentType != null && bytes != null) {
                all.add(0, new String[] {"Content-Type", contentType});
            }
            return new RawHttp.Request(method, target.toString(), all, bytes);
        }
    }

    // --- text helpers -------------------------------------------------------------------------------------------

    /** Percent-encoded for a path segment or query value, each byte of the result one char of the request line. */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Text that is hard to handle: ASCII, control characters and NUL, Latin and other scripts, emoji (surrogate pairs),
     * lone surrogates, direction marks and combining marks, of a random length up to {@code maxLength}.
     */
    static String randomText(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        while (text.length() < length) {
            switch (random.nextInt(10)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append((char) (0x80 + random.nextInt(0x180)));
                case 2 -> text.append((char) (0x4e00 + random.nextInt(0x5000)));
                case 3 -> text.appendCodePoint(0x1f300 + random.nextInt(0x300));
                case 4 -> text.append((char) (0xd800 + random.nextInt(0x800)));
                case 5 -> text.append("\u200f\u202e\u0301\ufeff\uffff".charAt(random.nextInt(5)));
                case 6 -> text.append("\"\\/%<>&'{}[];".charAt(random.nextInt(13)));
                default -> text.append((char) (0x20 + random.nextInt(0x5f)));
            }
        }
        return text.toString();
    }

    /** The body's bytes with {@code bytes} put inside its first string value (or the whole body when there is none). */
    private static byte[] invalidUtf8Inside(String body, byte[] bytes) {
        int quote = body.indexOf(":\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (quote < 0) {
            out.writeBytes("\"".getBytes(StandardCharsets.UTF_8));
            out.writeBytes(bytes);
            out.writeBytes("\"".getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
        out.writeBytes(body.substring(0, quote + 2).getBytes(StandardCharsets.UTF_8));
        out.writeBytes(bytes);
        out.writeBytes(body.substring(quote + 2).getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String hex(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (byte b : bytes) {
            text.append(String.format("%02X", b & 0xff));
        }
        return text.toString();
    }
}
