package dev.unifiedcrm.provider.http;

import dev.unifiedcrm.domain.QueryParameter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PercentEncodingTest {

    @Test
    void onlyUnreservedCharactersStayAsTheyAre() {
        assertThat(PercentEncoding.encode("AZaz09-._~")).isEqualTo("AZaz09-._~");
        assertThat(PercentEncoding.encode("a/b?c#d%e f+g{h}&i=j;k")).isEqualTo("a%2Fb%3Fc%23d%25e%20f%2Bg%7Bh%7D%26i%3Dj%3Bk");
        assertThat(PercentEncoding.encode("ü✓")).isEqualTo("%C3%BC%E2%9C%93");
        assertThat(PercentEncoding.encode("%2e%2e")).isEqualTo("%252e%252e");
    }

    @Test
    void theQueryKeepsOrderAndRepeatsAsListsUnderTheFirstPosition() {
        Map<String, Object> query = PercentEncoding.query(List.of(new QueryParameter("b", "1"), new QueryParameter("a[x]", "{y}"),
                new QueryParameter("b", "2"), new QueryParameter("empty", "")));

        assertThat(query).containsExactly(Map.entry("b", List.of("1", "2")), Map.entry("a%5Bx%5D", List.of("%7By%7D")),
                Map.entry("empty", List.of("")));
        assertThat(PercentEncoding.query(List.of())).isEmpty();
    }
}
