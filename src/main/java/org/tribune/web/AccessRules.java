package org.tribune.web;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Who may call each operation, read from the {@code @PermitAll} and {@code @RolesAllowed} annotations of the
 * resource classes themselves, so that the spec states exactly what the code enforces. An empty list means public.
 */
final class AccessRules {

    private static final String ROOT = "org/tribune/";

    private AccessRules() {}

    static Map<String, List<String>> byOperationId() {
        Map<String, List<String>> rules = new TreeMap<>();
        for (Class<?> type : resourceClasses()) {
            for (Method m : type.getDeclaredMethods()) {
                Operation op = m.getAnnotation(Operation.class);
                if (op == null || op.operationId().isEmpty()) {
                    continue;
                }
                rules.put(op.operationId(), rolesOf(type, m));
            }
        }
        return rules;
    }

    private static List<String> rolesOf(Class<?> type, Method m) {
        if (m.isAnnotationPresent(PermitAll.class)) {
            return List.of();
        }
        RolesAllowed roles = m.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = type.getAnnotation(RolesAllowed.class);
        }
        if (roles != null) {
            return List.of(roles.value());
        }
        // Unannotated endpoints are denied (quarkus.security.jaxrs.deny-unannotated-endpoints): no role opens them.
        return type.isAnnotationPresent(PermitAll.class) ? List.of() : List.of("none");
    }

    /** The resource classes, for the conventions that read their annotations. */
    static List<Class<?>> resourceClasses() {
        return applicationClasses().stream()
                .filter(c -> c.isAnnotationPresent(Path.class))
                .toList();
    }

    /** Every top-level class of the application, scanned from where it was loaded (a directory or the jar). */
    static List<Class<?>> applicationClasses() {
        ClassLoader loader = AccessRules.class.getClassLoader();
        try {
            java.nio.file.Path location = Paths.get(AccessRules.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            if (Files.isDirectory(location)) {
                return scan(location, loader);
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return scan(jar.getPath("/"), loader);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Class<?>> scan(java.nio.file.Path root, ClassLoader loader) throws IOException {
        java.nio.file.Path base = root.resolve(ROOT);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<java.nio.file.Path> files = Files.walk(base)) {
            List<Class<?>> resources = new ArrayList<>();
            files.map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> load(
                            name.substring(0, name.length() - ".class".length()).replace('/', '.'), loader))
                    .filter(c -> c != null)
                    .forEach(resources::add);
            return resources;
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }
}
