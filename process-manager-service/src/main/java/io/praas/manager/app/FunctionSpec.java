package io.praas.manager.app;

import io.praas.sdk.ProcessFunction;

/** A function an app declares, with the type its input is decoded into. */
public record FunctionSpec(String name, Class<?> inputType, ProcessFunction<Object, Object> function) {
}
