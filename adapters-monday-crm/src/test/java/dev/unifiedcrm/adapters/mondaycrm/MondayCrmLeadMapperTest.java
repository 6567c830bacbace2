package dev.unifiedcrm.adapters.mondaycrm;

import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.PhoneNumber;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.Reference;
import dev.unifiedcrm.domain.RemoteBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mapstruct.factory.Mappers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.unifiedcrm.adapters.mondaycrm.MondayCrmAnswers.json;
import static dev.unifiedcrm.adapters.mondaycrm.MondayCrmAnswers.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** The example item through the real decoding: answer reading, board check, DTO, MapStruct mapper. */
class MondayCrmLeadMapperTest {

    private static final String BOARD = "2001047343";

    private final MondayCrmLeadDecoder decoder =
            new MondayCrmLeadDecoder(MondayCrmAnswers.JSON, Mappers.getMapper(MondayCrmLeadMapper.class));

    private Lead fetch(String body, String itemId, MondayCrmColumns columns) {
        ProviderAnswer answer = json(200, body);
        var reading = MondayCrmAnswerReader.read(answer, MondayCrmAnswerReader.Exchange.QUERY, status -> "OK");
        assertThat(reading).isInstanceOf(MondayCrmAnswerReader.Reading.Data.class);
        var check = MondayCrmLeadDecoder.check(((MondayCrmAnswerReader.Reading.Data) reading).data(), itemId, BOARD);
        assertThat(check).isInstanceOf(MondayCrmLeadDecoder.BoardCheck.OnBoard.class);
        return decoder.fetched(answer, ((MondayCrmLeadDecoder.BoardCheck.OnBoard) check).item(), columns);
    }

