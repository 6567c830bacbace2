package dev.unifiedcrm.application;

import java.util.List;
import java.util.Map;

/**
 * A rough estimate of the heap a stored answer holds, for bounding a store in bytes: within a small
 * factor of the truth is all a bound needs, and walking the tree is cheap next to the provider call.
 */
final class ApproximateSize {

    private static final long OBJECT = 16;
    private static final long REFERENCE = 8;

    private ApproximateSize() {
    }

    static long of(IdempotencyStore.Key key, IdempotencyStore.Request request) {
        return 4 * OBJECT + text(key.caller()) + text(key.value()) + text(request.leadId()) + 3 * OBJECT + 36 * 2;
    }

    static long of(ApiResponse answer) {
        long size = 2 * OBJECT;
        for (var header : answer.headers().entrySet()) {
            size += 2 * REFERENCE + text(header.getKey()) + text(header.getValue());
        }
        if (answer.body() instanceof ResponseBody.Raw raw) {
            return size + OBJECT + raw.bytes().length + (raw.contentType() == null ? 0 : text(raw.contentType()));
        }
        return size + tree(((ResponseBody.Json) answer.body()).tree());
    }

    private static long tree(Object node) {
        if (node instanceof Map<?, ?> map) {
            long size = 3 * OBJECT;
            for (var entry : map.entrySet()) {
                size += 2 * OBJECT + tree(entry.getKey()) + tree(entry.getValue());
            }
            return size;
        }
        if (node instanceof List<?> list) {
            long size = 2 * OBJECT;
            for (Object element : list) {
                size += REFERENCE + tree(element);
            }
            return size;
        }
        if (node instanceof String string) {
            return text(string);
        }
        return node == null ? 0 : OBJECT + REFERENCE;
    }

    private static long text(String string) {
        return 2 * OBJECT + 2L * string.length();
    }
}
