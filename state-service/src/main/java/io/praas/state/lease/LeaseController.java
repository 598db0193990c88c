package io.praas.state.lease;

import io.praas.state.config.StateProperties;
import io.praas.state.session.SessionId;
import io.praas.state.web.PraasHeaders;
import jakarta.validation.Valid;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class LeaseController {

    private final LeaseService leases;
    private final Duration defaultTtl;

    LeaseController(LeaseService leases, StateProperties properties) {
        this.leases = leases;
        this.defaultTtl = properties.defaultLeaseTtl();
    }

    @PostMapping("/v1/sessions/{app}/{session}/activation")
    ResponseEntity<byte[]> activate(
            @PathVariable String app, @PathVariable String session, @Valid @RequestBody ActivationRequest request) {
        Activation activation = leases.activate(new SessionId(app, session), request.owner(), ttlOrDefault(request.ttl()),
                request.delivery());
        HttpHeaders headers = new HttpHeaders();
        headers.set(PraasHeaders.EPOCH, Long.toString(activation.epoch()));
        headers.set(PraasHeaders.LEASE_EXPIRES, activation.leaseExpiresAt().toString());
        if (activation.snapshotKey() != null) {
            headers.set(PraasHeaders.SNAPSHOT_KEY, activation.snapshotKey());
            if (activation.snapshotVersion() != null) {
                headers.set(PraasHeaders.SNAPSHOT_VERSION, activation.snapshotVersion());
            }
            return ResponseEntity.ok().headers(headers).build();
        }
        if (activation.snapshot() == null) {
            return ResponseEntity.noContent().headers(headers).build();
        }
        return ResponseEntity.ok().headers(headers).contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(activation.snapshot());
    }

    @PostMapping("/v1/leases/renewals")
    RenewalResult renew(@Valid @RequestBody RenewalRequest request) {
        return leases.renew(request.owner(), ttlOrDefault(request.ttl()), request.leases());
    }

    @DeleteMapping("/v1/sessions/{app}/{session}/lease")
    ResponseEntity<Void> release(@PathVariable String app, @PathVariable String session, @RequestParam long epoch) {
        leases.release(new SessionId(app, session), epoch);
        return ResponseEntity.noContent().build();
    }

    private Duration ttlOrDefault(Duration ttl) {
        return ttl == null ? defaultTtl : ttl;
    }
}
