package dev.unifiedcrm.adapters.zohocrm;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.provider.http.TokenAnswer;
import dev.unifiedcrm.provider.http.TokenEndpoint;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What Zoho Accounts does its own way, for the kit's token source: each account's budget of 10 token
 * requests per rolling 10 minutes (Zoho locks a refresh token out for the rest of the window after
 * that, so an 11th request is never sent), and Zoho's token answers ({@link ZohoCrmTokenAnswerReader}).
 * Thread-safe; one per adapter.
 */
final class ZohoCrmTokenQuirks {

    private final Clock clock;
    private final Map<IntegratedAccountId, ZohoCrmTokenBudget> budgets = new ConcurrentHashMap<>();

    ZohoCrmTokenQuirks(Clock clock) {
        this.clock = clock;
    }

    /** The rules for one account's token requests. */
    TokenEndpoint.Quirks of(IntegratedAccount account) {
        ZohoCrmTokenBudget budget = budgets.computeIfAbsent(account.id(), id -> new ZohoCrmTokenBudget(clock));
        return new TokenEndpoint.Quirks() {
            @Override
            public Optional<TokenAnswer.Throttled> holdBack() {
                OptionalLong wait = budget.take();
                if (wait.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new TokenAnswer.Throttled("Zoho CRM lets a refresh token obtain "
                        + ZohoCrmTokenBudget.TOKENS_PER_WINDOW + " access tokens per " + ZohoCrmTokenBudget.WINDOW.toMinutes()
                        + " minutes, and integrated account " + account.id() + " has had them all, so no token request"
                        + " was sent (Zoho would lock its refresh token out)", Duration.ofSeconds(wait.getAsLong())));
            }

            @Override
            public Optional<TokenAnswer> read(ProviderAnswer answer) {
                Object body = answer.parsedBody() instanceof RemoteBody.Json json ? json.value() : null;
                return Optional.of(ZohoCrmTokenAnswerReader.read(answer.status(), body));
            }
        };
    }
}
