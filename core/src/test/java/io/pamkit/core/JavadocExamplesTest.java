// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.pamkit.core.cert.CertificateSigningRequest;
import io.pamkit.core.cert.HostnameMatch;
import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.cert.KeyType;
import io.pamkit.core.cert.SelfSigned;
import io.pamkit.core.cert.TlsContexts;
import io.pamkit.core.config.ConfigSection;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.EventDispatcher;
import io.pamkit.core.dispatch.LaneConfig;
import io.pamkit.core.dispatch.Notification;
import io.pamkit.core.dispatch.RetryPolicy;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventCategory;
import io.pamkit.core.event.EventDefinition;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.journal.FsyncPolicy;
import io.pamkit.core.journal.Journal;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceToggles;
import io.pamkit.core.policy.TaskGate;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.InMemoryCredentialResolver;
import io.pamkit.core.secret.Secret;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.core.subscription.SubscriberRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
    ApplianceEvent event =
        ApplianceEvent.builder("PasswordChangeFailed")
            .applianceId("SPP-1")
            .level(EventLevel.ERROR)
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
    EventCatalog catalog =
        EventCatalog.defaults()
            .extend(
                List.of(
                    new EventDefinition(
                        "BadgeScanned", EventCategory.ACCESS_REQUEST, EventLevel.INFO)));
    EventDefinition d = catalog.require("PasswordChangeFailed"); // PasswordManagement, Error
    ApplianceEvent badge = catalog.event("BadgeScanned").applianceId("SPP-1").build();
    // end

    assertEquals("BadgeScanned", badge.name());
    assertEquals(EventLevel.INFO, badge.level());

    assertEquals(EventCategory.PASSWORD_MANAGEMENT, d.category());
    assertEquals(EventLevel.ERROR, d.defaultLevel());
    assertTrue(catalog.contains("BadgeScanned"));
  }

  /** {@link InMemoryCredentialResolver}. */
  @Test
  void inMemoryCredentialResolver_putExample_resolvesTheAccount() throws Exception {
    // example
    InMemoryCredentialResolver resolver =
        InMemoryCredentialResolver.create()
            .put(
                new AccountReference(
                    AccountReference.Kind.DIRECTORY_ACCOUNT, "corp.example.com", "svc-smtp"),
                Secret.of("s3cret"));
    // end

    Secret secret =
        resolver.resolve(
            new AccountReference(
                AccountReference.Kind.DIRECTORY_ACCOUNT, "corp.example.com", "svc-smtp"));
    assertEquals("s3cret", secret.reveal());
  }

  /** {@link CertificateSigningRequest}. */
  @Test
  void certificateSigningRequest_builderExample_writesPem() {
    // example
    CertificateSigningRequest csr =
        CertificateSigningRequest.builder("CN=spp.example.com,O=Example")
            .dnsName("spp.example.com")
            .ipAddress("192.0.2.123")
            .keyType(KeyType.RSA_3072)
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
    KeyMaterial server =
        SelfSigned.builder("CN=localhost")
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
    SSLContext ctx =
        TlsContexts.builder()
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
    RetryPolicy policy =
        RetryPolicy.builder().maxAttempts(4).initialDelay(Duration.ofSeconds(2)).build();
    // end

    assertEquals(4, policy.maxAttempts());
    assertEquals(Duration.ofSeconds(2), policy.initialDelay());
  }

  /** {@link EventDispatcher}. */
  @Test
  void eventDispatcher_builderExample_deliversToEveryChannel() throws Exception {
    CountDownLatch delivered = new CountDownLatch(4);
    Transport syslogTransport = new CountingTransport(Subscriber.SYSLOG, delivered);
    Transport snmpTransport = new CountingTransport(Subscriber.SNMP, delivered);
    Transport emailTransport = new CountingTransport(Subscriber.EMAIL, delivered);
    List<Subscriber> subscribers =
        List.of(
            Subscriber.builder(Subscriber.SYSLOG).id(1).subscribe("PasswordChangeFailed").build(),
            Subscriber.builder(Subscriber.SNMP).id(2).subscribe("PasswordChangeFailed").build(),
            Subscriber.builder(Subscriber.EMAIL)
                .id(7)
                .emailAddress("security@example.com")
                .subscribe("PasswordChangeFailed")
                .build());
    ApplianceEvent event = ApplianceEvent.builder("PasswordChangeFailed").build();
    ApplianceEvent testEvent = ApplianceEvent.builder("Test").build();

    // example
    EventDispatcher dispatcher =
        EventDispatcher.builder()
            .transports(List.of(syslogTransport, snmpTransport))
            .transport(emailTransport, LaneConfig.builder().capacity(256).build())
            .subscribers(subscribers)
            .build();
    dispatcher.publish(event);
    dispatcher.publishTo(testEvent, 7); // subscriber 7 alone, even when disabled
    // end

    try (dispatcher) {
      assertTrue(delivered.await(30, TimeUnit.SECONDS), "every channel got the event, 7 twice");
    }
  }

  /** {@link Journal}. */
  @Test
  void journal_builderExample_backsTheDispatcher(@TempDir Path dir) throws Exception {
    CountDownLatch delivered = new CountDownLatch(1);
    Transport transport = new CountingTransport(Subscriber.SYSLOG, delivered);
    List<Subscriber> subscribers =
        List.of(Subscriber.builder(Subscriber.SYSLOG).subscribe("PasswordChangeFailed").build());

    // example (the example's directory is Path.of("/var/lib/pamkit/journal"))
    try (Journal journal =
        Journal.builder(dir.resolve("journal")).fsyncPolicy(FsyncPolicy.GROUP_COMMIT).build()) {
      EventDispatcher dispatcher =
          EventDispatcher.builder()
              .transport(transport)
              .subscribers(subscribers)
              .outbox(journal) // dead letters go to the journal too
              .build();
      // end
      try (dispatcher) {
        dispatcher.publish(ApplianceEvent.builder("PasswordChangeFailed").build());
        assertTrue(delivered.await(30, TimeUnit.SECONDS), "the event was delivered");
      }
      assertEquals(FsyncPolicy.GROUP_COMMIT, journal.fsyncPolicy());
    }
  }

  /** {@link PamkitConfig}. */
  @Test
  void pamkitConfig_readExample_findsTheSection(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("pamkit.json");
    Files.writeString(file, "{\"EmailClientConfig\": {\"Server\": \"smtp.example.com\"}}");

    // example (the example reads Path.of("pamkit.json"))
    PamkitConfig config = PamkitConfig.read(file);
    EventCatalog catalog = config.eventCatalog(); // shipped names plus EventCatalogExtensions
    Optional<ConfigSection> smtp =
        config.section("EmailClientConfig"); // what the smtp provider reads
    // end

    assertTrue(catalog.contains("PasswordChangeFailed"));
    assertEquals("smtp.example.com", smtp.orElseThrow().string("Server"));
  }

  /** {@link ConfigSection}. */
  @Test
  void configSection_builderExample_readsAndReportsProblems() {
    ConfigSection section =
        ConfigSection.of(
            JsonNodeFactory.instance
                .objectNode()
                .put("Url", "https://hooks.example.com/pam")
                .put("TimeoutSeconds", 5),
            "$.Webhook",
            "WebhookSettings");

    // example
    WebhookSettings.Builder b = WebhookSettings.builder();
    section.string("Url", b::url); // a wrong type or a setter's rule error is reported
    section.integer("TimeoutSeconds", b::timeoutSeconds);
    WebhookSettings settings = section.build(b::build); // null when a problem was found
    // end

    assertNotNull(settings);
    assertEquals("https://hooks.example.com/pam", settings.url());
    assertEquals(5, settings.timeoutSeconds());

    ConfigSection wrong =
        ConfigSection.of(
            JsonNodeFactory.instance.objectNode().put("TimeoutSeconds", "soon"),
            "$.Webhook",
            "WebhookSettings");
    WebhookSettings.Builder b2 = WebhookSettings.builder();
    wrong.integer("TimeoutSeconds", b2::timeoutSeconds);
    assertNull(wrong.build(b2::build));
    assertFalse(wrong.problems().isEmpty());
  }

  /** A settings type of the kind {@link ConfigSection}'s example fills. */
  private record WebhookSettings(String url, int timeoutSeconds) {
    static Builder builder() {
      return new Builder();
    }

    static final class Builder {
      private String url = "";
      private int timeoutSeconds = 10;

      void url(String url) {
        this.url = url;
      }

      void timeoutSeconds(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
      }

      WebhookSettings build() {
        return new WebhookSettings(url, timeoutSeconds);
      }
    }
  }

  /** {@link ServiceToggles}. */
  @Test
  void serviceToggles_builderExample_disablesAndGates() throws Exception {
    try (EventDispatcher dispatcher = EventDispatcher.builder().build()) {
      // example
      ServiceToggles toggles = ServiceToggles.builder("SPP-1").publisher(dispatcher).build();
      toggles.setEnabled(Service.PASSWORD_CHANGE_ENABLED, false, "admin");
      try (TaskGate.Permit permit = toggles.gate(Service.PASSWORD_CHECK_ENABLED).acquire()) {
        // run the check task
        // end
        assertEquals(Service.PASSWORD_CHECK_ENABLED, permit.service());
      }
      assertFalse(toggles.isEnabled(Service.PASSWORD_CHANGE_ENABLED));
    }
  }

  /** {@link TransportContext}. */
  @Test
  void transportContext_builderExample_holdsResolverAndTls() throws Exception {
    KeyMaterial ca = SelfSigned.certificateAuthority("CN=pamkit test CA");
    List<X509Certificate> anchors = List.of(ca.certificate());
    AccountReference account =
        new AccountReference(AccountReference.Kind.ASSET_ACCOUNT, "smtp.example.com", "pam");
    Vault vault = new Vault(InMemoryCredentialResolver.create().put(account, Secret.of("pw")));

    // example
    TransportContext context =
        TransportContext.builder()
            .credentialResolver(vault::password)
            .sslContext(TlsContexts.builder().trustAnchors(anchors).build())
            .build();
    // end

    assertEquals("pw", context.credentialResolver().resolve(account).reveal());
    assertTrue(context.sslContext().isPresent());
  }

  /** A secret store of the kind {@link TransportContext}'s example reads from. */
  private record Vault(InMemoryCredentialResolver store) {
    Secret password(AccountReference account) {
      return store.resolve(account);
    }
  }

  /** {@link SubscriberRegistry}. */
  @Test
  void subscriberRegistry_builderExample_sendsTheTestEvent() throws Exception {
    CountDownLatch delivered = new CountDownLatch(1);
    try (EventDispatcher dispatcher =
        EventDispatcher.builder()
            .transport(new CountingTransport(Subscriber.EMAIL, delivered))
            .build()) {
      // example
      SubscriberRegistry registry = SubscriberRegistry.builder(dispatcher).build();
      registry.addListener(snapshot -> dispatcher.updateSubscribers(snapshot.subscribers()));
      Subscriber s =
          registry.add(
              Subscriber.builder(Subscriber.EMAIL)
                  .description("Security team")
                  .emailAddress("security@example.com")
                  .subscribe("UserAuthenticationFailed", "AccessRequestDenied")
                  .build());
      registry.sendTestEvent(s.id());
      // end

      assertTrue(delivered.await(30, TimeUnit.SECONDS), "the test event reached the transport");
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
