package org.tribune.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs a webhook may target: http or https, no credentials in them, and (unless development allows it) a
 * host whose every address is a public one. Checked when an endpoint is saved, and again at every delivery, which
 * then connects to the address that was checked, so that a DNS answer changed in between cannot point it inward.
 */
@ApplicationScoped
public class Targets {

    private final WebhookConfig config;

    public Targets(WebhookConfig config) {
        this.config = config;
    }

    /** Why this URL is refused as a target, or null when it is a valid one; does not resolve the host. */
    static String malformed(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "must be an http or https URL";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "must name a host";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not carry a user name or password: authenticate deliveries with their signature";
        }
        if (uri.getRawFragment() != null) {
            return "must not have a fragment";
        }
        return null;
    }

    /** A target whose address was checked, for one delivery. */
    record Resolved(URI uri, InetAddress address, int port) {}

    /** Resolves the URL's host and checks its addresses; throws {@link Refused} with a reason an admin can act on. */
    Resolved resolve(String url) throws Refused {
        String problem = malformed(url);
        if (problem != null) {
            throw new Refused("The URL " + problem);
        }
        URI uri = URI.create(url);
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new Refused("Its host " + host + " does not resolve");
        }
        if (!config.allowPrivateTargets()) {
            for (InetAddress a : addresses) {
                String kind = nonPublic(a);
                if (kind != null) {
                    throw new Refused("Its host " + host + " resolves to " + a.getHostAddress() + ", " + kind
                            + ": webhooks only go to public addresses");
                }
            }
        }
        int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return new Resolved(uri, addresses[0], port);
    }

    /** What kind of non-public address this is, or null for a public one. */
    static String nonPublic(InetAddress a) {
        if (a instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            if (isMappedV4(b)) {
                try {
                    return nonPublic(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    throw new IllegalStateException("Four bytes are an IPv4 address", e);
                }
            }
            if ((b[0] & 0xfe) == 0xfc) {
                return "a unique local (private) address";
            }
        }
        if (a.isLoopbackAddress()) {
            return "a loopback address";
        }
        if (a.isAnyLocalAddress()) {
            return "the unspecified address";
        }
        if (a.isLinkLocalAddress()) {
            // 169.254.169.254, the metadata service of most clouds, is one of these.
            return "a link-local address (where cloud metadata services answer)";
        }
        if (a.isSiteLocalAddress()) {
            return "a private address";
        }
        if (a.isMulticastAddress()) {
            return "a multicast address";
        }
        if (a instanceof Inet4Address) {
            int first = a.getAddress()[0] & 0xff;
            int second = a.getAddress()[1] & 0xff;
            if (first == 0) {
                return "an address of this network";
            }
            if (first == 100 && second >= 64 && second < 128) {
                // Carrier-grade NAT, and where some clouds (100.100.100.200) answer metadata requests.
                return "a shared (carrier-grade NAT) address";
            }
            if (first == 198 && (second == 18 || second == 19)) {
                return "a benchmarking network address";
            }
            if (first >= 240) {
                return "a reserved address";
            }
        }
        return null;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    /** A target this server will not send to, and why. */
    static final class Refused extends Exception {

        Refused(String reason) {
            super(reason, null, false, false);
        }
    }
}
