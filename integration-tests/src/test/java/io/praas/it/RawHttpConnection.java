package io.praas.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One kept-alive HTTP/1.1 connection written to byte by byte as a test needs: several bodyless requests in one write
 * (pipelined, so the server receives the next while it still answers the first), their answers read in order.
 */
final class RawHttpConnection implements AutoCloseable {

    private final Socket socket;
    private final String host;
    private final InputStream in;
    private final OutputStream out;

    RawHttpConnection(URI server, Duration answerTimeout) throws IOException {
        socket = new Socket(server.getHost(), server.getPort());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) answerTimeout.toMillis());
        host = server.getHost() + ":" + server.getPort();
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends bodyless requests, each given as method and path ({@code "POST /v1/apps"}), in one write. */
    void send(String... requests) throws IOException {
        StringBuilder bytes = new StringBuilder();
        for (String request : requests) {
            bytes.append(request).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\nContent-Length: 0\r\n\r\n");
        }
        out.write(bytes.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Reads the next answer and returns its status, or -1 if none came within the timeout. */
    int status() throws IOException {
        try {
            String head = readHead();
            skip(contentLength(head));
            return Integer.parseInt(head.substring(9, 12));
        } catch (SocketTimeoutException noAnswer) {
            return -1;
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("connection closed by the server");
            }
            head.write(next);
            matched = next == "\r\n\r\n".charAt(matched) ? matched + 1 : (next == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        throw new IllegalStateException("answer without Content-Length: " + head);
    }

    private void skip(int bytes) throws IOException {
        if (in.readNBytes(bytes).length != bytes) {
            throw new IOException("connection closed mid-answer");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
