package io.praas.gateway.routing;

import io.praas.gateway.GatewayProperties;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Beans of the load-balancer child context for {@code process-manager}. Deliberately not a
 * {@code @Configuration}: component scanning would otherwise put these beans in the main context too.
 */
public class ProcessManagerLoadBalancerConfiguration {

    @Bean
    ReactorServiceInstanceLoadBalancer rendezvousLoadBalancer(Environment environment,
            LoadBalancerClientFactory factory) {
        String serviceId = LoadBalancerClientFactory.getName(environment);
        return new RendezvousLoadBalancer(serviceId, factory.getLazyProvider(serviceId, ServiceInstanceListSupplier.class));
    }

    /**
     * Managers from {@code praas.gateway.managers} when listed, else from Spring Cloud discovery (the simple
     * discovery client by default; Kubernetes or another registry when one is on the class path). A
     * {@link ServiceInstanceListSupplier} bean defined in the application replaces both.
     */
    @Bean
    @ConditionalOnMissingBean
    ServiceInstanceListSupplier processManagerInstances(ConfigurableApplicationContext context,
            GatewayProperties properties, Clock clock) {
        String serviceId = LoadBalancerClientFactory.getName(context.getEnvironment());
        if (!properties.managers().isEmpty()) {
            return new StaticManagerListSupplier(serviceId, properties.managers());
        }
        // reused for a while: every lookup arms a discovery timeout on Reactor's timer threads
        return ServiceInstanceListSupplier.builder().withDiscoveryClient()
                .with((ignored, discovery) -> new RecentManagerListSupplier(discovery, properties.managerListTtl(), clock))
                .build(context);
    }
}
