package org.tribune.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.tribune.common.DependencyUnavailable;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Blobs as objects of an S3-compatible store: {@code <key prefix><key>}. A PUT is atomic in S3, so a reader sees the
 * whole object or none; each is sent with its Content-MD5, which the store checks, and its ETag is compared after.
 *
 * <p>The SDK's newer default checksums (CRC trailers on every request) are asked for only where an operation
 * requires them: several S3-compatible stores refuse them.
 */
public class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(2);

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final String prefix;

    S3BlobStore(S3Client s3, S3Presigner presigner, String bucket, String prefix) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    public static S3BlobStore of(MediaConfig.S3 config) {
        String bucket = config.bucket()
                .filter(b -> !b.isBlank())
                .orElseThrow(() -> new IllegalStateException(
                        "TRIBUNE_MEDIA_STORAGE=s3 needs TRIBUNE_MEDIA_S3_BUCKET, the bucket to keep media in"));
        S3Configuration addressing = S3Configuration.builder()
                .pathStyleAccessEnabled(config.pathStyle())
                .build();
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(
                                CONNECTION_TIMEOUT.compareTo(config.timeout()) < 0
                                        ? CONNECTION_TIMEOUT
                                        : config.timeout())
                        .socketTimeout(config.timeout()))
                .serviceConfiguration(addressing)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        S3Presigner.Builder presigner = S3Presigner.builder().serviceConfiguration(addressing);
        config.endpoint().ifPresent(builder::endpointOverride);
        config.endpoint().ifPresent(presigner::endpointOverride);
        Optional<Region> region = config.region()
                .or(() -> config.endpoint().map(e -> "us-east-1"))
                .map(Region::of);
        region.ifPresent(builder::region);
        region.ifPresent(presigner::region);
        String prefix = config.keyPrefix().orElse("");
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        S3BlobStore store = new S3BlobStore(builder.build(), presigner.build(), bucket, prefix);
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
            throw failure("Could not store " + key + " in the bucket", e);
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
            throw failure("Could not read " + key + " from the bucket", e);
        } catch (SdkException e) {
            throw failure("Could not read " + key + " from the bucket", e);
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
                    throw failure("Could not read " + key + " from the bucket", e);
                }
            }
        });
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            s3.deleteObject(b -> b.bucket(bucket).key(objectKey(key)));
        } catch (SdkException e) {
            throw failure("Could not delete " + key + " from the bucket", e);
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
            throw failure("Could not delete " + keyPrefix + " from the bucket", e);
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
            throw failure("Could not list the bucket", e);
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
            throw failure("The bucket " + bucket + " cannot be reached", e);
        }
    }

    /** Signed with the instance's credentials; anyone holding the URL may fetch that object until it expires. */
    @Override
    public Optional<URI> temporaryUrl(String key, Duration lifetime, DirectResponse response) {
        String objectKey = objectKey(key);
        try {
            return Optional.of(presigner
                    .presignGetObject(p -> p.signatureDuration(lifetime)
                            .getObjectRequest(g -> g.bucket(bucket)
                                    .key(objectKey)
                                    .responseContentType(response.contentType())
                                    .responseCacheControl(response.cacheControl())
                                    .responseContentDisposition(response.contentDisposition())))
                    .url()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The SDK made a URL that is not a URI", e);
        }
    }

    @Override
    public boolean shared() {
        return true;
    }

    /**
     * For tests and first runs against an empty store; production buckets are made by their operators. Instances
     * starting together may race to create it: the losers find it made.
     */
    void createBucketIfMissing() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
            return;
        } catch (NoSuchBucketException e) {
            // made below
        } catch (S3Exception e) {
            if (e.statusCode() != 404) {
                throw e;
            }
        }
        try {
            s3.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // Another instance made it meanwhile.
        }
    }

    /**
     * A store that could not be reached, did not answer in time, or answered 5xx, 408 or 429 may answer in a moment:
     * the client is told to retry. Anything else (credentials refused or missing, a missing bucket) is a fault of the
     * deployment.
     */
    private static IOException failure(String what, SdkException e) {
        String message = what + ": " + e.getMessage();
        return transientFailure(e)
                ? new DependencyUnavailable("The media storage", message, e)
                : new IOException(message, e);
    }

    private static boolean transientFailure(SdkException e) {
        if (e instanceof S3Exception s) {
            return s.statusCode() >= 500 || s.statusCode() == 408 || s.statusCode() == 429;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException
                    || t instanceof ApiCallTimeoutException
                    || t instanceof ApiCallAttemptTimeoutException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        presigner.close();
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
