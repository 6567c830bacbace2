package dev.unifiedcrm.adapters.mondaycrm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;

import java.time.DateTimeException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The board check on an {@code items(ids:)} answer, and the fetched item as the unified lead.
 * {@code delete_item} deletes any item the token can reach, so an item is a lead of the account only
 * when it sits on the account's Leads board and is not deleted.
 */
final class MondayCrmLeadDecoder {

    sealed interface BoardCheck {
        /** The item is a lead of the board (active or archived): go on to the mutation. */
        record OnBoard(Map<?, ?> item) implements BoardCheck {
        }

        /**
         * No such item, an item of another board, or a deleted one: answered 404 as monday's own
         * verdict (the query's answer is the raw response), and no mutation is sent.
         */
        record NotOnBoard(String message) implements BoardCheck {
        }
    }

    private final ObjectMapper json;
    private final MondayCrmLeadMapper mapper;

    MondayCrmLeadDecoder(ObjectMapper json, MondayCrmLeadMapper mapper) {
        this.json = json;
        this.mapper = mapper;
    }

    /**
     * @param data    the query's {@code data}, whose {@code items} is an array (see {@link MondayCrmAnswerReader})
     * @param itemId  the id sent
     * @param boardId the account's Leads board
     */
    static BoardCheck check(Map<?, ?> data, String itemId, String boardId) {
        List<?> items = data.get("items") instanceof List<?> list ? list : List.of();
        for (Object element : items) {
            if (element instanceof Map<?, ?> item
                    && MondayCrmAnswerReader.idText(item.get("id")).filter(itemId::equals).isPresent()) {
                boolean onBoard = item.get("board") instanceof Map<?, ?> board
                        && MondayCrmAnswerReader.idText(board.get("id")).filter(boardId::equals).isPresent();
                if (onBoard && !"deleted".equals(item.get("state"))) {
                    return new BoardCheck.OnBoard(item);
                }
                break;
            }
        }
        return new BoardCheck.NotOnBoard("No lead " + itemId + " on board " + boardId);
    }

    /**
     * The fetched item (found by {@link #check}) as the unified lead; remote data is the item object.
     *
     * @throws ProviderContractBreach when the item has a field of an unexpected type or a date-time
     *                                that is not ISO-8601
     */
    @SuppressWarnings("unchecked")
    Lead fetched(ProviderAnswer answer, Map<?, ?> item, MondayCrmColumns columns) {
        MondayCrmItemDto dto;
        try {
            dto = json.convertValue(item, MondayCrmItemDto.class);
        } catch (IllegalArgumentException wrongShape) {
            throw breach(answer, "has an item field of an unexpected type");
        }
        try {
            return mapper.toLead(dto, columns, Collections.unmodifiableMap((Map<String, Object>) item));
        } catch (DateTimeException badDate) {
            throw breach(answer, "has a created_at or updated_at that is not an ISO-8601 date-time");
        }
    }

    private static ProviderContractBreach breach(ProviderAnswer answer, String what) {
        return new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                "monday.com answered " + answer.status() + " to an item fetch, but the item " + what);
    }
}
