package dev.unifiedcrm.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules over every module of the build (production classes only). */
class ArchitectureTest {

    private static final String ROOT = "dev.unifiedcrm";
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
                .importPackages(ROOT);
    }

    @Test
    void everyModuleIsOnTheClassPath() {
        assertThat(production.stream().map(javaClass -> javaClass.getPackageName()))
                .anyMatch(name -> name.startsWith(ROOT + ".domain"))
                .anyMatch(name -> name.startsWith(ROOT + ".application"))
                .anyMatch(name -> name.startsWith(ROOT + ".resilience"))
                .anyMatch(name -> name.startsWith(ROOT + ".sandbox"))
                .anyMatch(name -> name.startsWith(ROOT + ".resilience"))
                .anyMatch(name -> name.startsWith(ROOT + ".adapters.insightly"))
                .anyMatch(name -> name.startsWith(ROOT + ".adapters.pipeliner"))
                .anyMatch(name -> name.startsWith(ROOT + ".adapters.zendesksell"))
                .anyMatch(name -> name.startsWith(ROOT + ".api.http"));
    }

    @Test
    void domainDependsOnTheJdkOnly() {
        ArchitectureRules.domainDependsOnTheJdkOnly(ROOT).check(production);
    }

    @Test
    void applicationDependsOnDomainOnly() {
        ArchitectureRules.applicationDependsOnDomainOnly(ROOT).check(production);
    }

    @Test
    void resilienceDependsOnTheCoreAndItsLibrariesOnly() {
        ArchitectureRules.resilienceDependsOnTheCoreAndItsLibrariesOnly(ROOT).check(production);
    }

    @Test
    void sharedStateDependsOnTheCoreAndItsLibrariesOnly() {
        ArchitectureRules.sharedStateDependsOnTheCoreAndItsLibrariesOnly(ROOT).check(production);
    }

    @Test
    void sandboxStandsApartFromTheLibrary() {
        ArchitectureRules.sandboxStandsApartFromTheLibrary(ROOT).check(production);
    }

    @Test
    void adaptersDependOnNoOtherModuleThanDomain() {
        ArchitectureRules.adaptersDependOnNoOtherModuleThanDomain(ROOT).check(production);
    }

    @Test
    void adaptersAreIndependentOfEachOther() {
        ArchitectureRules.adaptersAreIndependentOfEachOther(ROOT).check(production);
    }

    @Test
    void nothingOutsideAnAdapterNamesOne() {
        ArchitectureRules.nothingOutsideAnAdapterNamesOne(ROOT).check(production);
    }

    @Test
    void noVendorTypeInAPublicSignature() {
        ArchitectureRules.noVendorTypeInAPublicSignature(ROOT).check(production);
    }

    @Test
    void resultAndRendererLiveInApplication() {
        ArchitectureRules.resultAndRendererLiveInApplication(ROOT).check(production);
    }

    @Test
    void httpHoldsNoRenderingRule() {
        ArchitectureRules.httpHoldsNoRenderingRule(ROOT).check(production);
    }
}
