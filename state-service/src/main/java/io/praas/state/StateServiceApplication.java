package io.praas.state;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The state service: the only writer of process state (snapshots, leases, bundles) to Redis. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class StateServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(StateServiceApplication.class, args);
    }
}
