package org.tribune.backup;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Counts and hashes what passes through it; closing it leaves the stream underneath open for the next entry. */
final class DigestStream extends FilterOutputStream {

    private final MessageDigest digest = sha256();
    private long size;

    DigestStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        digest.update((byte) b);
        size++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        digest.update(b, off, len);
        size += len;
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    long size() {
        return size;
    }

    String sha256Hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Reads the stream to its end, up to limit bytes, and returns its SHA-256, or null if it is longer. */
    static String sha256Of(InputStream in, long limit) throws IOException {
        try (DigestStream sink = new DigestStream(OutputStream.nullOutputStream())) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sink.write(buffer, 0, n);
                if (sink.size() > limit) {
                    return null;
                }
            }
            return sink.size() == limit ? sink.sha256Hex() : null;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
