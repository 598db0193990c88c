package io.praas.state.web;

import io.praas.state.problem.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.util.unit.DataSize;

/**
 * Reads a raw request body into one array, refusing it before reading when the declared length
 * is above the limit and stopping one byte past the limit when no length was declared.
 */
public final class BoundedBody {

    private BoundedBody() {
    }

    public static byte[] read(HttpServletRequest request, DataSize limit, String what) throws IOException {
        long max = limit.toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) {
            throw new PayloadTooLargeException(what, declared, max);
        }
        InputStream in = request.getInputStream();
        if (declared < 0) {
            byte[] body = in.readNBytes(Math.toIntExact(max + 1));
            if (body.length > max) {
                throw new PayloadTooLargeException(what, -1, max);
            }
            return body;
        }
        // Allocate once at the declared size: large snapshots must not be copied while growing.
        byte[] body = new byte[(int) declared];
        int read = in.readNBytes(body, 0, body.length);
        if (read < body.length) {
            throw new EOFException(what + " ended after " + read + " of " + declared + " bytes");
        }
        return body;
    }
}
