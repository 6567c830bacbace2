package dev.unifiedcrm.provider.http;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderSafeCredentialTest {

    @Test
    void acceptsVisibleAsciiAndRefusesAnythingElseWithoutShowingTheValue() {
        assertThatCode(() -> HeaderSafeCredential.require(account("pat-na1.~!{}"), "access_token")).doesNotThrowAnyException();
        for (String unsafe : new String[]{"has space", "tab\there", "line\nbreak", "é-token"}) {
            assertThatThrownBy(() -> HeaderSafeCredential.require(account(unsafe), "access_token"))
                    .as("%s", unsafe)
                    .isInstanceOf(InvalidAccountException.class)
                    .hasMessage("credentials.access_token must be visible ASCII characters without spaces");
        }
    }

    private static IntegratedAccount account(String token) {
        return new IntegratedAccount(IntegratedAccountId.parse("3c1d9e7a-5b2f-4a86-9c0e-7d4f1a2b3c45").orElseThrow(),
                new Integration("acme_crm"), Map.of(), Optional.empty(), Pacing.providerDefault(),
                Credentials.of(Map.of("access_token", token)), Optional.empty());
    }
}
