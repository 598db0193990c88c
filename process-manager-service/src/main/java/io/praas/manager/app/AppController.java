package io.praas.manager.app;

import io.praas.manager.ManagerProperties;
import io.praas.manager.problem.Names;
import io.praas.manager.problem.PraasException;
import io.praas.manager.web.RequestBodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Set;

/** The app API: deploy a bundle, list, describe and delete apps. */
@RestController
@RequestMapping("/v1/apps")
public class AppController {

    private static final MediaType JAVA_ARCHIVE = MediaType.parseMediaType("application/java-archive");
    private static final Set<MediaType> BUNDLE_TYPES = Set.of(JAVA_ARCHIVE, MediaType.APPLICATION_OCTET_STREAM);

    private final AppRegistry registry;
    private final AppControlPlane controlPlane;
    private final ManagerProperties properties;

    public AppController(AppRegistry registry, AppControlPlane controlPlane, ManagerProperties properties) {
        this.registry = registry;
        this.controlPlane = controlPlane;
        this.properties = properties;
    }

    @PutMapping("/{app}")
    public Mono<ResponseEntity<AppDescriptor>> deploy(@PathVariable String app, ServerHttpRequest request) {
        Names.requireApp(app);
        requireBundleType(request.getHeaders().getContentType());
        AppConfigOverrides overrides = AppConfigOverrides.fromQuery(request.getQueryParams());
        return RequestBodies.read(request, properties.maxBundleSize(), "app bundle")
                .flatMap(jar -> controlPlane.call(() -> registry.deploy(app, jar, overrides)))
                .map(deployment -> deployment.created()
                        ? ResponseEntity.created(URI.create("/v1/apps/" + app)).body(deployment.app().descriptor())
                        : ResponseEntity.ok(deployment.app().descriptor()));
    }

    @GetMapping
    public Mono<List<AppDescriptor>> list() {
        return controlPlane.call(registry::descriptors);
    }

    @GetMapping("/{app}")
    public Mono<AppDescriptor> get(@PathVariable String app) {
        Names.requireApp(app);
        return controlPlane.call(() -> registry.descriptor(app).orElseThrow(() -> new AppNotFoundException(app)));
    }

    @DeleteMapping("/{app}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String app) {
        Names.requireApp(app);
        return controlPlane.call(() -> {
            if (!registry.delete(app)) {
                throw new AppNotFoundException(app);
            }
            return ResponseEntity.noContent().<Void>build();
        });
    }

    private static void requireBundleType(MediaType contentType) {
        if (contentType == null || BUNDLE_TYPES.stream().noneMatch(type -> type.equalsTypeAndSubtype(contentType))) {
            throw new UnsupportedBundleTypeException(contentType);
        }
    }

    /** A deploy body that does not say it is a jar. */
    static final class UnsupportedBundleTypeException extends PraasException {
        UnsupportedBundleTypeException(MediaType contentType) {
            super(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                    "An app bundle must be sent as application/java-archive (or application/octet-stream), not "
                            + contentType);
        }
    }
}
