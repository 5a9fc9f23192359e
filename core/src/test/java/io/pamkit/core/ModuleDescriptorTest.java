// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class ModuleDescriptorTest {
  private final Module module = PamkitException.class.getModule();

  @Test
  void module_isNamedIoPamkitCore() {
    assertTrue(module.isNamed(), "tests must run on the module path");
    assertEquals("io.pamkit.core", module.getName());
  }

  @Test
  void exports_exactlyTheApiPackages() {
    ModuleDescriptor d = module.getDescriptor();
    assertNotNull(d);
    Set<String> unqualified =
        d.exports().stream()
            .filter(e -> !e.isQualified())
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet());
    assertEquals(
        Set.of(
            "io.pamkit.core",
            "io.pamkit.core.event",
            "io.pamkit.core.subscription",
            "io.pamkit.core.dispatch",
            "io.pamkit.core.dispatch.spi",
            "io.pamkit.core.journal",
            "io.pamkit.core.policy",
            "io.pamkit.core.cert",
            "io.pamkit.core.net",
            "io.pamkit.core.secret",
            "io.pamkit.core.config"),
        unqualified);
    assertTrue(
        d.exports().stream().noneMatch(e -> e.source().contains(".internal") && !e.isQualified()),
        "internal packages must never be exported to everyone");
  }

  @Test
  void exports_qualified_exactlyInternalToPamkitModules() {
    ModuleDescriptor d = module.getDescriptor();
    assertNotNull(d);
    Map<String, Set<String>> qualified =
        d.exports().stream()
            .filter(ModuleDescriptor.Exports::isQualified)
            .collect(
                Collectors.toMap(
                    ModuleDescriptor.Exports::source, ModuleDescriptor.Exports::targets));
    assertEquals(
        Map.of(
            "io.pamkit.core.internal",
            Set.of(
                "io.pamkit.notify",
                "io.pamkit.sessionlink",
                "io.pamkit.simulator",
                "io.pamkit.testing")),
        qualified);
  }

  @Test
  void packageInfos_listEveryPublicTypeOfEveryExportedPackage() {
    ModuleDescriptor d = module.getDescriptor();
    assertNotNull(d);
    PackageInfoLists.assertPackageInfosListPublicTypes(
        Path.of("src/main/java"),
        d.exports().stream()
            .filter(e -> !e.isQualified())
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet()));
  }

  @Test
  void opens_onlyToJackson() {
    ModuleDescriptor d = module.getDescriptor();
    for (ModuleDescriptor.Opens o : d.opens()) {
      assertEquals(Set.of("com.fasterxml.jackson.databind"), o.targets(), o.source());
    }
  }
}
