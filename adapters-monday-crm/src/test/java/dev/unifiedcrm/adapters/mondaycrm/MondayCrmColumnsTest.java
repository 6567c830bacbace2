package dev.unifiedcrm.adapters.mondaycrm;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MondayCrmColumnsTest {

    @Test
    void theDefaultsAreTheLeadsTemplateColumns() {
        assertThat(MondayCrmColumns.of(Map.of())).isEqualTo(MondayCrmColumns.TEMPLATE_DEFAULTS);
        assertThat(MondayCrmColumns.TEMPLATE_DEFAULTS.claimed())
                .containsExactlyInAnyOrder("lead_status", "lead_email", "lead_phone", "text", "lead_company");
    }

    @Test
    void aKeyGivenReplacesItsDefaultOnly() {
        MondayCrmColumns columns = MondayCrmColumns.of(Map.of("owner", "person", "title", "job_title"));

        assertThat(columns).isEqualTo(new MondayCrmColumns(
                "lead_status", "lead_email", "lead_phone", "job_title", "lead_company", "person", null));
    }

    @Test
    void refusesUnknownKeys() {
        assertThatThrownBy(() -> MondayCrmColumns.of(Map.of("name", "name")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("context.columns.name is not a known key; the keys are status, email, phone, title, company, owner, source");
    }

    @Test
    void refusesValuesThatAreNotColumnIds() {
        for (Object bad : new Object[] {"", "lead status", "x".repeat(101), 5, null, "état"}) {
            var columns = new HashMap<String, Object>();
            columns.put("status", bad);
            assertThatThrownBy(() -> MondayCrmColumns.of(columns))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("context.columns.status must be a column id of 1 to 100");
        }
    }

    @Test
    void refusesTwoKeysOnOneColumnGivenOrByDefault() {
        assertThatThrownBy(() -> MondayCrmColumns.of(Map.of("owner", "lead_status")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names column lead_status")
                .hasMessageContaining("each column feeds one field");
        assertThat(MondayCrmColumns.of(Map.of("status", "lead_company", "company", "lead_status")).status())
                .isEqualTo("lead_company");
    }
}
