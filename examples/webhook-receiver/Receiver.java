// A webhook receiver that checks Tribune's signatures, as the Standard Webhooks specification defines them, with
// nothing but the JDK. Run it with `java Receiver.java <port>` (Java 17+), with the endpoint's secret in
// WEBHOOK_SECRET (two secrets separated by a space during a rotation). It prints one line per delivery:
//   ok <webhook-id> <event type>        verified, and seen for the first time
//   repeat <webhook-id> <event type>    verified, and already handled: a retry or a redelivery, ignored
// and answers 401 to a request whose signature or timestamp does not verify.
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class Receiver {

    static final long TOLERANCE_SECONDS = 5 * 60;
    static final Pattern TYPE = Pattern.compile("^\\{\"type\":\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String[] secrets = System.getenv("WEBHOOK_SECRET").trim().split(" ");
        Set<String> handled = ConcurrentHashMap.newKeySet(); // in production: a table with a unique key
        HttpServer server = HttpServer.create(new InetSocketAddress(Integer.parseInt(args[0])), 0);
        server.createContext("/", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = 401;
            if (id != null && timestamp != null && signatures != null && fresh(timestamp)
                    && verifies(secrets, id, timestamp, body, signatures)) {
                Matcher type = TYPE.matcher(body);
                String event = type.find() ? type.group(1) : "?";
                System.out.println((handled.add(id) ? "ok " : "repeat ") + id + " " + event);
                status = 204;
            } else {
                System.out.println("refused " + id);
            }
            System.out.flush();
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** A replayed old delivery is refused: its timestamp is signed, so it cannot be changed. */
    static boolean fresh(String timestamp) {
        try {
            return Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(timestamp)) <= TOLERANCE_SECONDS;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** HMAC-SHA256 of "{id}.{timestamp}.{body}", keyed with the base64 bytes after "whsec_": one must match. */
    static boolean verifies(String[] secrets, String id, String timestamp, String body, String signatures) {
        try {
            for (String secret : secrets) {
                Mac mac = Mac.getInstance("HmacSHA256");
                byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
                for (String signature : signatures.split(" ")) {
                    if (signature.startsWith("v1,")
                            && MessageDigest.isEqual(expected, Base64.getDecoder().decode(signature.substring(3)))) {
                        return true;
                    }
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
