package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadDeletionPort;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.LeadLookupPort;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CredentialSet;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;

/** A scriptable adapter that records every exchange it is asked for. */
final class FakeCrm implements CrmAdapterProvider {

    final List<String> exchanges = new CopyOnWriteArrayList<>();
    final List<ProviderCall> calls = new CopyOnWriteArrayList<>();
    private final Integration integration;
    private final LeadIdFormat format;
    volatile LeadDeletionPort deletion;
    volatile LeadLookupPort lookup;
    volatile OptionalDouble documentedRate = OptionalDouble.empty();

    FakeCrm(Integration integration, LeadIdFormat format) {
        this.integration = integration;
        this.format = format;
        this.deletion = call -> new DeletedLead(call.leadId().value(), answer(202, Map.of(), null, ""));
        this.lookup = call -> {
            throw new AssertionError("unexpected fetch");
        };
    }

    static ProviderAnswer answer(int status, Map<String, List<String>> headers, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new ProviderAnswer(status, headers, contentType, bytes,
                body.isEmpty() ? new RemoteBody.Empty() : new RemoteBody.Text(body));
    }

    static ProviderAnswer jsonAnswer(int status, Map<String, List<String>> headers, String body, Object tree) {
        return new ProviderAnswer(status, headers, "application/json", body.getBytes(StandardCharsets.UTF_8),
                new RemoteBody.Json(tree));
    }

    @Override
    public Integration integration() {
        return integration;
    }

    @Override
    public LeadIdFormat leadIdFormat() {
        return format;
    }

    @Override
    public List<CredentialSet> credentialSets() {
        return List.of(CredentialSet.staticSecrets("token"));
    }

    @Override
    public OptionalDouble documentedRequestsPerSecond() {
        return documentedRate;
    }

    @Override
    public void checkAccount(IntegratedAccount account) {
    }

    @Override
    public CrmAdapter create(AdapterSettings settings) {
        return new CrmAdapter(
                call -> record("DELETE", call, () -> deletion.delete(call)),
                call -> record("GET", call, () -> lookup.fetch(call)));
    }

    private <T> T record(String method, ProviderCall call, java.util.function.Supplier<T> exchange) {
        exchanges.add(method + " " + call.leadId().value());
        calls.add(call);
        return exchange.get();
    }

    static FetchedLead fetched(dev.unifiedcrm.domain.Lead lead) {
        return new FetchedLead(lead, answer(200, Map.of(), "application/json", "{}"));
    }
}
