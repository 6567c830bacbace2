package dev.unifiedcrm.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.HashSet;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagon's boundaries as rules over a root package, so that the same rules check the real
 * modules and, in tests, small deliberately bad fixtures.
 */
final class ArchitectureRules {

    /** Libraries that must never show in the core's API: HTTP, JSON, web framework. */
    static final String[] VENDOR_PACKAGES = {"feign..", "okhttp3..", "com.fasterxml..", "io.javalin..", "org.eclipse.jetty..",
            "org.mapstruct..", "dev.failsafe..", "io.github.bucket4j..", "io.micrometer..", "org.slf4j..", "io.lettuce.."};

    private ArchitectureRules() {
    }

    static ArchRule domainDependsOnTheJdkOnly(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".domain..", "java..")
                .because("domain is pure Java: the unified Lead, the port and the SPI, with no framework");
    }

    static ArchRule applicationDependsOnDomainOnly(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".application..", root + ".domain..", "java..")
                .because("the use case and its formats stay free of transport and vendor libraries");
    }

    static ArchRule resilienceDependsOnTheCoreAndItsLibrariesOnly(String root) {
        return classes().that().resideInAPackage(root + ".resilience..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".resilience..", root + ".application..",
                        root + ".domain..", "java..", "dev.failsafe..", "io.github.bucket4j..")
                .because("resilience puts the application's retry and pacing ports on Failsafe and Bucket4j, nothing more");
    }

    static ArchRule sharedStateDependsOnTheCoreAndItsLibrariesOnly(String root) {
        return classes().that().resideInAPackage(root + ".sharedstate..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(root + ".sharedstate..", root + ".application..",
                        root + ".domain..", "java..", "io.lettuce..", "io.github.bucket4j..", "com.fasterxml.jackson..")
                .because("the shared state puts the application's idempotency and pacing ports on Redis, and knows no"
                        + " adapter, service or HTTP type");
    }

    static ArchRule sandboxStandsApartFromTheLibrary(String root) {
        return noClasses().that().resideInAPackage(root + ".sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".domain..", root + ".application..",
                        root + ".resilience..", root + ".provider..", root + ".adapters..", root + ".api..")
                .because("the simulators play the CRMs' part: they know HTTP, not our code");
    }

    static ArchRule adaptersDependOnNoOtherModuleThanDomain(String root) {
        return noClasses().that().resideInAPackage(root + ".adapters..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".application..", root + ".api..",
                        root + ".resilience..", root + ".sandbox..")
                .because("an adapter implements the domain's port on the provider kit and knows nothing of who calls it");
    }

    static ArchRule providerKitKnowsNoAdapterNorWhoCallsThem(String root) {
        return noClasses().that().resideInAPackage(root + ".provider..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".adapters..", root + ".application..",
                        root + ".api..", root + ".resilience..", root + ".sandbox..")
                .because("the provider kit serves every adapter and holds nothing CRM-specific");
    }

    static ArchRule adaptersAreIndependentOfEachOther(String root) {
        return slices().matching(root + ".adapters.(*)..")
                .should().notDependOnEachOther()
                .because("a team pulls in only the adapters it needs");
    }

    static ArchRule nothingOutsideAnAdapterNamesOne(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".adapters..")
                .should().dependOnClassesThat().resideInAPackage(root + ".adapters..")
                .because("adapters are found through java.util.ServiceLoader, never imported");
    }

    static ArchRule noVendorTypeInAPublicSignature(String root) {
        return members().that().areDeclaredInClassesThat(isPublicIn(root + ".domain..", root + ".application..",
                        root + ".resilience..", root + ".sharedstate..", root + ".adapters.."))
                .and().arePublic()
                .should(exposeNoTypeFrom(VENDOR_PACKAGES))
                .because("no Feign, Jackson, Javalin or HTTP type crosses a port or a module's public API");
    }

    static ArchRule resultAndRendererLiveInApplication(String root) {
        return classes().that().haveSimpleName("DeleteLeadResult").or().haveSimpleName("UnifiedAnswers")
                .should().resideInAPackage(root + ".application")
                .because("an embedder gets the use case's result and its unified rendering from the library, not from the HTTP service");
    }

    static ArchRule httpHoldsNoRenderingRule(String root) {
        String application = root + ".application.";
        Set<String> renderingParts = Set.of(application + "LeadViews", application + "FieldExclusions",
                application + "RateLimitHeaders", application + "ReasonPhrases", application + "DeleteOutcome");
        return noClasses().that().resideInAPackage(root + ".api..")
                .should().dependOnClassesThat(DescribedPredicate.describe(
                        "are the cases of DeleteLeadResult or the parts of an answer (lead views, exclusions, rate-limit"
                                + " headers, reason phrases, outcomes)",
                        javaClass -> javaClass.getName().startsWith(application + "DeleteLeadResult$")
                                || renderingParts.contains(javaClass.getName())))
                .because("the HTTP service sends what UnifiedAnswers renders and decides nothing about an answer's content");
    }

    private static DescribedPredicate<JavaClass> isPublicIn(String... packages) {
        return DescribedPredicate.describe("are public in " + String.join(", ", packages),
                javaClass -> javaClass.getModifiers().contains(JavaModifier.PUBLIC)
                        && JavaClass.Predicates.resideInAnyPackage(packages).test(javaClass));
    }

    private static ArchCondition<JavaMember> exposeNoTypeFrom(String... packages) {
        DescribedPredicate<JavaClass> vendor = JavaClass.Predicates.resideInAnyPackage(packages);
        return new ArchCondition<>("expose no type from " + String.join(", ", packages)) {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                Set<JavaClass> exposed = new HashSet<>();
                if (member instanceof JavaField field) {
                    exposed.addAll(field.getType().getAllInvolvedRawTypes());
                }
                if (member instanceof JavaCodeUnit codeUnit) {
                    exposed.addAll(codeUnit.getReturnType().getAllInvolvedRawTypes());
                    codeUnit.getParameterTypes().forEach(type -> exposed.addAll(type.getAllInvolvedRawTypes()));
                }
                exposed.stream().filter(vendor).forEach(type -> events.add(SimpleConditionEvent.violated(member,
                        member.getFullName() + " exposes " + type.getName())));
            }
        };
    }
}
