package io.praas.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

class RecentManagerListSupplierTest {

    private static final ServiceInstance M1 = new DefaultServiceInstance("m1", "process-manager", "m1", 8081, false);
    private static final ServiceInstance M2 = new DefaultServiceInstance("m2", "process-manager", "m2", 8081, false);

    private final Discovery discovery = new Discovery();
    private final SettableClock clock = new SettableClock();
    private final RecentManagerListSupplier supplier =
            new RecentManagerListSupplier(discovery, Duration.ofSeconds(5), clock);

    @Test
    void managersAreReusedUntilTheTtlPassesThenDiscoveryIsAskedAgain() {
        discovery.managers = List.of(M1);
        assertThat(supplier.get().blockFirst()).containsExactly(M1);

        discovery.managers = List.of(M1, M2);
        clock.advance(Duration.ofMillis(4_999));
        assertThat(supplier.get().blockFirst()).containsExactly(M1);
        assertThat(discovery.lookups).hasValue(1);

        clock.advance(Duration.ofMillis(1));
        assertThat(supplier.get().blockFirst()).containsExactly(M1, M2);
        assertThat(supplier.get().blockFirst()).containsExactly(M1, M2);
        assertThat(discovery.lookups).hasValue(2);
    }

    @Test
    void anEmptyListIsNotKeptSoTheFirstManagerToAppearIsRoutedToAtOnce() {
        discovery.managers = List.of();
        assertThat(supplier.get().blockFirst()).isEmpty();

        discovery.managers = List.of(M2);
        assertThat(supplier.get().blockFirst()).containsExactly(M2);
        assertThat(discovery.lookups).hasValue(2);
    }

    @Test
    void onlyTheFirstListOfAContinuingDiscoveryStreamIsTaken() {
        ServiceInstanceListSupplier streaming = new Discovery() {
            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.just(List.of(M1), List.of(M2)).concatWith(Flux.never());
            }
        };
        RecentManagerListSupplier recent = new RecentManagerListSupplier(streaming, Duration.ofSeconds(5), clock);
        assertThat(recent.get().collectList().block()).containsExactly(List.of(M1));
    }

    private static class Discovery implements ServiceInstanceListSupplier {

        volatile List<ServiceInstance> managers = List.of();
        final AtomicInteger lookups = new AtomicInteger();

        @Override
        public String getServiceId() {
            return "process-manager";
        }

        @Override
        public Flux<List<ServiceInstance>> get() {
            return Flux.defer(() -> {
                lookups.incrementAndGet();
                return Flux.just(managers);
            });
        }
    }

    private static final class SettableClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
