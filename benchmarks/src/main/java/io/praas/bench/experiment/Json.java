package io.praas.bench.experiment;

import tools.jackson.databind.json.JsonMapper;


/** Request bodies and answers of the benchmark app's JSON functions. */
final class Json {

    static final String TYPE = "application/json";
    static final String BYTES = "application/octet-stream";
    static final byte[] NONE = new byte[0];

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static byte[] body(Object value) {
        return MAPPER.writeValueAsBytes(value);
    }

    static <T> T read(byte[] json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
