package io.praas.it;

import io.praas.sdk.ProcessApplication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Packs test apps compiled with the tests into app bundles, as a user's build would. */
final class Bundles {

    private Bundles() {
    }

    /** A bundle holding {@code application}'s class and its nested classes, naming it as the entry point. */
    static byte[] of(Class<? extends ProcessApplication> application) {
        try {
            Path classes = Path.of(application.getProtectionDomain().getCodeSource().getLocation().toURI());
            String prefix = application.getName().replace('.', '/');
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(bytes); Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String entry = classes.relativize(file).toString().replace('\\', '/');
                    if (entry.equals(prefix + ".class") || entry.startsWith(prefix + "$")) {
                        jar.putNextEntry(new JarEntry(entry));
                        jar.write(Files.readAllBytes(file));
                        jar.closeEntry();
                    }
                }
                jar.putNextEntry(new JarEntry("META-INF/services/" + ProcessApplication.class.getName()));
                jar.write((application.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] counter(io.praas.cli.LocalStack stack) {
        try {
            return Files.readAllBytes(stack.sampleJar("counter"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
