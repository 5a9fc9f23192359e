package io.pamkit.notify.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.secret.Secret;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class TransportSettingsTest {

  @Test
  void readers_parseAndDefault() {
    TransportSettings s = TransportSettings.builder().path("X")
        .value("Port", " 465 ").value("Tls", "TRUE").build();
    assertEquals(465, s.intValue("Port", 25, 1, 65535));
    assertEquals(25, s.intValue("Other", 25, 1, 65535));
    assertTrue(s.flag("Tls", false));
    assertFalse(s.flag("Missing", false));
  }

  @Test
  void readers_badValues_validationNamesPath() {
    TransportSettings s = TransportSettings.builder().path("EmailClientConfig")
        .value("PortNumber", "abc").value("RequireTlsFlag", "yes").build();
    assertEquals("EmailClientConfig.PortNumber", assertThrows(ValidationException.class,
        () -> s.intValue("PortNumber", 25, 1, 65535)).violations().get(0).path());
    assertTrue(assertThrows(ValidationException.class, () -> s.flag("RequireTlsFlag", true))
        .getMessage().contains("'yes' is not true or false"));
  }

  @Test
  void toString_neverShowsSecrets() {
    TransportSettings s = TransportSettings.builder()
        .secret("ServiceAccountPassword", Secret.of("hunter2")).build();
    assertFalse(s.toString().contains("hunter2"), s.toString());
    assertEquals("hunter2", s.secret("ServiceAccountPassword").orElseThrow().reveal());
  }

  @Test
  void requireKnown_unknownSetting_listed() {
    TransportSettings s = TransportSettings.builder().value("Prot", "1").build();
    ValidationException e = assertThrows(ValidationException.class,
        () -> s.requireKnown(Set.of("Port")));
    assertTrue(e.getMessage().contains("Prot: unknown setting; known settings are [Port]"),
        e.getMessage());
  }

  @Test
  void attachment_byType() {
    RecipientResolver r = RecipientResolver.none();
    TransportSettings s = TransportSettings.builder().attach(RecipientResolver.class, r).build();
    assertEquals(r, s.attachment(RecipientResolver.class).orElseThrow());
    assertTrue(s.attachment(String.class).isEmpty());
  }
}
