// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.testing.ModuleDescriptorAssert;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class ModuleDescriptorTest {
  private static ModuleDescriptor descriptor() {
    ModuleDescriptor d = SppSimulator.class.getModule().getDescriptor();
    assertNotNull(d, "tests run on the module path, so the module has a descriptor");
    return d;
  }

  @Test
  void exports_exactlyTheSimulatorPackage() {
    ModuleDescriptor d = descriptor();
    assertEquals("io.pamkit.simulator", d.name());
    Set<String> exported =
        d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    assertEquals(Set.of("io.pamkit.simulator"), exported);
    assertTrue(d.exports().stream().allMatch(e -> e.targets().isEmpty()), d.exports().toString());
  }

  @Test
  void packageInfos_listEveryPublicTypeOfEveryExportedPackage() {
    ModuleDescriptorAssert.assertThatModuleOf(SppSimulator.class)
        .listsPublicTypesInPackageInfos(Path.of("src/main/java"));
  }

  @Test
  void requires_httpServerAndTheClientLibrary() {
    Set<String> required =
        descriptor().requires().stream()
            .map(ModuleDescriptor.Requires::name)
            .collect(Collectors.toSet());
    assertTrue(
        required.containsAll(Set.of("jdk.httpserver", "io.pamkit.sessionlink")),
        required.toString());
  }
}
