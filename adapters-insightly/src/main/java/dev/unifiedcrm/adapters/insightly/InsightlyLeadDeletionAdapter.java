package dev.unifiedcrm.adapters.insightly;

import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.InvalidLeadIdException;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.LeadDeletionPort;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.LeadLookupPort;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderFailure;
import dev.unifiedcrm.domain.RemoteBody;
import feign.Request;
import feign.Response;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Deletes and fetches Insightly leads ({@code DELETE} and {@code GET {root}/Leads/{id}}). One
 * instance serves every account: the account, its API root and its key come with each call.
 * Thread-safe: it holds only immutable, shared collaborators.
 */
final class InsightlyLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final InsightlyClient client;
    private final InsightlyAnswers answers;
    private final InsightlyJson json;
    private final InsightlyErrorDecoder errors = new InsightlyErrorDecoder();
    private final InsightlyLeadMapper mapper = InsightlyLeadMapper.INSTANCE;
    private final Duration connectTimeout;
    private final String userAgent;

    InsightlyLeadDeletionAdapter(InsightlyClient client, InsightlyAnswers answers, InsightlyJson json,
                                 Duration connectTimeout, String userAgent) {
        this.client = client;
        this.answers = answers;
        this.json = json;
        this.connectTimeout = connectTimeout;
        this.userAgent = userAgent;
    }

    /** Any 2xx is success and its body is not judged (202 expected); the deleted id is the id sent. */
    @Override
    public DeletedLead delete(ProviderCall call) {
        ProviderAnswer answer = exchange(call, "the delete", (root, id, headers, options) ->
                client.deleteLead(root, id, PercentEncoding.encodedQuery(call.remoteQuery()), headers, options));
        return new DeletedLead(call.leadId().value(), answer);
    }

    /** A 200 whose body is the lead object; anything else that is not an error is a contract breach. */
    @Override
    public FetchedLead fetch(ProviderCall call) {
        ProviderAnswer answer = exchange(call, "the fetch", client::getLead);
        if (!(answer.parsedBody() instanceof RemoteBody.Json body) || !(body.value() instanceof Map<?, ?> object)) {
            throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                    "Insightly answered the fetch with " + answer.status() + " but not with a lead object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> leadObject = (Map<String, Object>) object;
        InsightlyLeadDto dto;
        try {
            dto = json.read(answer.body(), InsightlyLeadDto.class);
        } catch (IOException e) {
            throw unreadableLead(answer, "a field has an unexpected type");
        }
        if (mapper.text(dto.leadId()) == null) {
            throw unreadableLead(answer, "it has no LEAD_ID");
        }
        Lead lead;
        try {
            lead = mapper.toLead(dto, leadObject);
        } catch (IllegalArgumentException e) {
            // The mapper's own messages name the problem without quoting the provider's data.
            throw unreadableLead(answer, e.getMessage());
        }
        if (!call.leadId().value().equals(lead.id())) {
            throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                    "Insightly answered the fetch of lead " + call.leadId() + " with lead " + lead.id());
        }
        return new FetchedLead(lead, answer);
    }

    @FunctionalInterface
    private interface Exchange {
        Response send(URI root, String encodedId, Map<String, Object> headers, Request.Options options);
    }

    /** One exchange: its 2xx answer, or the failure it amounts to. */
    private ProviderAnswer exchange(ProviderCall call, String what, Exchange exchange) {
        IntegratedAccount account = call.account();
        URI root = InsightlyAccount.apiRoot(account);
        String encodedId = encodedId(call);
        var headers = new LinkedHashMap<String, Object>();
        headers.put("Authorization", InsightlyAccount.authorization(account));
        headers.put("Accept", "application/json");
        headers.put("User-Agent", userAgent);
        long timeoutMillis = Math.max(1, call.timeout().toMillis());
        var options = new Request.Options(Math.min(connectTimeout.toMillis(), timeoutMillis), TimeUnit.MILLISECONDS,
                timeoutMillis, TimeUnit.MILLISECONDS, false);

        long started = System.nanoTime();
        ProviderAnswer answer;
        try {
            try (Response response = exchange.send(root, encodedId, headers, options)) {
                answer = answers.read(response);
            }
        } catch (IOException e) {
            throw TransportFailures.classify(e, deadlinePast(started, call.timeout()), call.timeout(), what);
        } catch (ProviderFailure e) {
            throw e;
        } catch (RuntimeException e) {
            // Feign wraps I/O errors (RetryableException while sending, FeignException while buffering a body).
            IOException io = ioCause(e);
            if (io == null) {
                throw e;
            }
            throw TransportFailures.classify(io, deadlinePast(started, call.timeout()), call.timeout(), what);
        }
        return judge(answer);
    }

    private ProviderAnswer judge(ProviderAnswer answer) {
        int status = answer.status();
        if (answer.isSuccess()) {
            return answer;
        }
        if (status >= 300 && status < 400) {
            throw new ProviderContractBreach(ProviderContractBreach.Kind.REDIRECT, answer,
                    "Insightly answered " + status + " with a redirect, which is never followed");
        }
        if (status >= 400 && status < 600) {
            throw errors.decode(answer);
        }
        throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                "Insightly answered with status " + status + ", which is neither a success nor an error");
    }

    /**
     * The id as one encoded path segment. Ids of the integration's format are digits; anything else
     * is still encoded so it can never leave its segment, and the dot segments, which an HTTP
     * client would resolve even encoded, are refused.
     */
    private static String encodedId(ProviderCall call) {
        String id = call.leadId().value();
        if (id.equals(".") || id.equals("..")) {
            throw new InvalidLeadIdException(LeadIdFormat.POSITIVE_INT64);
        }
        return PercentEncoding.encode(id);
    }

    private static boolean deadlinePast(long startedNanos, Duration timeout) {
        return System.nanoTime() - startedNanos >= timeout.toNanos();
    }

    private static IOException ioCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    private static ProviderContractBreach unreadableLead(ProviderAnswer answer, String why) {
        return new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                "Insightly answered the fetch with a lead object that cannot be read: " + why);
    }
}
