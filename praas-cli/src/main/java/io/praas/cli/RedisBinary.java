package io.praas.cli;

import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/** Finds a redis-server: the one on the PATH if there is one, else the binary shipped in embedded-redis. */
final class RedisBinary {

    private RedisBinary() {
    }

    static Path find() {
        try {
            return ExecutableProvider.newExecutableInPath("redis-server").get().toPath();
        } catch (IOException notOnPath) {
            try {
                File shipped = ExecutableProvider.newJarResourceProvider().get();
                if (!shipped.canExecute() && !shipped.setExecutable(true)) {
                    throw new StackException("the embedded redis-server at " + shipped + " is not executable");
                }
                return shipped.toPath();
            } catch (IOException | RuntimeException e) {
                throw new StackException("no redis-server on the PATH and the embedded one could not be extracted: "
                        + e.getMessage(), e);
            }
        }
    }
}