    @Test
    void mapsEveryUnifiedFieldOfTheExampleWithTheDefaultColumns() {
        Lead lead = fetch(resource("item.json"), "18273395993", MondayCrmColumns.TEMPLATE_DEFAULTS);

        assertThat(lead.id()).isEqualTo("18273395993");
        assertThat(lead.owner()).isNull();
        assertThat(lead.leadSource()).isNull();
        assertThat(lead.leadType()).isNull();
        assertThat(lead.status()).isEqualTo("Contacted");
        assertThat(lead.title()).isEqualTo("Head of Procurement");
        assertThat(lead.contact()).isNull();
        assertThat(lead.account()).isNull();
        assertThat(lead.firstName()).isEqualTo("Jane");
        assertThat(lead.lastName()).isEqualTo("Doe");
        assertThat(lead.addresses()).isEmpty();
        assertThat(lead.emailAddresses()).containsExactly(new EmailAddress("jane.doe@acme.example", "primary"));
        assertThat(lead.phoneNumbers()).containsExactly(new PhoneNumber("+14155550100", null, "primary"));
        assertThat(lead.customFields()).containsExactly(
                entry("person", "Priya Raman"), entry("date__1", "2024-03-07"), entry("numeric_mksr7ab2", "50000"));
        assertThat(lead.lastActivityAt()).isNull();
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-03-05T10:45:21Z"));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2024-03-07T08:12:03Z"));
        assertThat(lead.convertedAt()).isNull();
        assertThat(lead.convertedContact()).isNull();
        assertThat(lead.convertedAccount()).isNull();
        assertThat(lead.remoteData()).isInstanceOfSatisfying(Map.class, item -> {
            assertThat(item.get("creator_id")).isEqualTo("45641210");
            assertThat(item).containsKeys("state", "board", "group", "column_values").doesNotContainKey("data");
        });
    }

    @Test
    void theOwnerColumnGivesTheOwnerAndLeavesTheCustomFields() {
        Lead lead = fetch(resource("item.json"), "18273395993", MondayCrmColumns.of(Map.of("owner", "person")));

        assertThat(lead.owner()).isEqualTo(new Reference("45641210"));
        assertThat(lead.customFields()).containsExactly(entry("date__1", "2024-03-07"), entry("numeric_mksr7ab2", "50000"));
    }

    @Test
    void configuredColumnsReplaceTheirDefaults() {
        var columns = MondayCrmColumns.of(Map.of("status", "lead_company", "company", "lead_status", "source", "date__1"));

        Lead lead = fetch(resource("item.json"), "18273395993", columns);

        assertThat(lead.status()).as("a text column has no label: its text").isEqualTo("Acme Corp");
        assertThat(lead.leadSource()).isEqualTo("2024-03-07");
        assertThat(lead.customFields()).containsOnlyKeys("person", "numeric_mksr7ab2");
    }

    @Test
    void aBoardWithoutTheDefaultColumnsMapsNothingFromThem() {
        String body = """
                {"data":{"items":[{"id":"5","name":"  Jane   van der Berg ","board":{"id":"2001047343"},
                 "column_values":[{"id":"email_1","type":"email","text":"j@x.example","email":null}]}]}}""";

        Lead lead = fetch(body, "5", MondayCrmColumns.TEMPLATE_DEFAULTS);

        assertThat(lead.emailAddresses()).isEmpty();
        assertThat(lead.customFields()).containsExactly(entry("email_1", "j@x.example"));
        assertThat(lead.firstName()).isEqualTo("Jane");
        assertThat(lead.lastName()).isEqualTo("van der Berg");
    }

    @Test
    void emailAndPhoneFallBackToTheColumnText() {
        String body = """
                {"data":{"items":[{"id":"5","name":"X","board":{"id":"2001047343"},"column_values":[
                 {"id":"lead_email","text":"j@x.example","email":""},{"id":"lead_phone","text":"+1 555","phone":null},
                 {"id":"person","type":"people","persons_and_teams":[{"id":"9","kind":"team"},{"id":"45","kind":"person"}]}]}]}}""";

        Lead lead = fetch(body, "5", MondayCrmColumns.of(Map.of("owner", "person")));

        assertThat(lead.emailAddresses()).containsExactly(new EmailAddress("j@x.example", "primary"));
        assertThat(lead.phoneNumbers()).containsExactly(new PhoneNumber("+1 555", null, "primary"));
        assertThat(lead.owner()).as("the first entry of kind person, not a team").isEqualTo(new Reference("45"));
    }

    @Test
    void aSparseArchivedItemMapsWithoutError() {
        Lead lead = fetch(resource("item-sparse.json"), "18273396042", MondayCrmColumns.TEMPLATE_DEFAULTS);

        assertThat(lead.id()).isEqualTo("18273396042");
        assertThat(lead.firstName()).as("a single word is the last name only").isNull();
        assertThat(lead.lastName()).isEqualTo("Cher");
        assertThat(lead.status()).isNull();
        assertThat(lead.emailAddresses()).isEmpty();
        assertThat(lead.customFields()).isEmpty();
        assertThat(lead.createdAt()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Jane Doe|Jane|Doe", "John Smith - TechCorp|John|Smith - TechCorp", "Madonna||Madonna",
            "'  '||", "''||"})
    void splitsTheNameAtTheFirstRunOfWhitespace(String name, String first, String last) {
        var mapper = Mappers.getMapper(MondayCrmLeadMapper.class);

        assertThat(mapper.firstName(name)).isEqualTo(first);
        assertThat(mapper.lastName(name)).isEqualTo(last);
    }

    @Test
    void aDateTimeThatIsNotIso8601IsAContractBreach() {
        Map<String, Object> item = Map.of("id", "5", "created_at", "05/03/2024", "board", Map.of("id", BOARD));
        ProviderAnswer answer = new ProviderAnswer(200, Map.of(), null, new byte[0], new RemoteBody.Json(Map.of()));

        assertThatThrownBy(() -> decoder.fetched(answer, item, MondayCrmColumns.TEMPLATE_DEFAULTS))
                .isInstanceOf(ProviderContractBreach.class)
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> decoder.fetched(answer, Map.of("id", "5", "column_values", "none"),
                MondayCrmColumns.TEMPLATE_DEFAULTS))
                .isInstanceOf(ProviderContractBreach.class)
                .hasMessageContaining("unexpected type");
    }

    @Test
    void boardCheckFindsOnlyLiveItemsOfTheBoard() {
        Map<String, Object> data = Map.of("items", List.of(
                Map.of("id", "1", "state", "active", "board", Map.of("id", BOARD)),
                Map.of("id", "2", "state", "archived", "board", Map.of("id", 2001047343L)),
                Map.of("id", "3", "state", "deleted", "board", Map.of("id", BOARD)),
                Map.of("id", "4", "state", "active", "board", Map.of("id", "2001047399")),
                Map.of("id", 5L, "state", "active", "board", Map.of("id", BOARD))));

        assertThat(MondayCrmLeadDecoder.check(data, "1", BOARD)).isInstanceOf(MondayCrmLeadDecoder.BoardCheck.OnBoard.class);
        assertThat(MondayCrmLeadDecoder.check(data, "2", BOARD)).isInstanceOf(MondayCrmLeadDecoder.BoardCheck.OnBoard.class);
        assertThat(MondayCrmLeadDecoder.check(data, "5", BOARD)).isInstanceOf(MondayCrmLeadDecoder.BoardCheck.OnBoard.class);
        for (String gone : List.of("3", "4", "6")) {
            assertThat(MondayCrmLeadDecoder.check(data, gone, BOARD))
                    .isEqualTo(new MondayCrmLeadDecoder.BoardCheck.NotOnBoard("No lead " + gone + " on board " + BOARD));
        }
        assertThat(MondayCrmLeadDecoder.check(Map.of("items", List.of()), "1", BOARD))
                .isInstanceOf(MondayCrmLeadDecoder.BoardCheck.NotOnBoard.class);
    }
}
