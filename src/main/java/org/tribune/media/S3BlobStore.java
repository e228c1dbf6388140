package org.tribune.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as objects of an S3-compatible store: {@code <key prefix><key>}. A PUT is atomic in S3, so a reader sees the
 * whole object or none; each is sent with its Content-MD5, which the store checks, and its ETag is compared after.
 *
 * <p>The SDK's newer default checksums (CRC trailers on every request) are asked for only where an operation
 * requires them: several S3-compatible stores refuse them.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    S3BlobStore(S3Client s3, String bucket, String prefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    public static S3BlobStore of(MediaConfig.S3 config) {
        String bucket = config.bucket()
                .filter(b -> !b.isBlank())
                .orElseThrow(() -> new IllegalStateException(
                        "TRIBUNE_MEDIA_STORAGE=s3 needs TRIBUNE_MEDIA_S3_BUCKET, the bucket to keep media in"));
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .serviceConfiguration(S3Configuration.builder()
                        .pathStyleAccessEnabled(config.pathStyle())
                        .build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        config.endpoint().ifPresent(builder::endpointOverride);
        config.region()
                .or(() -> config.endpoint().map(e -> "us-east-1"))
                .map(Region::of)
                .ifPresent(builder::region);
        String prefix = config.keyPrefix().orElse("");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        S3BlobStore store = new S3BlobStore(builder.build(), bucket, prefix);
        if (config.createBucket()) {
            store.createBucketIfMissing();
        }
        return store;
    }

    @Override
    public void put(String key, Path content) throws IOException {
        String objectKey = objectKey(key);
        byte[] md5 = md5(content);
        long size = Files.size(content);
        PutObjectResponse response;
        try {
            response = s3.putObject(
                    b -> b.bucket(bucket)
                            .key(objectKey)
                            .contentLength(size)
                            .contentMD5(Base64.getEncoder().encodeToString(md5)),
                    RequestBody.fromFile(content));
        } catch (SdkException e) {
            throw new IOException("Could not store " + key + " in the bucket: " + e.getMessage(), e);
        }
        // A single PUT's ETag is the MD5 of its bytes, except under KMS encryption, where it is something else.
        String etag = response.eTag() == null ? "" : response.eTag().replace("\"", "");
        if (etag.matches("[0-9a-fA-F]{32}")
                && !etag.equalsIgnoreCase(HexFormat.of().formatHex(md5))) {
            delete(key);
            throw new IOException("The store holds other bytes than were sent for " + key);
        }
    }

    @Override
    public Optional<Blob> get(String key) throws IOException {
        String objectKey = objectKey(key);
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(bucket).key(objectKey));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("Could not read " + key + " from the bucket: " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("Could not read " + key + " from the bucket: " + e.getMessage(), e);
        }
        long size = head.contentLength();
        return Optional.of(new Blob() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public Optional<Path> localPath() {
                return Optional.empty();
            }

            @Override
            public InputStream open(long offset, long length) throws IOException {
                if (length <= 0) {
                    return InputStream.nullInputStream();
                }
                try {
                    return s3.getObject(b ->
                            b.bucket(bucket).key(objectKey).range("bytes=" + offset + "-" + (offset + length - 1)));
                } catch (SdkException e) {
                    throw new IOException("Could not read " + key + " from the bucket: " + e.getMessage(), e);
                }
            }
        });
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(objectKey(key)));
        } catch (SdkException e) {
            throw new IOException("Could not delete " + key + " from the bucket: " + e.getMessage(), e);
        }
    }

    /** One object at a time: the batch delete requires checksums some S3-compatible stores do not accept. */
    @Override
    public void deleteAll(String keyPrefix) throws IOException {
        String objectPrefix = objectKey(keyPrefix);
        try {
            for (S3Object object : s3.listObjectsV2Paginator(
                            b -> b.bucket(bucket).prefix(objectPrefix + "/"))
                    .contents()) {
                s3.deleteObject(b -> b.bucket(bucket).key(object.key()));
            }
            s3.deleteObject(b -> b.bucket(bucket).key(objectPrefix));
        } catch (SdkException e) {
            throw new IOException("Could not delete " + keyPrefix + " from the bucket: " + e.getMessage(), e);
        }
    }

    /** Reads the whole listing: its cost grows with the number of objects, and it runs once per start. */
    @Override
    public Set<String> prefixesOlderThan(Instant time) throws IOException {
        Map<String, Instant> newest = new HashMap<>();
        try {
            for (S3Object object : s3.listObjectsV2Paginator(
                            b -> b.bucket(bucket).prefix(prefix))
                    .contents()) {
                String key = object.key().substring(prefix.length());
                int slash = key.indexOf('/');
                if (slash > 0) {
                    newest.merge(key.substring(0, slash), object.lastModified(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        } catch (SdkException e) {
            throw new IOException("Could not list the bucket: " + e.getMessage(), e);
        }
        return newest.entrySet().stream()
                .filter(e -> e.getValue().isBefore(time))
                .map(Map.Entry::getKey)
                .filter(name -> KEY.matcher(name).matches())
                .collect(Collectors.toSet());
    }

    /** Reaching the bucket with these credentials; writing is not tried on every probe, as it costs a request. */
    @Override
    public void checkWritable() throws IOException {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (SdkException e) {
            throw new IOException("The bucket " + bucket + " cannot be reached: " + e.getMessage(), e);
        }
    }

    /** For tests and first runs against an empty store; production buckets are made by their operators. */
    void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    private String objectKey(String key) {
        return prefix + BlobStore.checked(key);
    }

    private static byte[] md5(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("MD5"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return ((DigestInputStream) in).getMessageDigest().digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }
}
