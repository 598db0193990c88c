package io.praas.manager.process;

import io.praas.manager.problem.PraasException;
import org.springframework.http.HttpStatus;

import java.util.Map;

/** This manager lost the process's lease (it could not renew it in time), so it stopped serving it. */
public final class LeaseLostException extends PraasException {

    public LeaseLostException(ProcessKey key) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "lease-lost", "Lease lost",
                "This manager lost the lease of process " + key + "; retry to reach its current owner");
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", "1");
    }
}
