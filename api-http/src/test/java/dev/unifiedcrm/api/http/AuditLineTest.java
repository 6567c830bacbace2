package dev.unifiedcrm.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.application.AuditTrail;
import dev.unifiedcrm.domain.Integration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written audit line against Jackson: the same bytes as Jackson writes, and Jackson reads back every value. */
class AuditLineTest {

    private static final ObjectMapper JSON = JsonMapper.builder().disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final Instant TIME = Instant.parse("2026-11-29T10:15:30.123Z");
    private static final Integration SELL = new Integration("zendesk_sell");

    @Test
    void controlCharactersQuotesAndBackslashesAreEscapedAsJacksonEscapesThem() throws Exception {
        String hostile = "a\"b\\c/d\b\t\n\f\r\u0000\u0001\u001f\u007f\u2028 end";
        byte[] line = AuditLine.started(TIME, new AuditTrail.Deletion(hostile, AuditLogFileTest.SELL, SELL, "42"));

        assertThat(new String(line, StandardCharsets.UTF_8)).contains(
                "\"request_id\":\"a\\\"b\\\\c/d\\b\\t\\n\\f\\r\\u0000\\u0001\\u001F\u007f\u2028 end\"");
        assertThat(JSON.readTree(line).get("request_id").asText()).isEqualTo(hostile);
        assertThat(line).isEqualTo(jacksonStarted(TIME, hostile, "42"));
    }

    @Test
    void nonAsciiTextIsWrittenAsUtf8AndALoneSurrogateAsItsEscape() throws Exception {
        String text = "Zoë 🦊 日本 \ud800 tail \udfff";
        byte[] line = AuditLine.started(TIME, new AuditTrail.Deletion("r", AuditLogFileTest.SELL, SELL, text));

        String written = new String(line, StandardCharsets.UTF_8);
        assertThat(written).contains("\"lead_id\":\"Zoë 🦊 日本 \\uD800 tail \\uDFFF\"");
        assertThat(StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(line)).toString()).isEqualTo(written);
        assertThat(JSON.readTree(line).get("lead_id").asText()).isEqualTo(text);
    }

    @Test
    void aFinishedLineWithoutProviderStatusHasANull() throws Exception {
        var deletion = new AuditTrail.Deletion("r", AuditLogFileTest.SELL, SELL, "42");
        byte[] line = AuditLine.finished(TIME, deletion,
                new AuditTrail.Result(AuditTrail.Outcome.FAILED, OptionalInt.empty(), Duration.ofMillis(5)));

        JsonNode parsed = JSON.readTree(line);
        assertThat(parsed.get("provider_status").isNull()).isTrue();
        assertThat(parsed.get("duration_ms").asLong()).isEqualTo(5);
        assertThat(line[line.length - 1]).isEqualTo((byte) '\n');
    }

    @Property(tries = 300)
    void anyTextIsWrittenByteForByteAsJacksonWritesIt(@ForAll("text") String requestId, @ForAll("text") String leadId,
                                                      @ForAll("statuses") int status, @ForAll("instants") Instant time) throws Exception {
        var deletion = new AuditTrail.Deletion(requestId, AuditLogFileTest.SELL, SELL, leadId);
        var result = new AuditTrail.Result(AuditTrail.Outcome.ALREADY_DELETED,
                status < 0 ? OptionalInt.empty() : OptionalInt.of(status), Duration.ofMillis(status < 0 ? 0 : status * 7L));

        assertThat(AuditLine.started(time, deletion)).isEqualTo(jacksonStarted(time, requestId, leadId));
        byte[] finished = AuditLine.finished(time, deletion, result);
        var expected = line(time, requestId, leadId, "finished");
        expected.put("outcome", "already_deleted");
        expected.put("provider_status", status < 0 ? null : status);
        expected.put("duration_ms", status < 0 ? 0L : status * 7L);
        assertThat(new String(finished, StandardCharsets.UTF_8)).isEqualTo(JSON.writeValueAsString(expected) + "\n");
    }

    @Property(tries = 300)
    void anyTextComesBackFromJacksonUnchangedLoneSurrogatesIncluded(@ForAll("anyChars") String leadId) throws Exception {
        byte[] line = AuditLine.started(TIME, new AuditTrail.Deletion("r", AuditLogFileTest.SELL, SELL, leadId));

        assertThat(JSON.readTree(line).get("lead_id").asText()).isEqualTo(leadId);
    }

    @Provide
    Arbitrary<String> text() {
        // Whole code points, so no lone surrogate: what Jackson can write to UTF-8 unchanged.
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 0x7F),
                Arbitraries.integers().between(0, 0x3FF),
                Arbitraries.integers().between(0, Character.MAX_CODE_POINT)
                        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE))
                .list().ofMaxSize(40)
                .map(points -> points.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString());
    }

    @Provide
    Arbitrary<String> anyChars() {
        return Arbitraries.strings().all().ofMaxLength(40);
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.integers().between(-1, 599);
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, 4_102_444_800L)
                .flatMap(second -> Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000), Arbitraries.integers().between(0, 999_999_999))
                        .map(nano -> Instant.ofEpochSecond(second, nano)));
    }

    private static byte[] jacksonStarted(Instant time, String requestId, String leadId) throws Exception {
        return (JSON.writeValueAsString(line(time, requestId, leadId, "started")) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The line as the audit log wrote it before: a map in the contract's order, through Jackson. */
    private static LinkedHashMap<String, Object> line(Instant time, String requestId, String leadId, String phase) {
        var line = new LinkedHashMap<String, Object>();
        line.put("time", DateTimeFormatter.ISO_INSTANT.format(time));
        line.put("request_id", requestId);
        line.put("integrated_account_id", AuditLogFileTest.SELL.value());
        line.put("integration", SELL.name());
        line.put("lead_id", leadId);
        line.put("phase", phase);
        return line;
    }
}
