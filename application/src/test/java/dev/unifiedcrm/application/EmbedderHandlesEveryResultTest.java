package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.TokenRequestThrottled;
import dev.unifiedcrm.domain.ProviderUnreachable;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a team embedding the library reacts to each outcome: it reads the result's records, never a
 * status code, a header or a JSON body. Each case is produced by the real service over a scripted CRM.
 */
class EmbedderHandlesEveryResultTest {

    private static final Integration CRM = new Integration("some_crm");
    private static final IntegratedAccountId ACCOUNT = IntegratedAccountId.parse("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12").orElseThrow();
    private static final IntegratedAccountId UNKNOWN = IntegratedAccountId.parse("00000000-0000-4000-8000-000000000000").orElseThrow();

    private final FakeCrm crm = new FakeCrm(CRM, LeadIdFormat.POSITIVE_INT64);

    /** The embedder's code: one branch per case, no HTTP type in sight. */
    static String whatHappened(DeleteLeadResult result) {
        if (result instanceof DeleteLeadResult.Deleted deleted) {
            return deleted.outcome() == DeleteOutcome.DELETED ? "deleted " + deleted.id() : "was already gone " + deleted.id();
        } else if (result instanceof DeleteLeadResult.RefusedByProvider refused) {
            return "refused " + refused.status() + " " + refused.message().orElse("");
        } else if (result instanceof DeleteLeadResult.ProviderBrokeContract breach) {
            return "broke its contract: " + breach.kind();
        } else if (result instanceof DeleteLeadResult.ProviderUnreachable unreachable) {
            return "unreachable: " + unreachable.detail();
        } else if (result instanceof DeleteLeadResult.ProviderTimedOut timedOut) {
            return "timed out: " + timedOut.detail();
        } else if (result instanceof DeleteLeadResult.InvalidRequest invalid) {
            return "invalid request";
        } else if (result instanceof DeleteLeadResult.AccountUnknown unknown) {
            return "no account " + unknown.account();
        } else if (result instanceof DeleteLeadResult.InvalidLeadId invalid) {
            return "bad id " + invalid.leadId();
        } else if (result instanceof DeleteLeadResult.RateLimited limited) {
            return "wait " + limited.waitTime().toSeconds() + " s";
        } else if (result instanceof DeleteLeadResult.TokenRequestThrottled throttled) {
            return "token endpoint throttling: wait " + throttled.retryAfter().toSeconds() + " s";
        } else if (result instanceof DeleteLeadResult.IdempotencyKeyMismatch) {
            return "key used for another lead";
        } else if (result instanceof DeleteLeadResult.IdempotencyKeyBusy) {
            return "key busy";
        } else if (result instanceof DeleteLeadResult.IdempotencyStoreDown) {
            return "key store down: try again";
        } else if (result instanceof DeleteLeadResult.Replayed) {
            return "replayed";
        } else if (result instanceof DeleteLeadResult.NotAudited) {
            return "not audited";
        }
        throw new AssertionError("unhandled " + result);
    }

    @Test
    void everyCaseOfTheResultIsAJavaRecordTheEmbedderHandles() {
        assertThat(DeleteLeadResult.class.getPermittedSubclasses()).hasSize(15)
                .allSatisfy(type -> assertThat(type.isRecord()).as(type.getSimpleName()).isTrue());
        assertThat(Arrays.stream(DeleteLeadResult.class.getPermittedSubclasses())
                .flatMap(type -> Arrays.stream(type.getRecordComponents()))
                .filter(component -> component.getType() == ApiResponse.class || component.getType() == ResponseBody.class)
                .map(component -> component.getDeclaringRecord().getSimpleName()))
                .as("only a replay carries a rendered answer: the one stored for its key")
                .containsExactly("Replayed");
    }

    @Test
    void deleted() {
        assertThat(whatHappened(builder().build().deleteLead(command("42")))).isEqualTo("deleted 42");
    }

    @Test
    void alreadyDeletedAfterAnAttemptThatMayHaveLanded() {
        var attempts = new AtomicInteger();
        crm.deletion = call -> {
            if (attempts.incrementAndGet() == 1) {
                throw new ProviderUnreachable("connection reset", Delivery.MAYBE_DELIVERED, null);
            }
            throw RetryRulesTest.rejection(404, Map.of(), false);
        };

        assertThat(whatHappened(builder().retries(new SequentialRetries()).build().deleteLead(command("42"))))
                .isEqualTo("was already gone 42");
    }

    @Test
    void refusedByTheProvider() {
        crm.deletion = call -> {
            throw new ProviderRejection(FakeCrm.answer(403, Map.of(), null, ""), "no permission", null, null, false);
        };

        assertThat(whatHappened(builder().build().deleteLead(command("42")))).isEqualTo("refused 403 no permission");
    }

