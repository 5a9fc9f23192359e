package io.pamkit.notify;

import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.FailureType;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.notify.smtp.SmtpTransport;
import io.pamkit.notify.smtp.SmtpTransportProvider;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.notify.spi.TransportProvider;
import io.pamkit.notify.spi.TransportSettings;
import io.pamkit.testing.InMemoryTransport;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class TransportRegistryTest {

  @Test
  void discover_classLoader_findsBuiltInProviders() {
    TransportRegistry r = TransportRegistry.discover(getClass().getClassLoader());
    assertTrue(r.providerIds().containsAll(Set.of("smtp", "syslog")), r.toString());
    assertTrue(r.provider("SMTP").orElseThrow() instanceof SmtpTransportProvider);
  }

  @Test
  void create_unknownId_listsKnownIdsAndNamesTheArtifact() {
    TransportRegistry r = TransportRegistry.discover(getClass().getClassLoader());
    ValidationException e = assertThrows(ValidationException.class,
        () -> r.create("pigeon", TransportSettings.empty()));
    assertTrue(e.getMessage().contains("unknown provider id 'pigeon'"), e.getMessage());
    assertTrue(e.getMessage().contains("syslog"), e.getMessage());
    assertTrue(e.getMessage().contains("smtp"), e.getMessage());
    assertTrue(e.getMessage().contains("class path or module path"), e.getMessage());

    ValidationException syslog = assertThrows(ValidationException.class,
        () -> TransportRegistry.builder().build().create("syslog", TransportSettings.empty()));
    assertTrue(syslog.getMessage().contains("add io.pamkit:pamkit-notify"), syslog.getMessage());
  }

  @Test
  void create_smtpFromSettings_guardedSmtpTransport() {
    TransportRegistry r = TransportRegistry.discover(getClass().getClassLoader());
    Transport t = r.create("smtp", TransportSettings.builder()
        .value("ServerAddress", "[192.0.2.25]")
        .value("SenderEmail", "pamkit@example.com")
        .build());
    assertEquals("Email", t.channel());
    assertTrue(((io.pamkit.notify.internal.GuardedTransport) t).delegate()
        instanceof SmtpTransport);
    t.close();
  }

  @Test
  void create_invalidSettings_namesTheSettingPath() {
    TransportRegistry r = TransportRegistry.discover(getClass().getClassLoader());
    ValidationException e = assertThrows(ValidationException.class, () -> r.create("smtp",
        TransportSettings.builder().value("PortNumber", "70000").build()));
    assertEquals("EmailClientConfig.PortNumber", e.violations().get(0).path());
    assertTrue(e.getMessage().contains("70000 is outside 1..65535"), e.getMessage());

    ValidationException typo = assertThrows(ValidationException.class, () -> r.create("smtp",
        TransportSettings.builder().value("ServerAdress", "x").build()));
    assertTrue(typo.getMessage().contains("EmailClientConfig.ServerAdress: unknown setting"),
        typo.getMessage());
  }

  @Test
  void register_instance_returnedGuardedById() {
    InMemoryTransport mem = InMemoryTransport.create("Email");
    TransportRegistry r = TransportRegistry.builder().register(mem).build();
    Transport t = r.transport("email");
    t.send(notification("e1", "a@example.com"));
    assertEquals(1, mem.count());
    assertSame(t, r.transport("Email"));
    ValidationException e = assertThrows(ValidationException.class, () -> r.transport("Snmp"));
    assertTrue(e.getMessage().contains("known ids are [Email]"), e.getMessage());
  }

  @Test
  void register_provider_replacesDiscoveredOne() {
    TransportProvider custom = new TransportProvider() {
      @Override
      public String id() {
        return "memory";
      }

      @Override
      public Transport create(TransportSettings settings) {
        return InMemoryTransport.create("Custom");
      }
    };
    TransportRegistry r = TransportRegistry.builder()
        .discover(getClass().getClassLoader()).register(custom).build();
    assertEquals("Custom", r.create("memory", TransportSettings.empty()).channel());
  }

  @Test
  void guard_thirdPartyThrows_transientDeliveryExceptionWithReason() {
    Transport broken = new Transport() {
      @Override
      public String channel() {
        return "Broken";
      }

      @Override
      public DeliveryReceipt send(Notification n) {
        throw new IllegalStateException("socket pool exhausted\r\nFAKE LOG LINE");
      }
    };
    Transport g = TransportRegistry.guard(broken);
    for (int i = 0; i < 3; i++) {
      DeliveryException e = assertThrows(DeliveryException.class,
          () -> g.send(notification("g", "a@example.com")));
      assertEquals(FailureType.TRANSIENT, e.failureType());
      assertEquals("Broken", e.transportId());
      assertTrue(e.getMessage().contains("IllegalStateException: socket pool exhausted"),
          e.getMessage());
      assertTrue(e.getMessage().indexOf('\n') < 0 && e.getMessage().indexOf('\r') < 0);
      assertTrue(e.getCause() instanceof IllegalStateException);
    }
  }

  @Test
  void guard_sameFailureRepeated_loggedOnceAtWarn() {
    Transport g = TransportRegistry.guard(new Transport() {
      @Override
      public String channel() {
        return "Flaky";
      }

      @Override
      public DeliveryReceipt send(Notification n) {
        throw new UnsupportedOperationException("not today");
      }
    });
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      for (int i = 0; i < 5; i++) {
        assertThrows(DeliveryException.class, () -> g.send(notification("l", "a@example.com")));
      }
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(1, log.split("transport 'Flaky' failed unexpectedly", -1).length - 1, log);
  }

  @Test
  void guard_deliveryExceptionAndNullReceipt_handled() {
    InMemoryTransport mem = InMemoryTransport.create("Email");
    mem.failNext(FailureType.RATE_LIMITED, "slow down", java.time.Duration.ofSeconds(30));
    Transport g = TransportRegistry.guard(mem);
    DeliveryException e = assertThrows(DeliveryException.class,
        () -> g.send(notification("r", "a@example.com")));
    assertEquals(FailureType.RATE_LIMITED, e.failureType());
    assertEquals(java.time.Duration.ofSeconds(30), e.retryAfter().orElseThrow());

    Transport nullReceipt = TransportRegistry.guard(new Transport() {
      @Override
      public String channel() {
        return "Null";
      }

      @Override
      public DeliveryReceipt send(Notification n) {
        return null;
      }
    });
    assertEquals(FailureType.TRANSIENT, assertThrows(DeliveryException.class,
        () -> nullReceipt.send(notification("n", "a@example.com"))).failureType());
    assertSame(g, TransportRegistry.guard(g));
  }

  @Test
  void guard_closeThrows_contained() {
    Transport g = TransportRegistry.guard(new Transport() {
      @Override
      public String channel() {
        return "BadClose";
      }

      @Override
      public DeliveryReceipt send(Notification n) {
        throw new AssertionError("unused");
      }

      @Override
      public void close() {
        throw new IllegalStateException("boom");
      }
    });
    g.close();
  }
}
