package io.pamkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.cert.CertificateSigningRequest;
import io.pamkit.core.cert.HostnameMatch;
import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.cert.KeyType;
import io.pamkit.core.cert.SelfSigned;
import io.pamkit.core.cert.TlsContexts;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.LaneConfig;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.RetryPolicy;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventCategory;
import io.pamkit.core.event.EventDefinition;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.InMemoryCredentialResolver;
import io.pamkit.core.secret.Secret;
import io.pamkit.core.subscription.Subscriber;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The usage examples in core's Javadoc, compiled and run. Each test's body between the marker
 * comments is the example its type's Javadoc shows (with the example's free variables declared
 * above it): when an example changes, change it here too.
 */
final class JavadocExamplesTest {

  /** {@link ApplianceEvent}. */
  @Test
  void applianceEvent_builderExample_buildsTheEvent() {
    // example
    ApplianceEvent event = ApplianceEvent.builder("PasswordChangeFailed")
        .applianceId("SPP-1")
        .level(EventLevel.Error)
        .property("AssetName", "dc01.example.com")
        .build();
    // end

    assertEquals("PasswordChangeFailed", event.name());
    assertEquals("dc01.example.com", event.properties().get("AssetName"));
  }

  /** {@link EventCatalog}. */
  @Test
  void eventCatalog_extendExample_findsShippedAndAddedEvents() {
    // example
    EventCatalog catalog = EventCatalog.defaults()
        .extend(List.of(new EventDefinition("BadgeScanned", EventCategory.AccessRequest,
            EventLevel.Info)));
    EventDefinition d = catalog.require("PasswordChangeFailed"); // PasswordManagement, Error
    // end

    assertEquals(EventCategory.PasswordManagement, d.category());
    assertEquals(EventLevel.Error, d.defaultLevel());
    assertTrue(catalog.contains("BadgeScanned"));
  }

  /** {@link InMemoryCredentialResolver}. */
  @Test
  void inMemoryCredentialResolver_putExample_resolvesTheAccount() throws Exception {
    // example
    InMemoryCredentialResolver resolver = InMemoryCredentialResolver.create()
        .put(new AccountReference(AccountReference.Kind.DIRECTORY_ACCOUNT, "corp.example.com",
            "svc-smtp"), Secret.of("s3cret"));
    // end

    Secret secret = resolver.resolve(new AccountReference(
        AccountReference.Kind.DIRECTORY_ACCOUNT, "corp.example.com", "svc-smtp"));
    assertEquals("s3cret", secret.reveal());
  }

  /** {@link CertificateSigningRequest}. */
  @Test
  void certificateSigningRequest_builderExample_writesPem() {
    // example
    CertificateSigningRequest csr = CertificateSigningRequest.builder("CN=spp.example.com,O=Example")
        .dnsName("spp.example.com")
        .ipAddress("192.0.2.123")
        .keyType(KeyType.Rsa3072)
        .build();
    String pem = csr.pem();
    // end

    assertTrue(pem.startsWith("-----BEGIN CERTIFICATE REQUEST-----"), pem);
  }

  /** {@link SelfSigned}, {@link HostnameMatch} and {@link TlsContexts}. */
  @Test
  void selfSignedHostnameMatchAndTlsContexts_examples_work(@TempDir Path dir) throws Exception {
    // example: SelfSigned
    KeyMaterial ca = SelfSigned.certificateAuthority("CN=pamkit test CA");
    KeyMaterial server = SelfSigned.builder("CN=localhost")
        .issuer(ca)
        .dnsName("localhost")
        .ipAddress("127.0.0.1")
        .build();
    // end

    X509Certificate certificate = server.certificate();
    // example: HostnameMatch
    HostnameMatch m = HostnameMatch.check(certificate, "examplespp.company");
    if (!m.matches()) {
      System.out.println(m.explanation()); // "... use 192.0.2.123 ..."
    }
    // end
    assertFalse(m.matches());
    assertTrue(HostnameMatch.check(certificate, "127.0.0.1").matches());

    X509Certificate caCertificate = ca.certificate();
    Secret password = Secret.of("changeit");
    KeyMaterial client = SelfSigned.builder("CN=client").issuer(ca).clientAuth(true).build();
    Files.write(dir.resolve("client.p12"), client.toPkcs12(password));
    Path clientP12 = dir.resolve("client.p12");
    // example: TlsContexts (the example reads Path.of("client.p12"))
    SSLContext ctx = TlsContexts.builder()
        .trustAnchor(caCertificate)
        .clientKey(KeyMaterial.fromPkcs12(clientP12, password))
        .build();
    // end
    assertNotNull(ctx.getSocketFactory());
  }

  /** {@link RetryPolicy}. */
  @Test
  void retryPolicy_builderExample_setsTheValues() {
    // example
    RetryPolicy policy = RetryPolicy.builder()
        .maxAttempts(4)
        .initialDelay(Duration.ofSeconds(2))
        .build();
    // end

    assertEquals(4, policy.maxAttempts());
    assertEquals(Duration.ofSeconds(2), policy.initialDelay());
  }

  /** {@link EventDispatcher}. */
  @Test
  void eventDispatcher_builderExample_deliversToBothChannels() throws Exception {
    CountDownLatch delivered = new CountDownLatch(2);
    Transport syslogTransport = new CountingTransport(Subscriber.SYSLOG, delivered);
    Transport emailTransport = new CountingTransport(Subscriber.EMAIL, delivered);
    List<Subscriber> subscribers = List.of(
        Subscriber.builder(Subscriber.SYSLOG).subscribe("PasswordChangeFailed").build(),
        Subscriber.builder(Subscriber.EMAIL).emailAddress("security@example.com")
            .subscribe("PasswordChangeFailed").build());
    ApplianceEvent event = ApplianceEvent.builder("PasswordChangeFailed").build();

    // example
    EventDispatcher dispatcher = EventDispatcher.builder()
        .transport(syslogTransport)
        .transport(emailTransport, LaneConfig.builder().capacity(256).build())
        .subscribers(subscribers)
        .build();
    dispatcher.publish(event);
    // end

    try (dispatcher) {
      assertTrue(delivered.await(30, TimeUnit.SECONDS), "both channels got the event");
    }
  }

  private static final class CountingTransport implements Transport {
    private final String channel;
    private final CountDownLatch delivered;

    CountingTransport(String channel, CountDownLatch delivered) {
      this.channel = channel;
      this.delivered = delivered;
    }

    @Override
    public String channel() {
      return channel;
    }

    @Override
    public DeliveryReceipt send(Notification notification) {
      delivered.countDown();
      return new DeliveryReceipt(channel, null, Instant.now());
    }
  }
}
