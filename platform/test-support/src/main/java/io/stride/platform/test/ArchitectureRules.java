package io.stride.platform.test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The few structural rules every Stride service keeps (house style). A service's {@code
 * ArchitectureTests} includes them all with {@code ArchTests.in(ArchitectureRules.class)}.
 */
public final class ArchitectureRules {

  private static final String ENTITY = "jakarta.persistence.Entity";
  private static final String REPOSITORY = "org.springframework.data.repository.Repository";
  private static final String REST_CONTROLLER =
      "org.springframework.web.bind.annotation.RestController";
  private static final String AUTOWIRED = "org.springframework.beans.factory.annotation.Autowired";

  private ArchitectureRules() {}

  /** Entities and repositories stay inside their feature package. */
  @ArchTest
  public static final ArchRule ENTITIES_ARE_NOT_PUBLIC =
      classes().that().areAnnotatedWith(ENTITY).should().notBePublic().allowEmptyShould(true);

  @ArchTest
  public static final ArchRule REPOSITORIES_ARE_NOT_PUBLIC =
      classes().that().areAssignableTo(REPOSITORY).should().notBePublic().allowEmptyShould(true);

  /** API responses are records made for the purpose, never JPA entities. */
  @ArchTest
  public static final ArchRule CONTROLLERS_NEVER_RETURN_ENTITIES =
      methods()
          .that()
          .areDeclaredInClassesThat()
          .areAnnotatedWith(REST_CONTROLLER)
          .should()
          .haveRawReturnType(
              DescribedPredicate.not(
                  DescribedPredicate.describe(
                      "a JPA entity", (JavaClass type) -> type.isAnnotatedWith(ENTITY))))
          .allowEmptyShould(true);

  /** Constructor injection only. */
  @ArchTest
  public static final ArchRule NO_FIELD_INJECTION =
      noFields().should().beAnnotatedWith(AUTOWIRED).allowEmptyShould(true);

  /** Features do not reach into each other's persistence. */
  @ArchTest
  public static final ArchRule CONTROLLERS_DO_NOT_USE_REPOSITORIES =
      noClasses()
          .that()
          .areAnnotatedWith(REST_CONTROLLER)
          .should()
          .dependOnClassesThat()
          .areAssignableTo(REPOSITORY)
          .allowEmptyShould(true);

  /**
   * Events go through the typed API only: {@code EventPublisher.publish(event)} and
   * {@code @EventHandler} methods. A service never names a topic or talks to Kafka itself, so the
   * outbox, the inbox, the dead-letter path and the catalog check cannot be bypassed.
   */
  @ArchTest
  public static final ArchRule EVENTS_GO_THROUGH_THE_TYPED_API =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..")
          .because("services publish with EventPublisher and consume with @EventHandler")
          .allowEmptyShould(true);

  /**
   * No package cycles between a service's features ({@code io.stride.<service>.<feature>}, with
   * their sub-packages): what several features share lives in a small package of its own (e.g.
   * workout-service's {@code activity} and {@code visibility}), so each feature can be read, tested
   * and changed from the bottom up.
   */
  @ArchTest
  public static final ArchRule NO_PACKAGE_CYCLES =
      slices()
          .matching("io.stride.*.(*)..")
          .namingSlices("feature $1")
          .should()
          .beFreeOfCycles()
          .allowEmptyShould(true);
}
