package dev.switchboard.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** HTTP read byte by byte off a plain socket, for tests that speak to the engine without a client library. */
final class RawHttp {

    private RawHttp() {
    }

    /** The status line and headers of a response, up to and with the blank line (less if the stream ends). */
    static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        while (!headers.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            headers.write(b);
        }
        return headers.toString(StandardCharsets.US_ASCII);
    }
}
