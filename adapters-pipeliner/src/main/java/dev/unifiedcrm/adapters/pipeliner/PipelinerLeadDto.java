package dev.unifiedcrm.adapters.pipeliner;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.Set;

/**
 * The {@code data} of Pipeliner's answer to {@code GET /entities/Leads/{id}}: the fields the unified
 * lead takes. The other keys of {@link #STANDARD_KEYS} are Pipeliner's own and deliberately left to
 * {@code remote_data} (the deal's {@code name}, {@code description}, {@code step_id}, {@code unit_id},
 * {@code is_deleted}, {@code is_archived}, {@code lost_date}, {@code quick_contact_name},
 * {@code quick_account_name}, {@code ranking}, {@code revision}, ...); every key outside that list is
 * a custom field, which the mapper takes from the ordered lead object itself, so that order and
 * exact values survive (Jackson collects a record's any-setter keys in a {@code HashMap}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record PipelinerLeadDto(
        @JsonProperty("id") String id,
        @JsonProperty("owner_id") String ownerId,
        @JsonProperty("lead_source_id") String leadSourceId,
        @JsonProperty("lead_type_id") String leadTypeId,
        @JsonProperty("status") BigDecimal status,
        @JsonProperty("primary_contact") String primaryContact,
        @JsonProperty("primary_account") String primaryAccount,
        @JsonProperty("quick_email") String quickEmail,
        @JsonProperty("quick_account_email") String quickAccountEmail,
        @JsonProperty("quick_phone") String quickPhone,
        @JsonProperty("quick_account_phone") String quickAccountPhone,
        @JsonProperty("created") String created,
        @JsonProperty("modified") String modified,
        @JsonProperty("qualify_date") String qualifyDate) {

    /** The standard Lead keys of Pipeliner's OpenAPI; any other top-level key is a custom field. */
    static final Set<String> STANDARD_KEYS = Set.of(
            "id", "is_delete_protected", "is_deleted", "created", "modified", "name", "formatted_name",
            "description", "owner", "owner_id", "lead_type", "lead_type_id", "lead_source", "lead_source_id",
            "step", "step_id", "unit", "unit_id", "status", "is_archived", "lost_date", "qualify_date",
            "reason_of_close", "reason_of_close_id", "reason_of_close_description", "quick_contact_name",
            "quick_email", "quick_phone", "quick_account_name", "quick_account_email", "quick_account_phone",
            "primary_contact", "primary_account", "contact_relations", "account_relations", "ranking",
            "label_flag", "share_mode", "sharing_units", "sharing_clients", "documents", "tags",
            "static_profiles", "days_in_step", "is_favorite", "scoring", "table_name", "revision",
            "currency_exchange_rates_list", "currency_exchange_rates_list_id",
            "last_ai_buying_center_applied", "modified_by_user");
}
