package io.pamkit.sessionlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class ModuleDescriptorTest {
  @Test
  void exports_exactlyTheApiPackages() {
    ModuleDescriptor d = SppClient.class.getModule().getDescriptor();
    assertNotNull(d, "tests run on the module path, so the module has a descriptor");
    assertEquals("io.pamkit.sessionlink", d.name());
    Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    assertEquals(Set.of("io.pamkit.sessionlink", "io.pamkit.sessionlink.simulator"), exported);
  }
}
