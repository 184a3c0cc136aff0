package io.cryptotalks.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.cryptotalks.common.events.DomainEvent;
import io.cryptotalks.common.events.EventCatalog;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module boundaries: services meet only through common (events) and the database, never through each other's code. */
class ArchitectureTests {

    private static final List<String> SERVICES = List.of("gateway", "auth", "users", "posts", "cryptorates");

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.cryptotalks");

    @Test
    void noServiceDependsOnAnotherService() {
        for (String service : SERVICES) {
            for (String other : SERVICES) {
                if (!service.equals(other)) {
                    noClasses()
                            .that()
                            .resideInAPackage("io.cryptotalks." + service + "..")
                            .should()
                            .dependOnClassesThat()
                            .resideInAPackage("io.cryptotalks." + other + "..")
                            .because("services meet through events and the database, not through each other's code")
                            .check(classes);
                }
            }
        }
    }

    @Test
    void theGatewaysFeaturePackagesHaveNoCycles() {
        slices().matching("io.cryptotalks.gateway.(*)..")
                .should()
                .beFreeOfCycles()
                .because("features depend downwards (session -> account -> secondfactor -> ratelimit, security -> web)")
                .check(classes);
    }

    @Test
    void commonDependsOnNoServiceAndNotOnTheDevstack() {
        noClasses()
                .that()
                .resideInAPackage("io.cryptotalks.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.cryptotalks.gateway..",
                        "io.cryptotalks.auth..",
                        "io.cryptotalks.users..",
                        "io.cryptotalks.posts..",
                        "io.cryptotalks.cryptorates..",
                        "io.cryptotalks.devstack..")
                .check(classes);
    }

    @Test
    void onlyTheGatewayServesHttpApis() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.cryptotalks.auth..",
                        "io.cryptotalks.users..",
                        "io.cryptotalks.posts..",
                        "io.cryptotalks.cryptorates..",
                        "io.cryptotalks.common..")
                .should()
                .beAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
                .check(classes);
    }

    @Test
    void everyEventIsAPastTenseRecordInTheCatalogue() {
        List<String> implementations = classes.stream()
                .filter(type -> type.isAssignableTo(DomainEvent.class) && !type.isInterface())
                .map(JavaClass::getName)
                .sorted()
                .collect(Collectors.toList());
        List<String> catalogued =
                EventCatalog.ALL.stream().map(Class::getName).sorted().toList();

        assertThat(implementations).isEqualTo(catalogued);
        for (Class<? extends DomainEvent> event : EventCatalog.ALL) {
            assertThat(event.isRecord()).as(event.getSimpleName()).isTrue();
            assertThat(event.getSimpleName()).as("past tense").matches(".*(ed|In|Out|Up)$");
        }
    }
}
