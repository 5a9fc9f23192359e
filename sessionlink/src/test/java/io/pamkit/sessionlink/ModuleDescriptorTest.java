package io.pamkit.sessionlink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class ModuleDescriptorTest {
  @Test
  void exports_exactlyTheApiPackages() {
    ModuleDescriptor d = SppClient.class.getModule().getDescriptor();
    if (d == null) {
      return; // running on the class path: there is no descriptor to check
    }
    assertEquals("io.pamkit.sessionlink", d.name());
    Set<String> exported = d.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    assertEquals(Set.of("io.pamkit.sessionlink", "io.pamkit.sessionlink.simulator"), exported);
  }
}
