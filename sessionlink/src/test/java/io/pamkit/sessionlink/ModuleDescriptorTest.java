// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.pamkit.testing.ModuleDescriptorAssert;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class ModuleDescriptorTest {
  private static ModuleDescriptor descriptor() {
    ModuleDescriptor d = SppClient.class.getModule().getDescriptor();
    assertNotNull(d, "tests run on the module path, so the module has a descriptor");
    return d;
  }

  @Test
  void exports_exactlyTheApiAndModelPackages() {
    ModuleDescriptor d = descriptor();
    assertEquals("io.pamkit.sessionlink", d.name());
    Map<String, Set<String>> exported =
        d.exports().stream()
            .collect(
                Collectors.toMap(
                    ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
    assertEquals(
        Map.of(
            "io.pamkit.sessionlink", Set.of(),
            "io.pamkit.sessionlink.model", Set.of(),
            "io.pamkit.sessionlink.internal", Set.of("io.pamkit.simulator")),
        exported);
  }

  @Test
  void packageInfos_listEveryPublicTypeOfEveryExportedPackage() {
    ModuleDescriptorAssert.assertThatModuleOf(SppClient.class)
        .listsPublicTypesInPackageInfos(Path.of("src/main/java"));
  }

  @Test
  void requires_noHttpServer() {
    Set<String> required =
        descriptor().requires().stream()
            .map(ModuleDescriptor.Requires::name)
            .collect(Collectors.toSet());
    assertFalse(required.contains("jdk.httpserver"), required.toString());
  }
}
