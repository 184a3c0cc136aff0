package io.cryptotalks.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cryptotalks.gateway.web.ApiException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Photos are recognised by their bytes, never by the client's word, and PNG/JPEG are re-encoded. */
class ImageFormatTests {

    @Test
    void recognisesPngJpegAndWebpByTheirFirstBytes() throws IOException {
        assertThat(ImageFormat.of(image("png"))).hasValue(ImageFormat.PNG);
        assertThat(ImageFormat.of(image("jpg"))).hasValue(ImageFormat.JPEG);
        assertThat(ImageFormat.of("RIFF\0\0\0\0WEBPVP8 \0\0\0\0".getBytes(StandardCharsets.ISO_8859_1)))
                .hasValue(ImageFormat.WEBP);
        assertThat(ImageFormat.of("<svg onload='alert(1)'/>".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
        assertThat(ImageFormat.of("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    }

    @Test
    void reEncodingDropsWhatHidesAfterTheImage() throws IOException {
        byte[] png = image("png");
        byte[] withPayload = Arrays.copyOf(png, png.length + 20);
        System.arraycopy("<script>x</script>".getBytes(StandardCharsets.US_ASCII), 0, withPayload, png.length, 18);

        byte[] cleaned = ImageFormat.PNG.clean(withPayload);

        assertThat(new String(cleaned, StandardCharsets.ISO_8859_1)).doesNotContain("<script>");
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(cleaned)).getWidth())
                .isEqualTo(32);
    }

    @Test
    void aTruncatedImageIsRefused() throws IOException {
        byte[] png = image("png");
        assertThatThrownBy(() -> ImageFormat.PNG.clean(Arrays.copyOf(png, 40))).isInstanceOf(ApiException.class);
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(32, 24, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }
}
