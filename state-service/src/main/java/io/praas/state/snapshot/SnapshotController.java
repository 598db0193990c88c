package io.praas.state.snapshot;

import io.praas.state.config.StateProperties;
import io.praas.state.session.SessionId;
import io.praas.state.web.BoundedBody;
import io.praas.state.web.PraasHeaders;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SnapshotController {

    private final SnapshotStore snapshots;
    private final DataSize maxSnapshotSize;

    SnapshotController(SnapshotStore snapshots, StateProperties properties) {
        this.snapshots = snapshots;
        this.maxSnapshotSize = properties.maxSnapshotSize();
    }

    /**
     * Reads the raw body itself: the size limit is checked before a byte of it is buffered. With
     * {@code release=true} (a swap-out) the lease is released in the same step as the write.
     */
    @PutMapping("/v1/sessions/{app}/{session}/snapshot")
    ResponseEntity<Void> write(
            @PathVariable String app, @PathVariable String session, @RequestParam long epoch,
            @RequestParam(defaultValue = "false") boolean release, HttpServletRequest request) throws IOException {
        SessionId id = new SessionId(app, session);
        snapshots.write(id, epoch, BoundedBody.read(request, maxSnapshotSize, "Snapshot"), release);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/v1/sessions/{app}/{session}/snapshot")
    ResponseEntity<byte[]> read(@PathVariable String app, @PathVariable String session) {
        StoredSnapshot snapshot = snapshots.read(new SessionId(app, session));
        return ResponseEntity.ok()
                .header(PraasHeaders.EPOCH, Long.toString(snapshot.epoch()))
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(snapshot.data());
    }
}
