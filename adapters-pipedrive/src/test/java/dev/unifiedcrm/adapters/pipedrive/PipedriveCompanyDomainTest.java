package dev.unifiedcrm.adapters.pipedrive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipedriveCompanyDomainTest {

    @Test
    void theCompanyHostCarriesApiV1() {
        assertThat(PipedriveCompanyDomain.apiRoot("acme")).isEqualTo(URI.create("https://acme.pipedrive.com/api/v1"));
        assertThat(PipedriveCompanyDomain.apiRoot("0-acme-2")).isEqualTo(URI.create("https://0-acme-2.pipedrive.com/api/v1"));
        assertThat(PipedriveCompanyDomain.apiRoot("a".repeat(63)).getHost()).startsWith("a".repeat(63) + ".");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Acme", "-acme", "acme.pipedrive.com", "acme/x", "acme_corp", "acme ", "évian"})
    void anythingButASubdomainIsRefusedSayingWhatIsAccepted(String domain) {
        assertThatThrownBy(() -> PipedriveCompanyDomain.apiRoot(domain))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("company_domain must be the subdomain of the company's Pipedrive address");
    }

    @Test
    void aSubdomainLongerThan63IsRefused() {
        assertThatThrownBy(() -> PipedriveCompanyDomain.apiRoot("a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
    }
}
