package org.tribune;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.persistence.Entity;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tribune.common.Clock;
import org.tribune.persistence.NotAChange;
import org.tribune.persistence.Writes;
import org.tribune.web.IfMatch;
import org.tribune.web.PageParams;
import org.tribune.web.QueryParams;
import org.tribune.web.Representations;

/** The boundaries docs/api-conventions.md states, checked on the compiled main code. */
class ArchitectureTest {

    private static final Set<String> SHARED = Set.of("web", "security", "common", "persistence", "fulltext");

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.tribune");

    @Test
    void packagesHaveNoCycles() {
        slices().matching("org.tribune.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void sharedPackagesDependOnNoFeature() {
        classes().that(inShared()).should(dependOnlyOnSharedOrOutsideCode()).check(MAIN);
    }

    @Test
    void aFeatureUsesAnotherOnlyThroughItsServicesAndRecords() {
        classes().should(reachOtherFeaturesOnlyThroughTheirServicesAndRecords()).check(MAIN);
    }

    @Test
    void resourcesTouchNeitherRepositoriesNorEntities() {
        noClasses()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .dependOnClassesThat()
                .areAssignableTo(PanacheRepositoryBase.class)
                .orShould()
                .dependOnClassesThat()
                .areAnnotatedWith(Entity.class)
                .check(MAIN);
    }

    @Test
    void onlyResourcesSpeakHttp() {
        noClasses()
                .that()
                .areNotAnnotatedWith(Path.class)
                .and()
                .resideOutsideOfPackage("org.tribune.web..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(Representations.class, IfMatch.class, PageParams.class, QueryParams.class)
                .because("services take typed values (a Precondition, a PageRequest, a query record), never headers")
                .check(MAIN);
    }

    @Test
    void resourcesLeaveTransactionsToServices() {
        noClasses()
                .that()
                .areAnnotatedWith(Path.class)
                .should()
                .beAnnotatedWith(Transactional.class)
                .check(MAIN);
        methods()
                .that()
                .areDeclaredInClassesThat()
                .areAnnotatedWith(Path.class)
                .should()
                .notBeAnnotatedWith(Transactional.class)
                .check(MAIN);
    }

    @Test
    void entitiesNeverLeaveServices() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("Service")
                .and()
                .arePublic()
                .should()
                .notHaveRawReturnType(annotatedWith(Entity.class))
                .check(MAIN);
    }

    @Test
    void onlyTheWritePipelineStoresOrRemovesResources() {
        noClasses()
                .that()
                .doNotBelongToAnyOf(Writes.class)
                .should()
                .callMethodWhere(repositoryWrite())
                .because("every write goes through Writes, which locks, checks, records the change and answers")
                .check(MAIN);
    }

    @Test
    void onlyTheClockReadsTheTime() {
        noClasses()
                .that()
                .doNotBelongToAnyOf(Clock.class)
                .should()
                .callMethodWhere(readsSystemTime())
                .because("tests move the one Clock, and every stored time, expiry and visibility must move with it")
                .check(MAIN);
    }

    private static DescribedPredicate<JavaClass> inShared() {
        return DescribedPredicate.describe(
                "are in a shared package (" + String.join(", ", SHARED) + ")", c -> SHARED.contains(topPackage(c)));
    }

    private static ArchCondition<JavaClass> dependOnlyOnSharedOrOutsideCode() {
        return new ArchCondition<>("depend on no feature package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                item.getDirectDependenciesFromSelf().forEach(d -> {
                    String target = topPackage(d.getTargetClass());
                    if (target != null && !SHARED.contains(target) && !target.isEmpty()) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                });
            }
        };
    }

    private static ArchCondition<JavaClass> reachOtherFeaturesOnlyThroughTheirServicesAndRecords() {
        return new ArchCondition<>("reach other features only through their services, records, enums and interfaces") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String from = topPackage(item);
                item.getDirectDependenciesFromSelf().forEach(d -> {
                    JavaClass target = d.getTargetClass();
                    String to = topPackage(target);
                    if (to == null || to.isEmpty() || to.equals(from) || SHARED.contains(to)) {
                        return;
                    }
                    if (!isPublicContract(target)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                });
            }
        };
    }

    /** What a feature offers others: services, records, enums, and the interfaces it asks others to implement. */
    private static boolean isPublicContract(JavaClass c) {
        JavaClass top = c;
        while (top.getEnclosingClass().isPresent() && !top.isRecord() && !top.isEnum()) {
            top = top.getEnclosingClass().get();
        }
        return top.isRecord()
                || top.isEnum()
                || top.isInterface()
                || (top.getSimpleName().endsWith("Service") && !top.isAnnotatedWith(Entity.class));
    }

    /** The feature or shared package a class is in; "" for the root package, null outside Tribune. */
    private static String topPackage(JavaClass c) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith("org.tribune")) {
            return null;
        }
        String rest = pkg.length() > "org.tribune".length() ? pkg.substring("org.tribune.".length()) : "";
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static DescribedPredicate<JavaClass> annotatedWith(Class<? extends Annotation> a) {
        return DescribedPredicate.describe("annotated with @" + a.getSimpleName(), c -> c.isAnnotatedWith(a));
    }

    private static DescribedPredicate<JavaMethodCall> repositoryWrite() {
        Set<String> writes = Set.of("persist", "persistAndFlush", "delete", "deleteById", "deleteAll", "update");
        return DescribedPredicate.describe(
                "a repository's persist, delete or update",
                call -> writes.contains(call.getName())
                        && call.getTargetOwner().isAssignableTo(PanacheRepositoryBase.class)
                        && !call.getOrigin().isAnnotatedWith(NotAChange.class));
    }

    private static DescribedPredicate<JavaMethodCall> readsSystemTime() {
        return DescribedPredicate.describe(
                "a read of the system clock (java.time's now(), System.currentTimeMillis())",
                call -> (call.getName().equals("now")
                                && call.getTargetOwner().getPackageName().equals("java.time"))
                        || (call.getName().equals("currentTimeMillis")
                                && call.getTargetOwner().isEquivalentTo(System.class)));
    }
}
