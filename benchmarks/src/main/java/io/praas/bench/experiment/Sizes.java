package io.praas.bench.experiment;

/** Byte sizes and their labels ({@code 10B}, {@code 1KiB}, {@code 5MiB}). */
final class Sizes {

    static final int KIB = 1024;
    static final int MIB = 1024 * KIB;

    private Sizes() {
    }

    static String label(long bytes) {
        if (bytes >= MIB && bytes % MIB == 0) {
            return bytes / MIB + "MiB";
        }
        if (bytes >= KIB && bytes % KIB == 0) {
            return bytes / KIB + "KiB";
        }
        return bytes + "B";
    }
}
