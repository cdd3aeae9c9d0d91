package io.stride.profile;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.stride.platform.test.ArchitectureRules;

@AnalyzeClasses(
    packages = "io.stride.profile",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

  @ArchTest static final ArchRule entitiesAreNotPublic = ArchitectureRules.ENTITIES_ARE_NOT_PUBLIC;

  @ArchTest
  static final ArchRule repositoriesAreNotPublic = ArchitectureRules.REPOSITORIES_ARE_NOT_PUBLIC;

  @ArchTest
  static final ArchRule controllersNeverReturnEntities =
      ArchitectureRules.CONTROLLERS_NEVER_RETURN_ENTITIES;

  @ArchTest static final ArchRule noFieldInjection = ArchitectureRules.NO_FIELD_INJECTION;

  @ArchTest
  static final ArchRule controllersDoNotUseRepositories =
      ArchitectureRules.CONTROLLERS_DO_NOT_USE_REPOSITORIES;
}
