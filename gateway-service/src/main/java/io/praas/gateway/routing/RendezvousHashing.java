package io.praas.gateway.routing;

import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rendezvous (highest-random-weight) hashing: each key goes to the node with the highest weight for
 * that (key, node) pair. Adding or removing a node therefore moves only the keys that must move, and
 * every gateway with the same node list picks the same node without coordination.
 */
public final class RendezvousHashing {

    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private RendezvousHashing() {
    }

    /**
     * The node that owns {@code key}; empty only when there are no nodes. Ties (astronomically rare)
     * go to the smaller node id so the answer never depends on the order of {@code nodes}.
     */
    public static <T> Optional<T> owner(String key, Collection<? extends T> nodes, Function<? super T, String> nodeId) {
        long keyHash = hash(key);
        T best = null;
        String bestId = null;
        long bestWeight = 0;
        for (T node : nodes) {
            String id = nodeId.apply(node);
            long weight = weight(keyHash, hash(id));
            int order = best == null ? 1 : Long.compareUnsigned(weight, bestWeight);
            if (order > 0 || (order == 0 && id.compareTo(bestId) < 0)) {
                best = node;
                bestId = id;
                bestWeight = weight;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Weight of a (key, node) pair: a full 64-bit avalanche of both hashes, so weights act as independent. */
    static long weight(long keyHash, long nodeHash) {
        return fmix64(keyHash ^ Long.rotateLeft(nodeHash, 29));
    }

    /** FNV-1a over the UTF-16 code units, finished with murmur3's finalizer (FNV alone mixes the last characters poorly). */
    static long hash(String value) {
        long hash = FNV_OFFSET_BASIS;
        for (int i = 0; i < value.length(); i++) {
            hash ^= value.charAt(i);
            hash *= FNV_PRIME;
        }
        return fmix64(hash);
    }

    /** MurmurHash3's 64-bit finalizer. */
    static long fmix64(long value) {
        long mixed = value;
        mixed ^= mixed >>> 33;
        mixed *= 0xff51afd7ed558ccdL;
        mixed ^= mixed >>> 33;
        mixed *= 0xc4ceb9fe1a85ec53L;
        mixed ^= mixed >>> 33;
        return mixed;
    }
}
