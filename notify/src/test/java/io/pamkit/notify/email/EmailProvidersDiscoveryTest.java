package io.pamkit.notify.email;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.notify.TransportRegistry;
import io.pamkit.notify.ews.EwsTransportProvider;
import io.pamkit.notify.sendgrid.SendGridTransportProvider;
import org.junit.jupiter.api.Test;

/** The SendGrid and EWS providers are found by ServiceLoader under their ids. */
final class EmailProvidersDiscoveryTest {

  @Test
  void discover_findsSendGridAndEws() {
    TransportRegistry r = TransportRegistry.discover(getClass().getClassLoader());
    assertTrue(r.providerIds().containsAll(java.util.Set.of("sendgrid", "ews", "smtp")),
        r.providerIds()::toString);
    assertInstanceOf(SendGridTransportProvider.class, r.provider("SendGrid").orElseThrow());
    assertInstanceOf(EwsTransportProvider.class, r.provider("ews").orElseThrow());
  }
}