    @Test
    void theProviderBrokeItsContract() {
        crm.deletion = call -> {
            throw new ProviderContractBreach(ProviderContractBreach.Kind.REDIRECT, FakeCrm.answer(302, Map.of(), null, ""), "redirected");
        };

        assertThat(whatHappened(builder().build().deleteLead(command("42")))).isEqualTo("broke its contract: REDIRECT");
    }

    @Test
    void theProviderIsUnreachableOrTooSlow() {
        crm.deletion = call -> {
            throw new ProviderUnreachable("connection refused", Delivery.NOT_SENT, null);
        };
        assertThat(whatHappened(builder().build().deleteLead(command("42")))).isEqualTo("unreachable: connection refused");

        crm.deletion = call -> {
            throw new ProviderTimeout("no answer within 2 s", Delivery.MAYBE_DELIVERED, null);
        };
        assertThat(whatHappened(builder().build().deleteLead(command("42")))).isEqualTo("timed out: no answer within 2 s");
    }

    @Test
    void theTokenEndpointIsThrottlingSoTheProviderWasNotCalled() {
        crm.deletion = call -> {
            throw new TokenRequestThrottled("the token endpoint is throttling", Duration.ofSeconds(7));
        };

        var result = builder().build().deleteLead(command("42"));

        assertThat(whatHappened(result)).isEqualTo("token endpoint throttling: wait 7 s");
        var answer = UnifiedAnswers.render(command("42"), result);
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.headers()).containsEntry("retry-after", "7");
    }

    @Test
    void refusedHereBeforeTheProviderIsCalled() {
        var service = builder().pacer((account, rate, maxWait) -> CallPacer.Turn.refused(Duration.ofSeconds(3))).build();

        assertThat(whatHappened(service.deleteLead(rawWithTheDeletedLead("42"))))
                .isEqualTo("invalid request");
        assertThat(whatHappened(service.deleteLead(DeleteLeadCommand.of(UNKNOWN, "42")))).isEqualTo("no account " + UNKNOWN);
        assertThat(whatHappened(service.deleteLead(command("abc")))).isEqualTo("bad id abc");
        assertThat(whatHappened(service.deleteLead(command("42")))).isEqualTo("wait 3 s");
        assertThat(crm.exchanges).isEmpty();
    }

    @Test
    void anIdempotencyKeyReplaysRefusesAnotherLeadOrIsBusy() {
        var service = builder().build();

        service.deleteLead(keyed("42", "k-1"));
        assertThat(whatHappened(service.deleteLead(keyed("42", "k-1")))).isEqualTo("replayed");
        assertThat(whatHappened(service.deleteLead(keyed("43", "k-1")))).isEqualTo("key used for another lead");
        assertThat(crm.exchanges).containsExactly("DELETE 42");

        var busy = builder().idempotencyStore((key, request, maxWait) -> new IdempotencyStore.Claim.Busy()).build();
        assertThat(whatHappened(busy.deleteLead(keyed("42", "k-2")))).isEqualTo("key busy");
    }

    @Test
    void anAuditTrailThatCannotRecordStopsTheDeletion() {
        var service = builder().auditTrail(new AuditTrail() {
            @Override
            public void started(Deletion deletion) {
                throw new IllegalStateException("audit store down");
            }

            @Override
            public void finished(Deletion deletion, Result result) {
            }
        }).build();

        assertThat(whatHappened(service.deleteLead(command("42")))).isEqualTo("not audited");
        assertThat(crm.exchanges).isEmpty();
    }

    private DeleteLeadService.Builder builder() {
        var account = new IntegratedAccount(ACCOUNT, CRM, Map.of(), Optional.empty(), Pacing.providerDefault(),
                Credentials.of(Map.of("api_key", "k")));
        return DeleteLeadService.builder(AccountDirectory.of(List.of(account)),
                CrmAdapters.of(new AdapterSettings(Duration.ofSeconds(1), "test", AdapterSettings.ONE_MIB), List.of(crm)));
    }

    private static DeleteLeadCommand command(String leadId) {
        return DeleteLeadCommand.of(ACCOUNT, leadId);
    }

    private static DeleteLeadCommand keyed(String leadId, String key) {
        return new DeleteLeadCommand(ACCOUNT, leadId, ResponseFormat.UNIFIED, false, List.of(), List.of(), false,
                Optional.of(key), "caller-1", "req-" + key);
    }

    private static DeleteLeadCommand rawWithTheDeletedLead(String leadId) {
        return new DeleteLeadCommand(ACCOUNT, leadId, ResponseFormat.RAW, false, List.of(), List.of(), true,
                Optional.empty(), "caller-1", "req-raw");
    }
}
