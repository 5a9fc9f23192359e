package io.pamkit.examples.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.cert.SelfSigned;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SyslogOverTlsRecipeTest {
  private static final KeyMaterial CA = SelfSigned.certificateAuthority("CN=SIEM test CA");
  private static final KeyMaterial SERVER = SelfSigned.builder("CN=localhost")
      .issuer(CA).dnsName("localhost").ipAddress("127.0.0.1").build();

  private static List<ApplianceEvent> alerts() {
    return List.of(
        ApplianceEvent.builder("UserAuthenticationFailed").applianceId("SPP-1")
            .level(EventLevel.Error).property("UserName", "alice").build(),
        ApplianceEvent.builder("AccessRequestDenied").applianceId("SPP-1")
            .level(EventLevel.Warn).property("Requester", "bob").build());
  }

  @Test
  void sendAlerts_trustedCollector_deliversCefOverTls() throws Exception {
    try (TlsSyslogReceiver collector = new TlsSyslogReceiver(SERVER)) {
      assertTrue(SyslogOverTlsRecipe.sendAlerts("localhost", collector.port(),
          List.of(CA.certificate()), alerts()));
      List<String> got = collector.await(2);
      assertEquals(2, got.size(), got.toString());
      assertTrue(got.get(0).contains("CEF:0|"), got.get(0));
      assertTrue(got.get(0).contains("vault_UserName=alice"), got.get(0));
      assertTrue(got.get(1).contains("AccessRequestDenied"), got.get(1));
    }
  }

  @Test
  void sendAlerts_untrustedCollector_nothingDeliveredInPlainText() throws Exception {
    KeyMaterial otherCa = SelfSigned.certificateAuthority("CN=Someone else");
    try (TlsSyslogReceiver collector = new TlsSyslogReceiver(SERVER)) {
      assertFalse(SyslogOverTlsRecipe.sendAlerts("localhost", collector.port(),
          List.of(otherCa.certificate()), alerts()));
      assertEquals(List.of(), collector.messages());
    }
  }
}
