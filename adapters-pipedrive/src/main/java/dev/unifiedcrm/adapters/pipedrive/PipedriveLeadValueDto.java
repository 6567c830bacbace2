package dev.unifiedcrm.adapters.pipedrive;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;

/** A lead's potential value, {@code {"amount": 50000, "currency": "EUR"}}; kept for {@code remote_data} only. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PipedriveLeadValueDto(
        @JsonProperty("amount") BigDecimal amount,
        @JsonProperty("currency") String currency) {
}
