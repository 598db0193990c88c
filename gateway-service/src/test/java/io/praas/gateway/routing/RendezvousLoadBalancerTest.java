package io.praas.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.DefaultRequestContext;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.util.LinkedMultiValueMap;
import reactor.core.publisher.Flux;

class RendezvousLoadBalancerTest {

    private static final List<URI> MANAGERS =
            List.of(URI.create("http://m1:8081"), URI.create("http://m2:8081"), URI.create("https://m3"));

    @Test
    void choosesTheRendezvousOwnerOfAppAndSessionFromTheRequestUrl() {
        RendezvousLoadBalancer balancer = balancer(new StaticManagerListSupplier("process-manager", MANAGERS));
        for (int i = 0; i < 50; i++) {
            String session = "s" + i;
            ServiceInstance chosen = chosen(balancer, request("/v1/apps/shop/processes/" + session + "/invoke/f"));
            assertThat(chosen.getInstanceId()).isEqualTo(expectedOwner("shop/" + session));
        }
    }

    @Test
    void staticManagersGetNormalisedIdsWithExplicitPorts() {
        List<ServiceInstance> instances = new StaticManagerListSupplier("process-manager",
                List.of(URI.create("http://m1:8081/"), URI.create("https://m3"))).get().blockFirst();
        assertThat(instances).extracting(ServiceInstance::getInstanceId)
                .containsExactly("http://m1:8081", "https://m3:443");
        assertThat(instances.get(1).isSecure()).isTrue();
    }

    @Test
    void requestWithoutUrlGoesToTheOwnerOfTheEmptyKey() {
        RendezvousLoadBalancer balancer = balancer(new StaticManagerListSupplier("process-manager", MANAGERS));
        Response<ServiceInstance> response = balancer.choose(new DefaultRequest<>(new DefaultRequestContext())).block();
        assertThat(response.getServer().getInstanceId()).isEqualTo(expectedOwner(""));
    }

    @Test
    void noInstancesGivesAnEmptyResponse() {
        RendezvousLoadBalancer balancer = balancer(new StaticManagerListSupplier("process-manager", List.of()));
        assertThat(balancer.choose(request("/v1/apps/shop")).block().hasServer()).isFalse();
    }

    @Test
    void supplierThatListsNothingStillGivesAnEmptyResponse() {
        ServiceInstanceListSupplier silent = new ServiceInstanceListSupplier() {
            @Override
            public String getServiceId() {
                return "process-manager";
            }

            @Override
            public Flux<List<ServiceInstance>> get() {
                return Flux.empty();
            }
        };
        assertThat(balancer(silent).choose(request("/v1/apps/shop")).block().hasServer()).isFalse();
    }

    private static ServiceInstance chosen(RendezvousLoadBalancer balancer, DefaultRequest<RequestDataContext> request) {
        Response<ServiceInstance> response = balancer.choose(request).block();
        assertThat(response.hasServer()).isTrue();
        return response.getServer();
    }

    private static String expectedOwner(String key) {
        List<String> ids = List.of("http://m1:8081", "http://m2:8081", "https://m3:443");
        return RendezvousHashing.owner(key, ids, Function.identity()).orElseThrow();
    }

    private static RendezvousLoadBalancer balancer(ServiceInstanceListSupplier supplier) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("managers", supplier));
        return new RendezvousLoadBalancer("process-manager", beans.getBeanProvider(ServiceInstanceListSupplier.class));
    }

    private static DefaultRequest<RequestDataContext> request(String path) {
        RequestData data = new RequestData(HttpMethod.POST, URI.create("http://gateway:8080" + path),
                new HttpHeaders(), new LinkedMultiValueMap<>(), Map.of());
        return new DefaultRequest<>(new RequestDataContext(data));
    }
}
