package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.RemoteBody;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a {@link DeleteLeadResult} as the service's unified answer: the success body in the
 * requested {@link ResponseFormat} (with field exclusions and remote data as asked), the error table
 * (status, reason phrase, message, and the provider's status and body for errors that come from it),
 * the provider's rate-limit figures and the {@code x-delete-outcome} header. The api-http README
 * lists these answers, and a running service describes them at {@code GET /openapi.json}.
 *
 * <p>Pure: the same command and result always give the same answer; the time that relative
 * rate-limit figures count from is the one the result carries.
 */
public final class UnifiedAnswers {

    /** Says how a delete ended: {@code deleted} or {@code already_deleted}. */
    public static final String OUTCOME_HEADER = "x-delete-outcome";
    /** Marks an answer given again from the idempotency store. */
    public static final String REPLAYED_HEADER = "idempotent-replayed";
    private static final int MAX_ECHOED_ID_LENGTH = 64;

    private UnifiedAnswers() {
    }

    /** Runs the use case and renders its result: what a transport that speaks the unified API does. */
    public static ApiResponse answer(DeleteLeadUseCase useCase, DeleteLeadCommand command) {
        return render(command, useCase.deleteLead(command));
    }

    /** The answer to {@code command} that {@code result} stands for. */
    public static ApiResponse render(DeleteLeadCommand command, DeleteLeadResult result) {
        if (result instanceof DeleteLeadResult.Deleted deleted) {
            return deleted(command, deleted);
        }
        if (result instanceof DeleteLeadResult.RefusedByProvider refused) {
            return refused(command.format(), refused);
        }
        if (result instanceof DeleteLeadResult.ProviderBrokeContract breach) {
            return brokeContract(command.format(), breach);
        }
        if (result instanceof DeleteLeadResult.ProviderTimedOut timedOut) {
            return ApiErrors.error(504, timedOut.provider().name() + " did not answer in time (" + timedOut.detail() + ").");
        }
        if (result instanceof DeleteLeadResult.ProviderUnreachable unreachable) {
            return ApiErrors.error(502, "Could not get an answer from " + unreachable.provider().name() + ": "
                    + unreachable.detail() + ".");
        }
        if (result instanceof DeleteLeadResult.InvalidRequest invalid) {
            return ApiErrors.badRequest(invalid.message());
        }
        if (result instanceof DeleteLeadResult.AccountUnknown unknown) {
            return ApiErrors.error(404, "No integrated account with id " + unknown.account()
                    + " exists; check integrated_account_id.");
        }
        if (result instanceof DeleteLeadResult.InvalidLeadId invalid) {
            return ApiErrors.badRequest("The lead id '" + echo(invalid.leadId()) + "' is not valid for "
                    + invalid.provider() + ": " + invalid.reason() + ".");
        }
        if (result instanceof DeleteLeadResult.RateLimited limited) {
            return rateLimited(limited);
        }
        if (result instanceof DeleteLeadResult.IdempotencyKeyMismatch) {
            return ApiErrors.error(422, "This Idempotency-Key was already used for another integrated account or"
                    + " lead id; use a new key for a new request.");
        }
        if (result instanceof DeleteLeadResult.IdempotencyKeyBusy) {
            return ApiErrors.error(409, "A request with this Idempotency-Key is still running; try again once it has finished.");
        }
        if (result instanceof DeleteLeadResult.IdempotencyStoreDown) {
            return ApiErrors.error(503, "The store of Idempotency-Key answers is unavailable, so this request was not"
                    + " sent to the CRM; try again shortly, or send it without an Idempotency-Key.",
                    Map.of("retry-after", "1"));
        }
        if (result instanceof DeleteLeadResult.Replayed replayed) {
            return replayed.answer().withHeader(REPLAYED_HEADER, "true");
        }
        if (result instanceof DeleteLeadResult.NotAudited) {
            return ApiErrors.internalError();
        }
        throw unknown(result);
    }

    /** The status {@link #render} gives, without building the body. */
    public static int status(ResponseFormat format, DeleteLeadResult result) {
        if (result instanceof DeleteLeadResult.Deleted deleted) {
            return format.passesProviderAnswerOn() ? deleted.answer().status() : 200;
        }
        if (result instanceof DeleteLeadResult.RefusedByProvider refused) {
            if (passedOn(format, refused)) {
                return refused.answer().status();
            }
            return refused.status() < 500 ? refused.status() : 502;
        }
        if (result instanceof DeleteLeadResult.ProviderBrokeContract breach) {
            return passedOn(format, breach) ? breach.answer().status() : 502;
        }
        if (result instanceof DeleteLeadResult.ProviderTimedOut) {
            return 504;
        }
        if (result instanceof DeleteLeadResult.ProviderUnreachable) {
            return 502;
        }
        if (result instanceof DeleteLeadResult.InvalidRequest || result instanceof DeleteLeadResult.InvalidLeadId) {
            return 400;
        }
        if (result instanceof DeleteLeadResult.AccountUnknown) {
            return 404;
        }
        if (result instanceof DeleteLeadResult.RateLimited) {
            return 429;
        }
        if (result instanceof DeleteLeadResult.IdempotencyKeyMismatch) {
            return 422;
        }
        if (result instanceof DeleteLeadResult.IdempotencyKeyBusy) {
            return 409;
        }
        if (result instanceof DeleteLeadResult.IdempotencyStoreDown) {
            return 503;
        }
        if (result instanceof DeleteLeadResult.Replayed replayed) {
            return replayed.answer().status();
        }
        if (result instanceof DeleteLeadResult.NotAudited) {
            return 500;
        }
        throw unknown(result);
    }

    private static IllegalStateException unknown(DeleteLeadResult result) {
        return new IllegalStateException("no rendering for " + result.getClass().getName());
    }

    private static ApiResponse deleted(DeleteLeadCommand command, DeleteLeadResult.Deleted deleted) {
        ProviderAnswer answer = deleted.answer();
        var headers = new LinkedHashMap<>(RateLimitHeaders.from(answer, deleted.answeredAt()));
        headers.put(OUTCOME_HEADER, deleted.outcome().wireName());
        if (command.format().passesProviderAnswerOn()) {
            return raw(answer, headers);
        }
        // A settled delete holds the provider's 404 (real or reported in a 2xx body): not the lead's data.
        Object remoteData = deleted.outcome() == DeleteOutcome.DELETED && answer.isSuccess() ? jsonOrNull(answer.parsedBody()) : null;
        Lead lead = deleted.lead().orElseGet(() -> Lead.withId(deleted.id(), remoteData));
        var remoteDataView = command.ignoreRemoteData() ? LeadViews.RemoteData.OMIT : LeadViews.RemoteData.INCLUDE;
        Map<String, Object> tree = command.format().show(lead, remoteDataView);
        FieldExclusions.apply(tree, command.excludedFields());
        return ApiResponse.json(200, headers, tree);
    }

    /**
     * A refusal is answered as the status it stands for (the one a 2xx body names included): a 4xx as
     * itself, a 5xx as 502 with that status as {@code remote_status_code}. {@code raw} passes the
     * answer on as it came when it is a 4xx, or a 2xx whose body reports the failure (raw judges no
     * body), without {@code x-delete-outcome}; never the answer to a check made before the delete.
     */
    private static ApiResponse refused(ResponseFormat format, DeleteLeadResult.RefusedByProvider refused) {
        ProviderAnswer answer = refused.answer();
        Map<String, String> headers = RateLimitHeaders.from(answer, refused.answeredAt());
        if (passedOn(format, refused)) {
            return raw(answer, headers);
        }
        int status = refused.status();
        String message = refused.message().orElse(refused.provider().name() + " answered " + status + " "
                + ReasonPhrases.of(status) + (refused.reportedInBody() ? " (in the body of its " + answer.status() + " answer)." : "."));
        if (status < 500) {
            return ApiResponse.json(status, headers, ApiErrors.remoteBody(status, message, null, rawResponse(answer)));
        }
        return ApiResponse.json(502, headers, ApiErrors.remoteBody(502, message, status, rawResponse(answer)));
    }

    private static boolean passedOn(ResponseFormat format, DeleteLeadResult.RefusedByProvider refused) {
        return format.passesProviderAnswerOn() && !refused.answersACheck()
                && (refused.reportedInBody() || refused.status() < 500);
    }

    private static ApiResponse brokeContract(ResponseFormat format, DeleteLeadResult.ProviderBrokeContract breach) {
        ProviderAnswer answer = breach.answer();
        Map<String, String> headers = RateLimitHeaders.from(answer, breach.answeredAt());
        if (passedOn(format, breach)) {
            return raw(answer, headers);
        }
        return ApiResponse.json(502, headers, ApiErrors.remoteBody(502, breach.provider().name()
                + " broke its API contract: " + breach.detail(), answer.status(), rawResponse(answer)));
    }

    /** A success body that is not what the provider promised still reaches a caller who asked for it raw. */
    private static boolean passedOn(ResponseFormat format, DeleteLeadResult.ProviderBrokeContract breach) {
        return format.passesProviderAnswerOn() && breach.kind() == ProviderContractBreach.Kind.UNEXPECTED_BODY
                && breach.answer().status() < 500;
    }

    private static ApiResponse rateLimited(DeleteLeadResult.RateLimited limited) {
        long seconds = Math.max(1, (limited.waitTime().toNanos() + 999_999_999L) / 1_000_000_000L);
        return ApiErrors.error(429, "Too many requests for integrated account " + limited.account()
                + ": its local rate limit would make this call wait until too little time is left for the provider call. Retry after "
                + seconds + " s.", Map.of("retry-after", String.valueOf(seconds)));
    }

    private static ApiResponse raw(ProviderAnswer answer, Map<String, String> headers) {
        return new ApiResponse(answer.status(), headers, new ResponseBody.Raw(answer.contentType(), answer.body()));
    }

    private static Object jsonOrNull(RemoteBody body) {
        return body instanceof RemoteBody.Json json ? json.value() : null;
    }

    /** The provider's body for {@code raw_response}: its JSON, else its text, else null. */
    static Object rawResponse(ProviderAnswer answer) {
        RemoteBody body = answer.parsedBody();
        if (body instanceof RemoteBody.Json json) {
            return json.value();
        }
        if (body instanceof RemoteBody.Text text) {
            return text.value();
        }
        return null;
    }

    private static String echo(String id) {
        return id.length() <= MAX_ECHOED_ID_LENGTH ? id : id.substring(0, MAX_ECHOED_ID_LENGTH) + "...";
    }
}
