package org.tribune.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on a real port, for tests: it records every request, answers as it is told (a status, a
 * delay, headers), and checks signatures with its own implementation of the Standard Webhooks algorithm, written
 * from the specification and sharing no code with the server's.
 */
final class Receiver implements AutoCloseable {

    record Request(String id, String timestamp, String signature, String body, long receivedAtMillis) {}

    record Answer(int status, long delayMillis, Map<String, String> headers, String body) {

        static Answer status(int status) {
            return new Answer(status, 0, Map.of(), "");
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private volatile Answer otherwise = Answer.status(204);

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            requests.add(new Request(
                    exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(body, StandardCharsets.UTF_8),
                    System.currentTimeMillis()));
            Answer answer = answers.poll();
            if (answer == null) {
                answer = otherwise;
            }
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            try {
                exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
                if (out.length > 0) {
                    exchange.getResponseBody().write(out);
                }
            } catch (IOException gone) {
                // The sender stopped waiting (a timeout test): nothing to answer.
            }
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The next requests get these answers, in order; later ones get {@link #otherwise}. */
    void answerNext(Answer... next) {
        answers.addAll(List.of(next));
    }

    void otherwise(Answer answer) {
        otherwise = answer;
    }

    List<Request> requests() {
        return new ArrayList<>(requests);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /**
     * Whether one of the signatures in the header is the HMAC-SHA256, keyed with the secret's base64-decoded bytes
     * after "whsec_", of "{id}.{timestamp}.{body}".
     */
    static boolean verifies(Request r, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] expected =
                    mac.doFinal((r.id() + "." + r.timestamp() + "." + r.body()).getBytes(StandardCharsets.UTF_8));
            for (String candidate : r.signature().split(" ")) {
                String[] parts = candidate.split(",", 2);
                if (parts.length == 2
                        && parts[0].equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
