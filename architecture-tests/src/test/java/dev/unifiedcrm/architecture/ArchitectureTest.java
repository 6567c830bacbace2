package dev.unifiedcrm.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

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

    /**
     * The modules come from the build itself (the parent's {@code <modules>} and each module's
     * {@code automatic.module.name}), so a new module cannot be forgotten here: its root package
     * must be on this module's class path, which means listing it in this module's pom.
     */
    @Test
    void everyModuleOfTheBuildIsOnTheClassPath() throws IOException {
        List<String> rootPackages = BuildModules.rootPackages(Path.of("..")).stream()
                .filter(name -> !name.equals(ROOT + ".architecture"))
                .toList();

        assertThat(rootPackages).contains(ROOT + ".domain", ROOT + ".provider.http");
        for (String rootPackage : rootPackages) {
            assertThat(production.stream().map(JavaClass::getPackageName))
                    .as("production classes of " + rootPackage + " (add the module to architecture-tests/pom.xml)")
                    .anyMatch(name -> name.equals(rootPackage) || name.startsWith(rootPackage + "."));
        }
    }

    @Test
    void providerKitKnowsNoAdapterNorWhoCallsThem() {
        ArchitectureRules.providerKitKnowsNoAdapterNorWhoCallsThem(ROOT).check(production);
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
