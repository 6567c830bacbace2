package dev.unifiedcrm.api.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTest {

    @Test
    void eachRouteMatchesTheSegmentsOfItsTemplate() {
        assertThat(Route.match(List.of("unified", "crm", "leads", "a b"))).contains(new Route.Match(Route.DELETE_LEAD, "a b"));
        assertThat(Route.match(List.of("health"))).contains(new Route.Match(Route.HEALTH, null));
        assertThat(Route.match(List.of("openapi.json"))).contains(new Route.Match(Route.OPENAPI, null));
        assertThat(Route.match(List.of("metrics"))).contains(new Route.Match(Route.METRICS, null));
    }

    @Test
    void anythingElseIsNoRoute() {
        assertThat(Route.match(List.of("unified", "crm", "leads", ""))).isEmpty();
        assertThat(Route.match(List.of("unified", "crm", "leads"))).isEmpty();
        assertThat(Route.match(List.of("unified", "crm", "leads", "1", "x"))).isEmpty();
        assertThat(Route.match(List.of("Health"))).isEmpty();
        assertThat(Route.match(List.of("health", ""))).isEmpty();
        assertThat(Route.match(List.of("unified", "crm", "Leads", "1"))).isEmpty();
    }
}
