package io.cryptotalks.system;

import static io.cryptotalks.system.Api.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Settings (E14), the profile form (E15), photos (E16) and public profiles (E17). */
class ProfileTests {

    private final RunningSystem system = RunningSystem.shared();
    private final Api api = new Api(system.gatewayUrl());
    private final Users users = new Users();

    @Test
    void settingsReadEmptyFieldsAsEmptyTextAndNeverShowSecrets() {
        Users.User user = users.signedIn("settings");

        JsonNode settings = api.get("/api/user/get-settings", user.auth()).json();

        assertThat(settings.get("isProfilePicPresent").asBoolean()).isFalse();
        assertThat(settings.get("securitySettings").get("twoFaToken").isBoolean())
                .isTrue();
        assertThat(settings.get("securitySettings").get("email").asString()).isEqualTo(user.email());
        JsonNode personal = settings.get("personalSettings");
        assertThat(personal.get("lastName").asString()).isEmpty();
        assertThat(personal.get("bio").asString()).isEmpty();
        assertThat(personal.get("createdAt").asString()).isNotBlank();
        assertThat(personal.has("email"))
                .as("the email once, in securitySettings (F19)")
                .isFalse();
        assertError(api.get("/api/user/get-settings"), 401, "invalid-token");
    }

    @Test
    void theProfileFormChangesOnlyProfileFields() {
        Users.User user = users.signedIn("profile");
        Users.User other = users.signedIn("other");
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("username", user.username());
        form.put("firstName", "Grace");
        form.put("bio", "Hopper");
        form.put("personalWebsite", "https://grace.example.com");
        form.put("publicEmail", true);
        form.put("email", "stolen@example.com");
        form.put("password", "plain");
        form.put("accountConfirm", false);
        form.put("id", other.id().toString());
        form.put("twoFaToken", "JBSWY3DPEHPK3PXP");

        Api.Reply saved = api.patch("/api/user/set-personal-settings", form, user.auth());
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        await().untilAsserted(() -> assertThat(api.get("/api/user/get/" + user.username())
                        .json()
                        .get("data")
                        .get("firstName")
                        .asString())
                .isEqualTo("Grace"));
        JsonNode profile = api.get("/api/user/get/" + user.username()).json().get("data");
        assertThat(profile.get("email").asString())
                .as("shown: the owner opted in")
                .isEqualTo(user.email());
        assertThat(profile.get("createdAt").asString()).isNotBlank();
        assertThat(system.database()
                        .sql("select password from users where id = ?")
                        .param(user.id())
                        .query(String.class)
                        .single())
                .startsWith("$argon2id$");
        assertThat(api.get("/api/user/get/" + other.username())
                        .json()
                        .get("data")
                        .get("firstName")
                        .asString())
                .isEqualTo("Ada");
        assertThat(api.get("/api/user/get/" + other.username())
                        .json()
                        .get("data")
                        .has("email"))
                .as("hidden: the owner did not opt in")
                .isFalse();
        assertThat(api.get("/api/user/get-settings", user.auth())
                        .json()
                        .get("securitySettings")
                        .get("twoFaToken")
                        .asBoolean())
                .isFalse();

        form.put("personalWebsite", "javascript:alert(1)");
        assertError(api.patch("/api/user/set-personal-settings", form, user.auth()), 400, "validation-error");
        form.put("personalWebsite", "");
        form.put("username", other.username().toUpperCase());
        assertError(api.patch("/api/user/set-personal-settings", form, user.auth()), 403, "username-taken");
        assertError(api.get("/api/user/get/no-such-user-here"), 404, "user-not-found");
    }

    @Test
    void aPhotoIsCheckedByContentStoredOnS3AndServed() throws IOException {
        Users.User user = users.signedIn("photo");
        assertError(api.get("/api/user/photo/" + user.username()), 404, "user-not-found");

        String svg = "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>";
        assertError(
                api.post(
                        "/api/user/upload-photo",
                        Map.of(
                                "photo",
                                "data:image/png;base64," + Base64.getEncoder().encodeToString(svg.getBytes())),
                        user.auth()),
                400,
                "validation-error");
        assertError(
                api.post(
                        "/api/user/upload-photo",
                        Map.of(
                                "photo",
                                "data:image/png;base64,"
                                        + Base64.getEncoder().encodeToString(new byte[2 * 1024 * 1024 + 1])),
                        user.auth()),
                413,
                "payload-too-large");

        Api.Reply uploaded =
                api.post("/api/user/upload-photo", Map.of("photo", "data:image/png;base64," + png()), user.auth());
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        Api.Binary photo = api.getBinary("/api/user/photo/" + user.username());
        assertThat(photo.status()).isEqualTo(200);
        assertThat(photo.contentType()).isEqualTo("image/png");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(photo.bytes())).getWidth())
                .isEqualTo(64);
        assertThat(api.get("/api/user/get/" + user.username())
                        .json()
                        .get("data")
                        .get("isProfilePicPresent")
                        .asBoolean())
                .isTrue();
    }

    static String png() throws IOException {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        image.setRGB(10, 10, 0xff8800);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
