package io.pamkit.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class ModuleTest {

  @Test
  void descriptor_exportsExactlyTheFixturePackage() {
    ModuleDescriptorAssert.assertThatModuleOf(FakeClock.class)
        .hasName("io.pamkit.testing")
        .exportsExactly("io.pamkit.testing")
        .exportsNoInternalPackageToEveryone();
  }

  @Test
  void coreDescriptor_internalExportedOnlyToPamkitModules() {
    ModuleDescriptorAssert.assertThatModuleOf(io.pamkit.core.cert.KeyMaterial.class)
        .exportsOnlyTo("io.pamkit.core.internal", "io.pamkit.notify", "io.pamkit.sessionlink",
            "io.pamkit.simulator", "io.pamkit.testing")
        .exportsNoInternalPackageToEveryone();
  }

  @Test
  void exportsExactly_missingPackage_failsNamingIt() {
    AssertionError e = assertThrows(AssertionError.class,
        () -> ModuleDescriptorAssert.assertThatModuleOf(FakeClock.class)
            .exportsExactly("io.pamkit.testing", "io.pamkit.testing.extra"));
    assertTrue(e.getMessage().contains("missing [io.pamkit.testing.extra]"), e.getMessage());
  }

  @Test
  void assertThatModuleOf_classPathType_fails() {
    assertThrows(AssertionError.class,
        () -> ModuleDescriptorAssert.assertThatModuleOf(org.junit.jupiter.api.Test.class)
            .hasName("not.this.one"));
  }
}
