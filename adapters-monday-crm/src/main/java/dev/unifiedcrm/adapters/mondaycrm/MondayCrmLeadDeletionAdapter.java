package dev.unifiedcrm.adapters.mondaycrm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.adapters.mondaycrm.MondayCrmAnswerReader.Exchange;
import dev.unifiedcrm.adapters.mondaycrm.MondayCrmAnswerReader.Reading;
import dev.unifiedcrm.adapters.mondaycrm.MondayCrmLeadDecoder.BoardCheck;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.LeadDeletionPort;
import dev.unifiedcrm.domain.LeadLookupPort;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderFailure;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.ProviderUnreachable;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.provider.http.ProviderHttp;
import feign.Target;
import org.mapstruct.factory.Mappers;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletes and fetches leads of monday CRM: items of the account's Leads board, through monday.com's
 * GraphQL endpoint ({@code POST}, the document and its variables in a JSON body). Thread-safe: one
 * instance serves every account.
 *
 * <p>{@code delete_item} deletes any item the token reaches, so every delete is two exchanges: the
 * board check ({@code items(ids:)}: the item must exist, sit on the account's board and not be
 * deleted), then the mutation. An item that fails the check is answered 404 (monday's own answer
 * read, its body the raw response) and never reaches the mutation. When the same request fetched
 * the lead just before ({@code return_deleted_lead}), that fetch, which applies the same check, is
 * the check. A failure of the check is a failure of a delete that was not sent; the two exchanges
 * share the call's time.
 */
