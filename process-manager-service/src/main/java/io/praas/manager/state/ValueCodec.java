package io.praas.manager.state;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;

import java.lang.reflect.Type;

/**
 * Encodes and decodes the state values, inputs and outputs of one app, with the app's own class
 * loader. One instance per deployed app, so that the mapper's caches of app classes go away with
 * the app.
 */
public final class ValueCodec {

    private final ObjectMapper mapper;
    private final ClassLoader classLoader;

    public ValueCodec(ObjectMapper mapper, ClassLoader classLoader) {
        this.mapper = mapper;
        this.classLoader = classLoader;
    }

    public EncodedValue encode(String key, Object value) {
        if (value instanceof EncodedValue encoded) {
            return encoded;
        }
        if (value instanceof byte[] bytes) {
            return EncodedValue.raw(bytes);
        }
        try {
            return EncodedValue.json(value.getClass().getName(), mapper.writeValueAsBytes(value));
        } catch (JacksonException e) {
            throw new StateEncodingException(key, value.getClass().getName(), e);
        }
    }

    /** Decodes a stored value as {@code type}; {@code Object} means the class it was written as. */
    public Object decode(String key, EncodedValue value, Type type) {
        if (value.kind() == EncodedValue.Kind.RAW) {
            return value.bytes();
        }
        try {
            JavaType target = type == Object.class ? mapper.constructType(loadClass(value.className()))
                    : mapper.constructType(type);
            return mapper.readValue(value.bytes(), target);
        } catch (JacksonException | ClassNotFoundException e) {
            throw new StateDecodingException(key, value.className(), type, e);
        }
    }

    /** Returns {@code value} as {@code type}, converting it only when it is not already one. */
    public Object convert(String key, Object value, Type type) {
        if (type instanceof Class<?> cls && cls.isInstance(value)) {
            return value;
        }
        JavaType target = mapper.constructType(type);
        if (target.getRawClass().isInstance(value)) {
            return value;
        }
        try {
            return mapper.convertValue(value, target);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new StateDecodingException(key, value.getClass().getName(), type, e);
        }
    }

    public byte[] writeJson(Object value) {
        return mapper.writeValueAsBytes(value);
    }

    public Object readJson(byte[] json, Class<?> type) {
        return mapper.readValue(json, type);
    }

    private Class<?> loadClass(String name) throws ClassNotFoundException {
        return Class.forName(name, false, classLoader);
    }
}
