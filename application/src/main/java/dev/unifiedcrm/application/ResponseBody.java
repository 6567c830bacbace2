package dev.unifiedcrm.application;

import java.util.Objects;

/** The body of an {@link ApiResponse}. */
public sealed interface ResponseBody {

    /**
     * A JSON body as a tree of plain Java values (ordered maps, lists, strings, numbers, booleans,
     * nulls) that any JSON library can write; its content type is {@code application/json}.
     */
    record Json(Object tree) implements ResponseBody {
    }

    /** A body passed on byte for byte, with its content type ({@code null}: none). */
    record Raw(String contentType, byte[] bytes) implements ResponseBody {
        public Raw {
            Objects.requireNonNull(bytes, "bytes");
        }
    }
}
