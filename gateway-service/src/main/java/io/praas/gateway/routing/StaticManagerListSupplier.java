package io.praas.gateway.routing;

import java.net.URI;
import java.util.List;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import reactor.core.publisher.Flux;

/** A fixed list of managers, from {@code praas.gateway.managers}. */
final class StaticManagerListSupplier implements ServiceInstanceListSupplier {

    private final String serviceId;
    private final List<ServiceInstance> instances;

    StaticManagerListSupplier(String serviceId, List<URI> managers) {
        this.serviceId = serviceId;
        this.instances = managers.stream().map(uri -> instance(serviceId, uri)).toList();
    }

    @Override
    public String getServiceId() {
        return serviceId;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
        return Flux.just(instances);
    }

    private static ServiceInstance instance(String serviceId, URI uri) {
        boolean secure = "https".equals(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : (secure ? 443 : 80);
        // normalised id, so "http://m:8081" and "http://m:8081/" hash to the same node on every gateway
        String instanceId = uri.getScheme() + "://" + uri.getHost() + ":" + port;
        return new DefaultServiceInstance(instanceId, serviceId, uri.getHost(), port, secure);
    }
}
