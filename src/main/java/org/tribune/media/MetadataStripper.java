package org.tribune.media;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Drops metadata from the formats Tribune keeps byte for byte rather than re-encoding: animated GIFs (ImageIO
 * cannot write them back) and WebP (ImageIO has no WebP writer). The pixels are untouched; only the blocks that
 * carry comments, XMP and EXIF go. JPEG and PNG are re-encoded instead, which drops everything.
 */
final class MetadataStripper {

    private MetadataStripper() {}

    /** GIF: keeps the header, colour tables, frames and the looping extension; drops comments and other application blocks. */
    static void gif(Path source, Path target) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(source)));
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            byte[] header = in.readNBytes(13);
            if (header.length < 13) {
                throw new EOFException("GIF header");
            }
            out.write(header);
            copy(in, out, colorTableSize(header[10]));
            while (true) {
                int block = in.readUnsignedByte();
                if (block == 0x3B) {
                    out.write(block);
                    return;
                }
                if (block == 0x2C) {
                    byte[] descriptor = in.readNBytes(9);
                    if (descriptor.length < 9) {
                        throw new EOFException("GIF image descriptor");
                    }
                    out.write(block);
                    out.write(descriptor);
                    copy(in, out, colorTableSize(descriptor[8]));
                    out.write(in.readUnsignedByte());
                    subBlocks(in, out);
                } else if (block == 0x21) {
                    int label = in.readUnsignedByte();
                    boolean keep = label == 0xF9 || label == 0x01;
                    if (label == 0xFF) {
                        int length = in.readUnsignedByte();
                        byte[] id = in.readNBytes(length);
                        String app = new String(id, StandardCharsets.US_ASCII);
                        keep = app.equals("NETSCAPE2.0") || app.equals("ANIMEXTS1.0");
                        if (keep) {
                            out.write(block);
                            out.write(label);
                            out.write(length);
                            out.write(id);
                        }
                    } else if (keep) {
                        out.write(block);
                        out.write(label);
                    }
                    subBlocks(in, keep ? out : OutputStream.nullOutputStream());
                } else {
                    throw new IOException("Not a GIF block: " + block);
                }
            }
        }
    }

    /** WebP: drops the EXIF and XMP chunks and clears their flags in the VP8X header. */
    static void webp(Path source, Path target) throws IOException {
        long kept = 4;
        try (DataInputStream in = riff(source)) {
            for (Chunk c = Chunk.read(in); c != null; c = Chunk.read(in)) {
                skip(in, c.padded());
                if (!c.isMetadata()) {
                    kept += 8 + c.padded();
                }
            }
        }
        try (DataInputStream in = riff(source);
                OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            out.write("RIFF".getBytes(StandardCharsets.US_ASCII));
            writeLe32(out, kept);
            out.write("WEBP".getBytes(StandardCharsets.US_ASCII));
            for (Chunk c = Chunk.read(in); c != null; c = Chunk.read(in)) {
                if (c.isMetadata()) {
                    skip(in, c.padded());
                    continue;
                }
                out.write(c.fourcc().getBytes(StandardCharsets.US_ASCII));
                writeLe32(out, c.size());
                if (c.fourcc().equals("VP8X") && c.size() > 0) {
                    out.write(in.readUnsignedByte() & ~0x0C);
                    copy(in, out, c.padded() - 1);
                } else {
                    copy(in, out, c.padded());
                }
            }
        }
    }

    private record Chunk(String fourcc, long size) {
        static Chunk read(DataInputStream in) throws IOException {
            byte[] id = in.readNBytes(4);
            if (id.length == 0) {
                return null;
            }
            if (id.length < 4) {
                throw new EOFException("WebP chunk");
            }
            return new Chunk(new String(id, StandardCharsets.US_ASCII), readLe32(in));
        }

        long padded() {
            return size + (size & 1);
        }

        boolean isMetadata() {
            return fourcc.equals("EXIF") || fourcc.equals("XMP ");
        }
    }

    private static DataInputStream riff(Path source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(source)));
        byte[] header = in.readNBytes(12);
        if (header.length < 12 || !new String(header, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            in.close();
            throw new IOException("Not a WebP file");
        }
        return in;
    }

    private static int colorTableSize(byte packed) {
        return (packed & 0x80) == 0 ? 0 : 3 * (1 << ((packed & 0x07) + 1));
    }

    private static void subBlocks(DataInputStream in, OutputStream out) throws IOException {
        while (true) {
            int length = in.readUnsignedByte();
            out.write(length);
            if (length == 0) {
                return;
            }
            copy(in, out, length);
        }
    }

    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[8192];
        long left = length;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException();
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long length) throws IOException {
        copy(in, OutputStream.nullOutputStream(), length);
    }

    private static long readLe32(DataInputStream in) throws IOException {
        byte[] b = in.readNBytes(4);
        if (b.length < 4) {
            throw new EOFException();
        }
        return (b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16 | (b[3] & 0xFFL) << 24;
    }

    private static void writeLe32(OutputStream out, long v) throws IOException {
        out.write((int) (v & 0xFF));
        out.write((int) (v >> 8 & 0xFF));
        out.write((int) (v >> 16 & 0xFF));
        out.write((int) (v >> 24 & 0xFF));
    }
}
