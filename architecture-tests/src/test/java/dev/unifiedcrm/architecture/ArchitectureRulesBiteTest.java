package dev.unifiedcrm.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each rule, run over small deliberately bad classes (test-only, under {@code fixtures}), must
 * report the violation they were written to commit: a rule that cannot fail protects nothing.
 */
class ArchitectureRulesBiteTest {

    private static final String FIXTURES = "dev.unifiedcrm.architecture.fixtures";
    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter().importPackages(FIXTURES);
    }

    @Test
    void aDomainClassUsingJacksonIsReported() {
        assertThat(violations(ArchitectureRules::domainDependsOnTheJdkOnly))
                .contains("LeakyLead").contains("com.fasterxml.jackson");
    }

    @Test
    void anApplicationClassUsingAnAdapterLibraryIsReported() {
        assertThat(violations(ArchitectureRules::applicationDependsOnDomainOnly))
                .contains("FeignAwareUseCase").contains("feign.");
    }

    @Test
    void resilienceReachingIntoAnAdapterIsReported() {
        assertThat(violations(ArchitectureRules::resilienceDependsOnTheCoreAndItsLibrariesOnly))
                .contains("RetryingWrapper").contains("AlphaAdapter");
    }

    @Test
    void aSimulatorUsingTheDomainIsReported() {
        assertThat(violations(ArchitectureRules::sandboxStandsApartFromTheLibrary))
                .contains("KnowingSimulator").contains("LeakyLead");
    }

    @Test
    void anAdapterCallingTheApplicationIsReported() {
        assertThat(violations(ArchitectureRules::adaptersDependOnNoOtherModuleThanDomain))
                .contains("AlphaAdapter").contains("FeignAwareUseCase");
    }

    @Test
    void aProviderKitThatKnowsAnAdapterOrTheApplicationIsReported() {
        assertThat(violations(ArchitectureRules::providerKitKnowsNoAdapterNorWhoCallsThem))
                .contains("KnowingKit").contains("BetaAdapter").contains("FeignAwareUseCase");
    }

    @Test
    void adaptersThatKnowEachOtherAreReported() {
        assertThat(violations(ArchitectureRules::adaptersAreIndependentOfEachOther))
                .contains("AlphaAdapter").contains("BetaAdapter");
    }

    @Test
    void aClassNamingAConcreteAdapterIsReported() {
        assertThat(violations(ArchitectureRules::nothingOutsideAnAdapterNamesOne))
                .contains("Wiring").contains("BetaAdapter");
    }

    @Test
    void aVendorTypeInAPublicSignatureIsReported() {
        assertThat(violations(ArchitectureRules::noVendorTypeInAPublicSignature))
                .contains("FeignAwareUseCase").contains("feign.Response");
    }

    @Test
    void aRendererOutsideTheApplicationIsReported() {
        assertThat(violations(ArchitectureRules::resultAndRendererLiveInApplication))
                .contains("fixtures.api.UnifiedAnswers");
    }

    @Test
    void anHttpClassRenderingAResultCaseItselfIsReported() {
        assertThat(violations(ArchitectureRules::httpHoldsNoRenderingRule))
                .contains("HandRenderedAnswer").contains("DeleteLeadResult$Deleted");
    }

    private static String violations(Function<String, ArchRule> rule) {
        var result = rule.apply(FIXTURES).evaluate(fixtures);
        assertThat(result.hasViolation()).as("the rule must report the fixture's violation").isTrue();
        return result.getFailureReport().toString();
    }
}
