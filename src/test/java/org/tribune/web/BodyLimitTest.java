package org.tribune.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.security.Roles;

/** Each route's body limit: the upload limit everywhere, the archive limit on the backup import. */
@QuarkusTest
class BodyLimitTest extends ApiTestSupport {

    private static final long UPLOAD_LIMIT = 20L * 1024 * 1024;

    @Test
    void aBodyStreamedWithoutLengthPastTheLimitIsRefusedWith413() throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/categories HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                            + token(Roles.EDITOR)
                            + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1024 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            try {
                for (long sent = 0; sent <= UPLOAD_LIMIT + chunk.length; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException e) {
                // The server may close the connection before the whole body is sent: that is the point.
            }
            assertThat(answer(socket.getInputStream())).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void theImportRouteTakesBodiesLargerThanTheUploadLimit() throws IOException {
        for (String path : new String[] {"/api/v1/admin/import", "/api/v1/categories"}) {
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream()
                        .write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                                        + token(Roles.ADMIN) + "\r\nContent-Type: application/zip\r\nContent-Length: "
                                        + (UPLOAD_LIMIT * 3)
                                        + "\r\nExpect: 100-continue\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                String status = readLine(socket.getInputStream());
                assertThat(status).as(path).startsWith(path.contains("import") ? "HTTP/1.1 100" : "HTTP/1.1 413");
            }
        }
    }

    private static String answer(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        StringBuilder answer = new StringBuilder();
        int length = 0;
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            answer.append(line).append("\r\n");
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return answer.append("\r\n")
                .append(new String(in.readNBytes(length), StandardCharsets.UTF_8))
                .toString();
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c >= 0 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
