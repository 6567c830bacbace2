package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.InvalidLeadIdException;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderFailure;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.ProviderUnreachable;
import dev.unifiedcrm.domain.QueryParameter;
import dev.unifiedcrm.domain.RemoteBody;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The delete-lead use case: checks the request in the contract's order, calls the account's
 * adapter, and shapes the answer in the requested format.
 */
public final class DeleteLeadService implements DeleteLeadUseCase {

    static final String OUTCOME_HEADER = "x-delete-outcome";
    private static final int MAX_ECHOED_ID_LENGTH = 64;

    private final AccountDirectory accounts;
    private final CrmAdapters adapters;
    private final Timeouts timeouts;
    private final Clock clock;

    public DeleteLeadService(AccountDirectory accounts, CrmAdapters adapters, Timeouts timeouts, Clock clock) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.adapters = Objects.requireNonNull(adapters, "adapters");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ApiResponse deleteLead(DeleteLeadCommand command) {
        if (command.returnDeletedLead() && command.format() == ResponseFormat.RAW) {
            return ApiErrors.badRequest("return_deleted_lead=true cannot be combined with truto_response_format=raw:"
                    + " use unified or normalized to receive the deleted lead");
        }
        var account = accounts.find(command.accountId()).orElse(null);
        if (account == null) {
            return ApiErrors.error(404, "No integrated account with id " + command.accountId()
                    + " exists; check integrated_account_id.");
        }
        var registered = adapters.find(account.integration()).orElseThrow(() -> new IllegalStateException(
                "no adapter for integration " + account.integration() + " is on the class path"));
        LeadId leadId;
        try {
            leadId = LeadId.parse(command.leadId(), registered.provider().leadIdFormat());
        } catch (InvalidLeadIdException e) {
            return ApiErrors.badRequest("The lead id '" + echo(command.leadId()) + "' is not valid for "
                    + account.integration() + ": " + e.getMessage() + ".");
        }
        Deadline deadline = Deadline.after(timeouts.request());
        try {
            FetchedLead fetched = command.returnDeletedLead()
                    ? registered.adapter().lookup().fetch(exchange(account, leadId, List.of(), deadline))
                    : null;
            DeletedLead deleted = registered.adapter().deletion().delete(exchange(account, leadId, command.remoteQuery(), deadline));
            return success(command, deleted, fetched);
        } catch (ProviderFailure failure) {
            return failure(command, account, failure);
        }
    }

    private ProviderCall exchange(IntegratedAccount account, LeadId leadId, List<QueryParameter> query, Deadline deadline) {
        Duration left = deadline.remaining();
        if (left.isZero()) {
            throw new ProviderTimeout("no time was left for the provider call", dev.unifiedcrm.domain.Delivery.NOT_SENT, null);
        }
        Duration timeout = left.compareTo(timeouts.attempt()) < 0 ? left : timeouts.attempt();
        return new ProviderCall(account, leadId, query, timeout);
    }

    private ApiResponse success(DeleteLeadCommand command, DeletedLead deleted, FetchedLead fetched) {
        var headers = new LinkedHashMap<>(RateLimitHeaders.from(deleted.answer(), clock.instant()));
        headers.put(OUTCOME_HEADER, "deleted");
        if (command.format() == ResponseFormat.RAW) {
            return raw(deleted.answer(), headers);
        }
        Lead lead = fetched != null
                ? fetched.lead()
                : Lead.withId(deleted.id(), jsonOrNull(deleted.answer().parsedBody()));
        var remoteData = command.ignoreRemoteData() ? LeadViews.RemoteData.OMIT : LeadViews.RemoteData.INCLUDE;
        Map<String, Object> tree = command.format() == ResponseFormat.NORMALIZED
                ? LeadViews.normalized(lead, remoteData)
                : LeadViews.unified(lead, remoteData);
        FieldExclusions.apply(tree, command.excludedFields());
        return ApiResponse.json(200, headers, tree);
    }

    private ApiResponse failure(DeleteLeadCommand command, IntegratedAccount account, ProviderFailure failure) {
        Map<String, String> headers = failure.answer()
                .map(answer -> RateLimitHeaders.from(answer, clock.instant()))
                .orElse(Map.of());
        String integration = account.integration().name();
        if (failure instanceof ProviderRejection rejection) {
            ProviderAnswer answer = rejection.providerAnswer();
            String message = rejection.providerMessage()
                    .orElse(integration + " answered " + answer.status() + " " + ReasonPhrases.of(answer.status()) + ".");
            if (answer.status() < 500) {
                if (command.format() == ResponseFormat.RAW) {
                    return raw(answer, headers);
                }
                return ApiResponse.json(answer.status(), headers,
                        ApiErrors.remoteBody(answer.status(), message, null, rawResponse(answer)));
            }
            return ApiResponse.json(502, headers, ApiErrors.remoteBody(502, message, answer.status(), rawResponse(answer)));
        }
        if (failure instanceof ProviderContractBreach breach) {
            ProviderAnswer answer = breach.providerAnswer();
            if (command.format() == ResponseFormat.RAW && breach.kind() == ProviderContractBreach.Kind.UNEXPECTED_BODY
                    && answer.status() < 500) {
                return raw(answer, headers);
            }
            return ApiResponse.json(502, headers,
                    ApiErrors.remoteBody(502, integration + " broke its API contract: " + breach.getMessage(),
                            answer.status(), rawResponse(answer)));
        }
        if (failure instanceof ProviderTimeout) {
            return ApiErrors.error(504, integration + " did not answer in time (" + failure.getMessage() + ").", headers);
        }
        if (failure instanceof ProviderUnreachable) {
            return ApiErrors.error(502, "Could not get an answer from " + integration + ": " + failure.getMessage() + ".", headers);
        }
        throw new IllegalStateException("unknown provider failure " + failure.getClass().getName(), failure);
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