final class MondayCrmLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private static final System.Logger LOG = System.getLogger(MondayCrmLeadDeletionAdapter.class.getName());

    /** Limits that no retry cures before they reset (the daily call limit resets at midnight UTC). */
    private static final Set<String> QUOTA_SPENT = Set.of("DAILY_LIMIT_EXCEEDED");

    private final ProviderHttp http;
    private final MondayCrmClient client;
    private final MondayCrmDocuments documents;
    private final MondayCrmLeadDecoder leads;

    MondayCrmLeadDeletionAdapter(ProviderHttp http) {
        this.http = http;
        this.client = http.feignBuilder().target(Target.EmptyTarget.create(MondayCrmClient.class));
        ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
        this.documents = new MondayCrmDocuments(json);
        this.leads = new MondayCrmLeadDecoder(json, Mappers.getMapper(MondayCrmLeadMapper.class));
    }

    @Override
    public DeletedLead delete(ProviderCall call) {
        MondayCrmAccount account = MondayCrmAccount.of(call.account());
        String itemId = call.leadId().value();
        long started = System.nanoTime();
        if (call.fetchedBefore().isEmpty()) {
            checkBoard(call, account, itemId);
        }
        Duration left = call.timeout().minusNanos(System.nanoTime() - started);
        if (left.isNegative() || left.isZero()) {
            throw new ProviderTimeout("no time was left for the delete after monday.com's board check;"
                    + " the delete was not sent", Delivery.NOT_SENT, null);
        }
        ProviderAnswer answer = http.exchange(call.withTimeout(left), "the delete", request -> client.mutate(
                account.endpoint(), headers(account), request.encodedQuery(), documents.delete(itemId),
                request.options()), this::rejection);
        Map<?, ?> data = data(answer, Exchange.MUTATION, account, "the delete");
        return new DeletedLead(MondayCrmAnswerReader.deletedItemId(data).orElseThrow(), answer);
    }

    @Override
    public FetchedLead fetch(ProviderCall call) {
        MondayCrmAccount account = MondayCrmAccount.of(call.account());
        String itemId = call.leadId().value();
        ProviderAnswer answer = http.exchange(call, "the fetch", request -> client.query(
                account.endpoint(), headers(account), documents.fetch(itemId), request.options()), this::rejection);
        Map<?, ?> data = data(answer, Exchange.QUERY, account, "the fetch");
        BoardCheck check = MondayCrmLeadDecoder.check(data, itemId, account.boardId());
        if (check instanceof BoardCheck.NotOnBoard notOnBoard) {
            throw notOnBoard(answer, notOnBoard);
        }
        return new FetchedLead(leads.fetched(answer, ((BoardCheck.OnBoard) check).item(), account.columns()), answer);
    }

    /** Step 1 of a delete: the item must be a live or archived item of the account's Leads board. */
    private void checkBoard(ProviderCall call, MondayCrmAccount account, String itemId) {
        ProviderAnswer answer;
        Map<?, ?> data;
        try {
            answer = http.exchange(call, "the board check", request -> client.query(
                    account.endpoint(), headers(account), documents.boardCheck(itemId), request.options()),
                    this::rejection);
            data = data(answer, Exchange.QUERY, account, "the board check");
        } catch (ProviderRejection rejection) {
            throw rejection.answeringACheck();
        } catch (ProviderTimeout timeout) {
            throw new ProviderTimeout(timeout.getMessage() + "; the delete was not sent", Delivery.NOT_SENT, timeout);
        } catch (ProviderUnreachable unreachable) {
            throw new ProviderUnreachable(unreachable.getMessage() + "; the delete was not sent", Delivery.NOT_SENT,
                    unreachable);
        }
        if (MondayCrmLeadDecoder.check(data, itemId, account.boardId()) instanceof BoardCheck.NotOnBoard notOnBoard) {
            throw notOnBoard(answer, notOnBoard).answeringACheck();
        }
    }

    /**
     * The data of a 2xx answer, or the failure it reports. Errors beside data are logged, and so is
     * an answer served in another API version than the one asked for (monday may do so silently).
     */
    private Map<?, ?> data(ProviderAnswer answer, Exchange exchange, MondayCrmAccount account, String what) {
        MondayCrmAnswerReader.versionMismatch(answer, account.apiVersion())
                .ifPresent(mismatch -> LOG.log(System.Logger.Level.WARNING, mismatch));
        Reading reading = MondayCrmAnswerReader.read(answer, exchange, MondayCrmLeadDeletionAdapter::reasonPhrase);
        if (reading instanceof Reading.Data data) {
            if (!data.errors().isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "monday.com answered " + what + " with its data and "
                        + data.errors().size() + " error(s) beside it; the data decides: " + firstMessage(data.errors()));
            }
            return data.data();
        }
        if (reading instanceof Reading.Failure failure) {
            throw rejection(answer, failure);
        }
        throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                ((Reading.Breach) reading).reason() + " to " + what);
    }

    /** A 4xx or 5xx answer, for the kit. */
    private ProviderFailure rejection(ProviderAnswer answer) {
        Reading reading = MondayCrmAnswerReader.read(answer, Exchange.QUERY, MondayCrmLeadDeletionAdapter::reasonPhrase);
        if (reading instanceof Reading.Failure failure) {
            return rejection(answer, failure);
        }
        return new ProviderRejection(answer, null, null, requestId(answer), false);
    }

    private static ProviderRejection rejection(ProviderAnswer answer, Reading.Failure failure) {
        // monday gives the wait of some limits only in the error's body: the answer carries it as Retry-After.
        ProviderAnswer shown = failure.retryAfterSeconds().isPresent()
                ? withRetryAfter(answer, failure.retryAfterSeconds().getAsLong()) : answer;
        boolean quotaSpent = failure.code() != null && QUOTA_SPENT.contains(failure.code());
        if (answer.isSuccess()) {
            return ProviderRejection.reportedInBody(shown, failure.status(), failure.message(), failure.code(),
                    requestId(answer), quotaSpent);
        }
        return new ProviderRejection(shown, failure.message(), failure.code(), requestId(answer), quotaSpent);
    }

    private static ProviderRejection notOnBoard(ProviderAnswer answer, BoardCheck.NotOnBoard notOnBoard) {
        return ProviderRejection.reportedInBody(answer, 404, notOnBoard.message(), null, requestId(answer), false);
    }

    private static ProviderAnswer withRetryAfter(ProviderAnswer answer, long seconds) {
        var headers = new LinkedHashMap<String, List<String>>(answer.headers());
        headers.put("retry-after", List.of(String.valueOf(seconds)));
        return new ProviderAnswer(answer.status(), headers, answer.contentType(), answer.body(), answer.parsedBody());
    }

    /** {@code extensions.request_id} of monday's envelope, for support. */
    private static String requestId(ProviderAnswer answer) {
        if (answer.parsedBody() instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> body
                && body.get("extensions") instanceof Map<?, ?> extensions
                && extensions.get("request_id") instanceof String id && !id.isBlank()) {
            return id;
        }
        return null;
    }

    private static String firstMessage(List<?> errors) {
        return errors.get(0) instanceof Map<?, ?> error && error.get("message") instanceof String message
                ? message : String.valueOf(errors.get(0));
    }

    private static Map<String, Object> headers(MondayCrmAccount account) {
        var headers = new LinkedHashMap<String, Object>();
        // The raw token, no scheme: monday's own examples and client send it so.
        headers.put("Authorization", account.apiToken());
        headers.put("API-Version", account.apiVersion());
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        return headers;
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 409 -> "Conflict";
            case 422 -> "Unprocessable Content";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "";
        };
    }
}
