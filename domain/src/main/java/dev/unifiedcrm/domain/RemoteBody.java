package dev.unifiedcrm.domain;

/**
 * A provider answer's body as the adapter understood it: nothing, a JSON tree (plain Java values,
 * see {@link Lead}), or text that is not JSON.
 */
public sealed interface RemoteBody {

    /** No body, or an empty one. */
    record Empty() implements RemoteBody {
    }

    /** A JSON body; {@code value} is its tree (a JSON {@code null} body is a null value). */
    record Json(Object value) implements RemoteBody {
    }

    /** A body that is not JSON, as text. */
    record Text(String value) implements RemoteBody {
    }

    static RemoteBody empty() {
        return new Empty();
    }
}
