package dev.switchboard.console.fire;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.imageio.ImageIO;

/** Images for IMAGE arguments: a chosen file, or a small generated picture for a quick test. */
public final class SampleImage {

    private SampleImage() {
    }

    /** The file's bytes as base64 (the wire form of images). */
    public static String base64Of(Path file) throws IOException {
        return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
    }

    /** A 96x96 PNG gradient, a few kilobytes, as base64. */
    public static String generatedBase64() {
        BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x4f7cff), 96, 96, new Color(0xff7a59)));
        g.fillRect(0, 0, 96, 96);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /** "12.3 KB" for a base64 text, counting the decoded bytes. */
    public static String decodedSize(String base64) {
        long bytes = base64.length() * 3L / 4;
        return bytes < 1024 ? bytes + " bytes" : String.format("%.1f KB", bytes / 1024.0);
    }
}
