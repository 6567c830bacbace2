package dev.unifiedcrm.adapters.dynamics365sales;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class Dynamics365SalesLeadIdFormatTest {

    private final Dynamics365SalesLeadIdFormat format = new Dynamics365SalesLeadIdFormat();

    @ParameterizedTest
    @CsvSource({
            "3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34, 3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34",
            "3F9C2A17-8B4E-4D21-9A6C-5E7F0B1D2C34, 3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34",
            "00000000-0000-0000-0000-000000000000, 00000000-0000-0000-0000-000000000000"})
    void aGuidInAnyCaseIsSentLowerCase(String id, String canonical) {
        assertThat(format.canonical(id)).contains(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1-2-3-4-5", "{3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34}",
            "'3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34'", "3f9c2a178b4e4d219a6c5e7f0b1d2c34",
            "3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c3", "3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c345",
            "3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c3g", " 3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34",
            "3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34)", "..", "00QHs00000Lk3pRMAR", "leadid=3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34"})
    void anythingElseIsRefused(String id) {
        assertThat(format.canonical(id)).isEmpty();
    }

    @Test
    void nullIsRefused() {
        assertThat(format.canonical(null)).isEmpty();
    }

    @Test
    void theDescriptionSaysWhatIsAccepted() {
        assertThat(format.description()).isEqualTo("a Dynamics 365 lead id: a UUID");
    }
}
