package io.praas.gateway.routing;

import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.DefaultResponse;
import org.springframework.cloud.client.loadbalancer.EmptyResponse;
import org.springframework.cloud.client.loadbalancer.Request;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.loadbalancer.core.NoopServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.util.function.SingletonSupplier;
import reactor.core.publisher.Mono;

/**
 * Sends every call about one process to the same manager: rendezvous hashing of the routing key
 * ({@code app/session}, see {@link ProcessPath}) over the instances the {@link ServiceInstanceListSupplier}
 * currently lists. The manager's lease stays the authority; this only makes the first hop the right one.
 */
public final class RendezvousLoadBalancer implements ReactorServiceInstanceLoadBalancer {

    private static final Log log = LogFactory.getLog(RendezvousLoadBalancer.class);

    private final String serviceId;
    private final SingletonSupplier<ServiceInstanceListSupplier> instances;

    public RendezvousLoadBalancer(String serviceId, ObjectProvider<ServiceInstanceListSupplier> suppliers) {
        this.serviceId = serviceId;
        // resolved on first use, as Spring Cloud's own balancers do, so the supplier's context is complete by then
        this.instances = SingletonSupplier.of(() -> suppliers.getIfAvailable(NoopServiceInstanceListSupplier::new));
    }

    @Override
    public Mono<Response<ServiceInstance>> choose(Request request) {
        String key = routingKey(request);
        return instances.obtain().get(request).next()
                .map(available -> pick(key, available))
                // a supplier that completes without a list must still answer, or the gateway would route nowhere
                .defaultIfEmpty(new EmptyResponse());
    }

    /** Identity a node is hashed by; the same on every gateway that sees the same discovery data. */
    public static String nodeId(ServiceInstance instance) {
        String instanceId = instance.getInstanceId();
        return instanceId != null ? instanceId : instance.getUri().toString();
    }

    private Response<ServiceInstance> pick(String key, List<ServiceInstance> available) {
        return RendezvousHashing.owner(key, available, RendezvousLoadBalancer::nodeId)
                .<Response<ServiceInstance>>map(DefaultResponse::new)
                .orElseGet(() -> {
                    log.warn("No instance of " + serviceId + " is available");
                    return new EmptyResponse();
                });
    }

    private static String routingKey(Request<?> request) {
        if (request.getContext() instanceof RequestDataContext context && context.getClientRequest() != null) {
            return ProcessPath.parse(context.getClientRequest().getUrl().getRawPath()).routingKey();
        }
        return "";
    }
}
