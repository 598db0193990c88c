package io.praas.manager;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

import java.net.URI;
import java.time.Duration;

/**
 * Configuration of one process manager.
 *
 * @param id                       name of this manager; a random suffix per start makes its lease owner id
 * @param stateServiceUrl          base URL of the state service
 * @param stateServiceTimeout      how long one call to the state service may take
 * @param stateServiceConnections  connections kept to the state service; more concurrent calls wait for one
 * @param snapshotRedisUrl         the Redis the state service keeps snapshots in ({@code redis://host:port}); when set,
 *                                 a resume reads its snapshot from there instead of through the state service (one
 *                                 network crossing of the bytes instead of two), started while the lease is being
 *                                 taken; unset, everything goes through it
 * @param snapshotKeyPrefix        the state service's Redis key prefix ({@code praas.state.key-prefix}): where a
 *                                 resume finds the snapshot before the state service has named its key. A wrong one
 *                                 costs only that head start: the key the state service names is read instead
 * @param leaseTtl                 how long a session lease lives without renewal
 * @param leaseRenewInterval       how often the leases of live processes are renewed
 * @param leaseRenewBatchSize      leases renewed per call to the state service
 * @param idleCheckInterval        how often idle processes are looked for
 * @param checkpointCheckInterval  how often CHECKPOINT-mode processes are looked at
 * @param maxPayloadSize           largest accepted invocation body
 * @param maxBundleSize            largest accepted app bundle
 * @param defineTimeout            how long a bundle's start-up code ({@code define}) may take before it is refused
 * @param maxQueuedInvocations     pending invocations per process beyond which callers get 429
 * @param defaultIdleTimeout       idle timeout of apps that declare none
 * @param defaultInvocationTimeout invocation timeout of apps that declare none
 * @param defaultCheckpointInterval checkpoint interval of apps that declare none
 * @param drainTimeout             how long a graceful shutdown waits for every process to swap out
 * @param memoryPressureThreshold  heap fill after GC (0–1) above which least recently used processes are swapped out
 * @param memoryPressureSwapFraction share of live processes swapped out per check while under pressure
 */
@Validated
@ConfigurationProperties("praas.manager")
public record ManagerProperties(
        @DefaultValue("manager") @NotBlank String id,
        @DefaultValue("http://localhost:8082") @NotNull URI stateServiceUrl,
        @DefaultValue("10s") @NotNull Duration stateServiceTimeout,
        @DefaultValue("64") @Min(1) int stateServiceConnections,
        URI snapshotRedisUrl,
        @DefaultValue("praas:") @NotNull String snapshotKeyPrefix,
        @DefaultValue("30s") @NotNull Duration leaseTtl,
        @DefaultValue("10s") @NotNull Duration leaseRenewInterval,
        @DefaultValue("1000") @Min(1) @Max(10_000) int leaseRenewBatchSize,
        @DefaultValue("250ms") @NotNull Duration idleCheckInterval,
        @DefaultValue("1s") @NotNull Duration checkpointCheckInterval,
        @DefaultValue("16MB") @NotNull DataSize maxPayloadSize,
        @DefaultValue("64MB") @NotNull DataSize maxBundleSize,
        @DefaultValue("10s") @NotNull Duration defineTimeout,
        @DefaultValue("256") @Min(1) int maxQueuedInvocations,
        @DefaultValue("5m") @NotNull Duration defaultIdleTimeout,
        @DefaultValue("30s") @NotNull Duration defaultInvocationTimeout,
        @DefaultValue("30s") @NotNull Duration defaultCheckpointInterval,
        @DefaultValue("60s") @NotNull Duration drainTimeout,
        @DefaultValue("0.8") @DecimalMin("0.05") @DecimalMax("1.0") double memoryPressureThreshold,
        @DefaultValue("0.1") @DecimalMin("0.001") @DecimalMax("1.0") double memoryPressureSwapFraction) {

    public ManagerProperties {
        if (snapshotRedisUrl != null && !isRedisServer(snapshotRedisUrl)) {
            throw new IllegalArgumentException("praas.manager.snapshot-redis-url must be redis://host:port or "
                    + "rediss://host:port (optionally with user:password@ and /database), was " + snapshotRedisUrl);
        }
    }

    private static boolean isRedisServer(URI url) {
        return ("redis".equals(url.getScheme()) || "rediss".equals(url.getScheme())) && url.getHost() != null;
    }
}
