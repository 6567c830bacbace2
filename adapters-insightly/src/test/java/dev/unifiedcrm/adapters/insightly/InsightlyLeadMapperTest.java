package dev.unifiedcrm.adapters.insightly;

import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.provider.http.ProviderHttp;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.unifiedcrm.domain.Address;
import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.PhoneNumber;
import dev.unifiedcrm.domain.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InsightlyLeadMapperTest {

    private final InsightlyJson json = new InsightlyJson();
    private final InsightlyLeadMapper mapper = InsightlyLeadMapper.INSTANCE;

    @Test
    void theDocumentedLeadFillsEveryUnifiedFieldItHas() throws IOException {
        byte[] body = resource("lead.json");

        Lead lead = decodeAndMap(body);

        assertThat(lead.id()).isEqualTo("71234567");
        assertThat(lead.owner()).isEqualTo(new Reference("1234567"));
        assertThat(lead.leadSource()).isEqualTo("1658211");
        assertThat(lead.leadType()).isNull();
        assertThat(lead.status()).isEqualTo("2240731");
        assertThat(lead.title()).isEqualTo("Head of Procurement");
        assertThat(lead.contact()).isNull();
        assertThat(lead.account()).isNull();
        assertThat(lead.firstName()).isEqualTo("Jane");
        assertThat(lead.lastName()).isEqualTo("Doe");
        assertThat(lead.addresses()).containsExactly(
                new Address("1 Market St", "Suite 300", "San Francisco", "CA", "94105", "United States", "primary"));
        assertThat(lead.emailAddresses()).containsExactly(new EmailAddress("jane.doe@acme.example", "primary"));
        assertThat(lead.phoneNumbers()).containsExactly(
                new PhoneNumber("+1 415 555 0100", null, "work"),
                new PhoneNumber("+1 415 555 0199", null, "mobile"));
        assertThat(lead.customFields()).containsExactly(Map.entry("Budget__c", 50000));
        assertThat(lead.lastActivityAt()).isEqualTo(Instant.parse("2024-03-07T08:10:00Z"));
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-03-05T10:45:21Z"));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2024-03-07T08:12:03Z"));
        assertThat(lead.convertedAt()).isNull();
        assertThat(lead.convertedContact()).isNull();
        assertThat(lead.convertedAccount()).isNull();
        assertThat(lead.remoteData()).isEqualTo(tree(body));
    }

    @Test
    void aConvertedLeadFillsTheConversionFieldsAndKeepsExactCustomValues() throws IOException {
        byte[] body = resource("lead-converted.json");

        Lead lead = decodeAndMap(body);

        assertThat(lead.id()).isEqualTo("80000001");
        assertThat(lead.owner()).isEqualTo(new Reference("7654321"));
        assertThat(lead.leadSource()).isEqualTo("1658211");
        assertThat(lead.status()).isEqualTo("2240732");
        assertThat(lead.title()).isEqualTo("CTO");
        assertThat(lead.firstName()).isEqualTo("José");
        assertThat(lead.lastName()).isEqualTo("Núñez");
        assertThat(lead.addresses()).containsExactly(
                new Address("Calle Mayor 1", "Piso 3\nPuerta B", "Madrid", null, "28013", "Spain", "primary"));
        assertThat(lead.emailAddresses()).containsExactly(new EmailAddress("jose@nunez.example", "primary"));
        assertThat(lead.phoneNumbers()).containsExactly(
                new PhoneNumber("+34 91 555 0100", null, "work"),
                new PhoneNumber("+34 91 555 0101", null, "fax"));
        assertThat(lead.customFields().keySet()).containsExactly("Budget__c", "Seats__c", "Regions__c", "Meta__c", "Active__c");
        assertThat(lead.customFields().get("Budget__c")).isEqualTo(new BigDecimal("12345678901234567890.10"));
        assertThat(lead.customFields().get("Seats__c")).isEqualTo(9007199254740993L);
        assertThat(lead.customFields().get("Regions__c")).isEqualTo(List.of("EU", "LATAM"));
        assertThat(List.copyOf(((Map<?, ?>) lead.customFields().get("Meta__c")).keySet())).isEqualTo(List.of("b", "a"));
        assertThat(lead.customFields().get("Active__c")).isEqualTo(false);
        assertThat(lead.lastActivityAt()).isNull();
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-03-05T10:45:21.1234567Z"));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2024-04-01T23:59:59Z"));
        assertThat(lead.convertedAt()).isEqualTo(Instant.parse("2024-04-01T23:59:59Z"));
        assertThat(lead.convertedContact()).isEqualTo(new Reference("301234567"));
        assertThat(lead.convertedAccount()).isEqualTo(new Reference("401234567"));
        assertThat(lead.leadType()).isNull();
        assertThat(lead.contact()).isNull();
        assertThat(lead.account()).isNull();
        assertThat(lead.remoteData()).isEqualTo(tree(body));
    }

    @Test
    void aSparseLeadWithNullsAndEmptyStringsHasOnlyItsId() throws IOException {
        byte[] body = resource("lead-sparse.json");

        Lead lead = decodeAndMap(body);

        assertThat(lead).usingRecursiveComparison().ignoringFields("remoteData")
                .isEqualTo(Lead.withId("9223372036854775807"));
        assertThat(lead.remoteData()).isEqualTo(tree(body));
    }

    @Test
    void aLeadWithOnlyAnIdHasOnlyItsId() throws IOException {
        Lead lead = decodeAndMap("{\"LEAD_ID\": 5}".getBytes(StandardCharsets.UTF_8));

        assertThat(lead).isEqualTo(new Lead("5", null, null, null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), Map.of(), null, null, null, null, null, null, Map.of("LEAD_ID", 5)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "1 Market St                     | 1 Market St | NULL",
            "1 Market St\\nSuite 300         | 1 Market St | Suite 300",
            "1 Market St\\r\\nSuite 300      | 1 Market St | Suite 300",
            "1 Market St\\rSuite 300         | 1 Market St | Suite 300",
            "1 Market St\\n\\nBack door      | 1 Market St | \\nBack door",
            "\\nSuite 300                    | NULL        | Suite 300",
            "1 Market St\\n                  | 1 Market St | NULL"})
    void theStreetIsSplitAtItsFirstLineBreak(String street, String first, String rest) {
        String[] split = mapper.splitStreet(unescape(street.strip()));

        assertThat(split).containsExactly(unescape(first), unescape(rest));
    }

    @Test
    void anAddressWithOnlyACountryIsKeptAndOneWithNothingIsDropped() throws IOException {
        Lead country = decodeAndMap("{\"LEAD_ID\":1,\"ADDRESS_COUNTRY\":\"France\"}".getBytes(StandardCharsets.UTF_8));
        Lead blank = decodeAndMap("{\"LEAD_ID\":1,\"ADDRESS_STREET\":\" \",\"ADDRESS_CITY\":\"\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(country.addresses()).containsExactly(new Address(null, null, null, null, null, "France", "primary"));
        assertThat(blank.addresses()).isEmpty();
    }

    @Test
    void dateTimesAreReadAsUtcWithTheirFullPrecision() {
        assertThat(mapper.utcInstant("2024-03-05 10:45:21")).isEqualTo(Instant.parse("2024-03-05T10:45:21Z"));
        assertThat(mapper.utcInstant("2024-03-05 10:45:21.5")).isEqualTo(Instant.parse("2024-03-05T10:45:21.500Z"));
        assertThat(mapper.utcInstant("2024-03-05 10:45:21.123456789")).isEqualTo(Instant.parse("2024-03-05T10:45:21.123456789Z"));
        assertThat(mapper.utcInstant("")).isNull();
        assertThat(mapper.utcInstant(null)).isNull();
    }

    @Test
    void theZeroDateIsAbsentRatherThanAFailure() {
        assertThat(mapper.utcInstant("0000-00-00 00:00:00")).isNull();
        assertThat(mapper.utcInstant(" 0000-00-00 00:00:00 ")).isNull();
        assertThat(mapper.utcInstant("0000-00-00 00:00:00.000")).isNull();
    }

    @Test
    void aLeadWithZeroDatesMapsThemAsAbsent() throws IOException {
        Lead lead = decodeAndMap(("{\"LEAD_ID\": 71234567, \"DATE_CREATED_UTC\": \"2024-03-05 10:45:21\","
                + " \"DATE_UPDATED_UTC\": \"0000-00-00 00:00:00\", \"LAST_ACTIVITY_DATE_UTC\": \"0000-00-00 00:00:00\","
                + " \"CONVERTED_DATE_UTC\": \"0000-00-00 00:00:00\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-03-05T10:45:21Z"));
        assertThat(lead.updatedAt()).isNull();
        assertThat(lead.lastActivityAt()).isNull();
        assertThat(lead.convertedAt()).isNull();
    }

    @Test
    void aDateTimeInAnotherFormatIsRefusedRatherThanGuessed() {
        for (String text : List.of("2024-03-05", "05/03/2024 10:45:21", "2024-02-30 10:45:21", "2024-03-05 25:00:00", "yesterday")) {
            assertThatThrownBy(() -> mapper.utcInstant(text)).as(text)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("a date-time is not of the form yyyy-MM-dd HH:mm:ss");
        }
    }

    @Test
    void theDtoNamesEveryKeyOfTheDocumentedLead() throws IOException {
        // The mapping is total only if no documented key is silently missing from the DTO.
        Set<String> dtoKeys = Arrays.stream(InsightlyLeadDto.class.getRecordComponents())
                .map(component -> jsonName(component.getName()))
                .collect(Collectors.toSet());

        @SuppressWarnings("unchecked")
        Map<String, Object> documented = (Map<String, Object>) tree(resource("lead.json"));
        assertThat(dtoKeys).containsExactlyInAnyOrderElementsOf(documented.keySet());
    }

    @Test
    void aLeadIdTooLargeForALongIsStillItsExactText() throws IOException {
        Lead lead = decodeAndMap("{\"LEAD_ID\": 92233720368547758070}".getBytes(StandardCharsets.UTF_8));

        assertThat(lead.id()).isEqualTo("92233720368547758070");
        assertThat(((Map<?, ?>) lead.remoteData()).get("LEAD_ID")).isEqualTo(new BigInteger("92233720368547758070"));
    }

    // ---- helpers ----

    private Lead decodeAndMap(byte[] body) throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> remote = (Map<String, Object>) tree(body);
        return mapper.toLead(json.read(body, InsightlyLeadDto.class), remote);
    }

    private Object tree(byte[] body) {
        return ((RemoteBody.Json) ProviderHttp.parseBody(body, "application/json")).value();
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = InsightlyLeadMapperTest.class.getResourceAsStream("/insightly/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String jsonName(String component) {
        try {
            return InsightlyLeadDto.class.getDeclaredField(component).getAnnotation(JsonProperty.class).value();
        } catch (NoSuchFieldException e) {
            throw new AssertionError(e);
        }
    }

    private static String unescape(String text) {
        return text == null ? null : text.replace("\\r", "\r").replace("\\n", "\n");
    }

}
