// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ModuleTest {

  @Test
  void descriptor_exportsExactlyTheFixturePackage() {
    ModuleDescriptorAssert.assertThatModuleOf(FakeClock.class)
        .hasName("io.pamkit.testing")
        .exportsExactly("io.pamkit.testing")
        .exportsNothingQualified()
        .exportsNoInternalPackageToEveryone()
        .listsPublicTypesInPackageInfos(Path.of("src/main/java"));
  }

  @Test
  void exportsNothingQualified_coreWithItsInternalExport_failsNamingIt() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                ModuleDescriptorAssert.assertThatModuleOf(io.pamkit.core.cert.KeyMaterial.class)
                    .exportsNothingQualified());
    assertTrue(e.getMessage().contains("io.pamkit.core.internal to"), e.getMessage());
  }

  @Test
  void assertPackageInfosListPublicTypes_unlistedAndStaleNames_failNamingBoth(@TempDir Path root)
      throws IOException {
    Path dir = Files.createDirectories(root.resolve("p/q"));
    Files.writeString(
        dir.resolve("package-info.java"),
        String.join(
            "\n",
            "/**",
            " * Purpose.",
            " *",
            " * <h2>Public types</h2>",
            " *",
            " * <ul>",
            " *   <li>{@link Listed}: used by callers.",
            " *   <li>{@link p.q.Gone}: removed since.",
            " * </ul>",
            " */",
            "package p.q;"));
    Files.writeString(
        dir.resolve("Listed.java"),
        "package p.q;\n/** {@code public class Fake {} } */\npublic final class Listed {\n"
            + "  public static final class Nested {}\n  String s = \"public class X {\";\n"
            + "  char c = '{';\n}\n");
    Files.writeString(
        dir.resolve("Unlisted.java"),
        "package p.q;\n@Deprecated(since = \"1\")\npublic sealed interface Unlisted permits A {}\n"
            + "// public class Commented {}\nfinal class A implements Unlisted {}\n");
    Files.writeString(dir.resolve("Hidden.java"), "package p.q;\nfinal class Hidden {}\n");

    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> ModuleDescriptorAssert.assertPackageInfosListPublicTypes(root, Set.of("p.q")));

    assertTrue(
        e.getMessage()
            .contains("p.q: public types not listed in package-info.java:" + " [Unlisted]"),
        e.getMessage());
    assertTrue(
        e.getMessage().contains("not a public top-level type of the package: [Gone]"),
        e.getMessage());
  }

  @Test
  void assertPackageInfosListPublicTypes_noSection_failsNamingThePackage(@TempDir Path root)
      throws IOException {
    Path dir = Files.createDirectories(root.resolve("p"));
    Files.writeString(dir.resolve("package-info.java"), "/** Purpose. */\npackage p;\n");

    AssertionError e =
        assertThrows(
            AssertionError.class,
            () -> ModuleDescriptorAssert.assertPackageInfosListPublicTypes(root, Set.of("p")));

    assertTrue(
        e.getMessage().contains("p: package-info.java has no <h2>Public types</h2>"),
        e.getMessage());
  }

  @Test
  void coreDescriptor_internalExportedOnlyToPamkitModules() {
    ModuleDescriptorAssert.assertThatModuleOf(io.pamkit.core.cert.KeyMaterial.class)
        .exportsOnlyTo(
            "io.pamkit.core.internal",
            "io.pamkit.notify",
            "io.pamkit.sessionlink",
            "io.pamkit.simulator",
            "io.pamkit.testing")
        .exportsNoInternalPackageToEveryone();
  }

  @Test
  void exportsExactly_missingPackage_failsNamingIt() {
    AssertionError e =
        assertThrows(
            AssertionError.class,
            () ->
                ModuleDescriptorAssert.assertThatModuleOf(FakeClock.class)
                    .exportsExactly("io.pamkit.testing", "io.pamkit.testing.extra"));
    assertTrue(e.getMessage().contains("missing [io.pamkit.testing.extra]"), e.getMessage());
  }

  @Test
  void assertThatModuleOf_classPathType_fails() {
    assertThrows(
        AssertionError.class,
        () ->
            ModuleDescriptorAssert.assertThatModuleOf(org.junit.jupiter.api.Test.class)
                .hasName("not.this.one"));
  }

  /**
   * Core's tests keep a copy of the package-info check (pamkit-testing depends on pamkit-core, so
   * they cannot use this one); the copy is tested here, by being the same code.
   */
  @Test
  void corePackageInfoListsCopy_isTheSameCodeAsTheOriginal() throws IOException {
    Path copy = Path.of("../core/src/test/java/io/pamkit/core/PackageInfoLists.java");
    Assumptions.assumeTrue(Files.isRegularFile(copy), "core's sources are not next to this module");
    Path original = Path.of("src/main/java/io/pamkit/testing/ModuleDescriptorAssert.java");
    assertEquals(
        fromTheCheckOn(Files.readString(original)).replace("public static void", "static void"),
        fromTheCheckOn(Files.readString(copy)));
  }

  /** The source from the check's declaration to the end of the file. */
  private static String fromTheCheckOn(String source) {
    int at = source.indexOf("static void assertPackageInfosListPublicTypes(");
    assertTrue(at > 0, "the check is declared in the source");
    return source.substring(at);
  }
}
