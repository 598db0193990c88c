package io.praas.state.app;

import io.praas.state.config.StateProperties;
import io.praas.state.name.Names;
import io.praas.state.web.BoundedBody;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

@RestController
class AppController {

    private static final MediaType JAVA_ARCHIVE = MediaType.parseMediaType("application/java-archive");

    private final AppStore apps;
    private final JsonMapper json;
    private final DataSize maxBundleSize;

    AppController(AppStore apps, JsonMapper json, StateProperties properties) {
        this.apps = apps;
        this.json = json;
        this.maxBundleSize = properties.maxBundleSize();
    }

    @PutMapping("/v1/apps/{app}/bundle")
    ResponseEntity<Void> putBundle(@PathVariable String app, HttpServletRequest request) throws IOException {
        Names.requireValid(app);
        apps.putBundle(app, BoundedBody.read(request, maxBundleSize, "Bundle"));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/v1/apps/{app}/bundle")
    ResponseEntity<byte[]> bundle(@PathVariable String app) {
        return ResponseEntity.ok().contentType(JAVA_ARCHIVE).body(apps.bundle(Names.requireValid(app)));
    }

    /** The descriptor's schema belongs to the process manager; only "a JSON object" is checked here. */
    @PutMapping("/v1/apps/{app}")
    ObjectNode putDescriptor(@PathVariable String app, @RequestBody ObjectNode descriptor) {
        apps.putDescriptor(Names.requireValid(app), json.writeValueAsString(descriptor));
        return descriptor;
    }

    @GetMapping("/v1/apps/{app}")
    JsonNode descriptor(@PathVariable String app) {
        return json.readTree(apps.descriptor(Names.requireValid(app)));
    }

    @GetMapping("/v1/apps")
    List<JsonNode> descriptors() {
        return apps.descriptors().stream().map(json::readTree).toList();
    }

    @DeleteMapping("/v1/apps/{app}")
    ResponseEntity<Void> delete(@PathVariable String app) {
        if (!apps.delete(Names.requireValid(app))) {
            throw new AppNotFoundException(app, "descriptor, bundle or session");
        }
        return ResponseEntity.noContent().build();
    }
}
