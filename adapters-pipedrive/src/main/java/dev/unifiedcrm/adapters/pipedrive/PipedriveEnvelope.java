package dev.unifiedcrm.adapters.pipedrive;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.RemoteBody;

import java.math.BigInteger;
import java.util.Map;

/**
 * Reads the {@code {"success": ..., "data": ...}} envelope of Pipedrive's 2xx answers. Pipedrive wraps
 * every answer in it and may report a failure inside a 200, so a 2xx is a success only when its body
 * is a JSON object with {@code "success": true}. A body with {@code "success": false} and an integer
 * {@code errorCode} from 400 to 599 is the failure it names; anything else breaks Pipedrive's
 * contract.
 */
final class PipedriveEnvelope {

    sealed interface Reading {

        /** {@code "success": true}; {@code envelope} is the whole body. */
        record Success(Map<?, ?> envelope) implements Reading {

            /** The envelope's {@code data}, or null when absent. */
            Object data() {
                return envelope.get("data");
            }

            /**
             * The id a delete answers with: {@code data.id} when it is a non-empty string, else
             * {@code sentId} (the id that was sent).
             */
            String deletedId(String sentId) {
                return data() instanceof Map<?, ?> lead && lead.get("id") instanceof String id && !id.isEmpty()
                        ? id
                        : sentId;
            }
        }

        /**
         * A failure reported inside a 2xx, to be answered as if Pipedrive had answered {@code status}
         * (a 5xx one as a gateway error with that status as the remote one); the answer itself is
         * kept as it came. {@code message} is read as for an error status.
         */
        record ReportedFailure(int status, String message, String code, boolean quotaExhausted) implements Reading {
        }

        /** Neither a success nor a recognised failure. */
        record Breach(String reason) implements Reading {
        }
    }

    private PipedriveEnvelope() {
    }

    /** @throws IllegalArgumentException when {@code answer} is not a 2xx (other statuses are not enveloped successes) */
    static Reading read(ProviderAnswer answer) {
        if (!answer.isSuccess()) {
            throw new IllegalArgumentException("only a 2xx answer carries a success envelope, was " + answer.status());
        }
        if (!(answer.parsedBody() instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> body)) {
            return new Reading.Breach("Pipedrive answered " + answer.status()
                    + " with a body that is not a JSON object with \"success\"");
        }
        Object success = body.get("success");
        if (Boolean.TRUE.equals(success)) {
            return new Reading.Success(body);
        }
        if (!Boolean.FALSE.equals(success)) {
            return new Reading.Breach("Pipedrive answered " + answer.status()
                    + " with a body whose \"success\" is " + (success == null ? "missing" : "not a boolean"));
        }
        Integer errorCode = errorCode(body.get("errorCode"));
        if (errorCode == null) {
            return new Reading.Breach("Pipedrive answered " + answer.status()
                    + " with \"success\": false but no errorCode from 400 to 599");
        }
        return new Reading.ReportedFailure(errorCode, PipedriveErrorDecoder.message(body, errorCode),
                PipedriveErrorDecoder.code(body), errorCode == 429 && PipedriveErrorDecoder.dailyBudgetSpent(answer));
    }

    /** The code when it is a JSON integer from 400 to 599 (not a float, not text). */
    private static Integer errorCode(Object value) {
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            BigInteger code = new BigInteger(value.toString());
            if (code.compareTo(BigInteger.valueOf(400)) >= 0 && code.compareTo(BigInteger.valueOf(599)) <= 0) {
                return code.intValue();
            }
        }
        return null;
    }
}
