package dev.unifiedcrm.adapters.zohocrm;

import dev.unifiedcrm.domain.LeadIdFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ZohoCrmDataCenterTest {

    @ParameterizedTest
    @CsvSource({
            "com,https://www.zohoapis.com/crm/v8,https://accounts.zoho.com/oauth/v2/token",
            "eu,https://www.zohoapis.eu/crm/v8,https://accounts.zoho.eu/oauth/v2/token",
            "in,https://www.zohoapis.in/crm/v8,https://accounts.zoho.in/oauth/v2/token",
            "com.au,https://www.zohoapis.com.au/crm/v8,https://accounts.zoho.com.au/oauth/v2/token",
            "jp,https://www.zohoapis.jp/crm/v8,https://accounts.zoho.jp/oauth/v2/token",
            "ca,https://www.zohoapis.ca/crm/v8,https://accounts.zohocloud.ca/oauth/v2/token",
            "com.cn,https://www.zohoapis.com.cn/crm/v8,https://accounts.zoho.com.cn/oauth/v2/token",
            "sa,https://www.zohoapis.sa/crm/v8,https://accounts.zoho.sa/oauth/v2/token"})
    void derivesBothEndpoints(String dataCenter, URI apiRoot, URI tokenEndpoint) {
        ZohoCrmDataCenter center = ZohoCrmDataCenter.of(dataCenter).orElseThrow();

        assertThat(center.apiRoot()).isEqualTo(apiRoot);
        assertThat(center.tokenEndpoint()).isEqualTo(tokenEndpoint);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EU", "us", "com.br", " eu", "zoho.eu"})
    void acceptsOnlyTheExactLowerCaseNames(String dataCenter) {
        assertThat(ZohoCrmDataCenter.of(dataCenter)).isEmpty();
    }

    @Test
    void namesTheAcceptedValues() {
        assertThat(ZohoCrmDataCenter.accepted()).isEqualTo("com, eu, in, com.au, jp, ca, com.cn, sa");
    }

    @Test
    void leadIdsArePositive64BitIntegersSentAsGiven() {
        assertThat(LeadIdFormat.POSITIVE_INT64.canonical("7328395000000691001")).contains("7328395000000691001");
        for (String bad : new String[] {"0", "07328395000000691001", "9223372036854775808", "-1", "1.0"}) {
            assertThat(LeadIdFormat.POSITIVE_INT64.canonical(bad)).as(bad).isEmpty();
        }
    }
}
