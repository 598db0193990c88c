package io.praas.manager.state;

/**
 * A state value in its stored form: raw bytes kept as is, or JSON together with the name of the
 * class it was written as. Values read back from a snapshot stay encoded until an invocation asks
 * for them with a type, so a resume decodes only what is used.
 */
public record EncodedValue(Kind kind, String className, byte[] bytes) {

    public enum Kind {
        RAW(0), JSON(1);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        int code() {
            return code;
        }

        static Kind of(int code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            throw new SnapshotCorruptException("unknown value kind " + code);
        }
    }

    public static EncodedValue raw(byte[] bytes) {
        return new EncodedValue(Kind.RAW, null, bytes);
    }

    public static EncodedValue json(String className, byte[] bytes) {
        return new EncodedValue(Kind.JSON, className, bytes);
    }
}
