// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.graph;

import static io.pamkit.notify.TestNotifications.notification;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.cert.Certificates;
import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.config.ConfigurationException;
import io.pamkit.core.config.PamkitConfig;
import io.pamkit.core.dispatch.DeliveryReceipt;
import io.pamkit.core.dispatch.spi.Transport;
import io.pamkit.core.dispatch.spi.TransportContext;
import io.pamkit.core.secret.AccountReference;
import io.pamkit.core.secret.Secret;
import io.pamkit.core.subscription.Subscriber;
import io.pamkit.notify.ConfiguredTransports;
import io.pamkit.notify.Sections;
import io.pamkit.notify.email.EmailProviderChain;
import io.pamkit.notify.oauth.ClientCredential;
import io.pamkit.notify.oauth.NationalCloud;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Type: Graph} entries of the document, read by path and delivered to the local Graph. */
final class GraphTransportProviderTest extends FakeMicrosoft365Test {

  @TempDir Path dir;

  private String certificateFields() throws Exception {
    Path crt = dir.resolve("app.crt");
    Path key = dir.resolve("app.key");
    Files.writeString(crt, Certificates.toPem(cert.certificate()), StandardCharsets.US_ASCII);
    Files.writeString(
        key,
        KeyMaterial.of(cert.keys().getPrivate(), List.of(cert.certificate()))
            .unencryptedPrivateKeyPem(),
        StandardCharsets.US_ASCII);
    return "\"CertificateFile\": \"%s\", \"PrivateKeyFile\": \"%s\""
        .formatted(crt.toString().replace("\\", "\\\\"), key.toString().replace("\\", "\\\\"));
  }

  private String document(String credential) {
    return """
        {"EmailProviders": [{"Type": "Graph", "Name": "m365", "Priority": 0,
          "TenantId": "%s", "ClientId": "%s", %s,
          "SenderEmail": "pam@contoso.com", "GraphHost": "%s", "AuthorityHost": "%s"}]}
        """
        .formatted(TENANT, CLIENT, credential, ms.baseUri(), ms.baseUri());
  }

  private TransportContext context() {
    return TransportContext.builder().sslContext(ms.clientContext()).build();
  }

  @Test
  void build_graphWithCertificateFiles_sendsThroughGraph() throws Exception {
    PamkitConfig config = PamkitConfig.parse(document(certificateFields()));
    try (ConfiguredTransports transports =
        ConfiguredTransports.builder(config).context(context()).build()) {
      Transport email = transports.transport(Subscriber.EMAIL).orElseThrow();
      assertInstanceOf(EmailProviderChain.class, email);
      DeliveryReceipt r = email.send(notification("ev-graph-1", "admin@example.com"));

      assertEquals("m365", r.transportId());
      assertEquals(
          "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
          ms.tokenRequests().get(0).form().get("client_assertion_type"));
      assertEquals("/v1.0/users/pam@contoso.com/sendMail", ms.sendMails().get(0).path());
    }
  }

  @Test
  void build_clientSecretFromVaultedAccount_resolvedThroughTheContext() {
    PamkitConfig config =
        PamkitConfig.parse(
            document(
                "\"AccountReference\": {\"Kind\":"
                    + " \"DirectoryAccount\", \"Owner\": \"contoso.com\", \"Name\": \"graph-app\"}"));
    AtomicReference<AccountReference> asked = new AtomicReference<>();
    TransportContext ctx =
        context().toBuilder()
            .credentialResolver(
                ref -> {
                  asked.set(ref);
                  return Secret.of(SECRET);
                })
            .build();
    try (ConfiguredTransports transports =
        ConfiguredTransports.builder(config).context(ctx).build()) {
      transports
          .transport(Subscriber.EMAIL)
          .orElseThrow()
          .send(notification("ev-graph-2", "admin@example.com"));
    }
    assertEquals("graph-app", asked.get().name());
    assertEquals(SECRET, ms.tokenRequests().get(0).form().get("client_secret"));
  }

  @Test
  void settings_documentFields_readIntoSettings() {
    GraphSettings s =
        new GraphTransportProvider()
            .settings(
                Sections.of(
                    "$.EmailProviders[0]",
                    """
        {'TenantId': 'contoso.onmicrosoft.us', 'ClientId': 'app-1', 'ClientSecret': 's3cret',
         'SenderEmail': 'pam@contoso.us', 'Cloud': 'UsGovernment', 'SaveToSentItems': true,
         'ConnectTimeoutSeconds': 5, 'RequestTimeoutSeconds': 20}
        """));
    assertEquals(NationalCloud.US_GOVERNMENT, s.cloud());
    assertEquals(
        "https://graph.microsoft.us/v1.0/users/pam@contoso.us/sendMail",
        s.sendMailUri().toString());
    assertTrue(s.saveToSentItems());
    assertEquals(20, s.requestTimeout().toSeconds());
    assertInstanceOf(ClientCredential.ClientSecret.class, s.credential());
    assertFalse(s.toString().contains("s3cret"));
  }

  @Test
  void settings_problems_namedByJsonPath() {
    var section =
        Sections.of(
            "$.EmailProviders[2]",
            """
        {'TenantId': 'contoso', 'ClientId': 'app', 'ClientSecret': 's',
         'CertificateFile': '/nope.crt', 'PrivateKeyFile': '/nope.key',
         'SenderEmail': 'pam@contoso.com', 'Cloud': 'Mars'}
        """);
    assertNull(new GraphTransportProvider().settings(section));
    List<String> paths = section.problems().stream().map(v -> v.path()).toList();
    assertTrue(paths.contains("$.EmailProviders[2].ClientSecret"), paths::toString);
    assertTrue(paths.contains("$.EmailProviders[2].Cloud"), paths::toString);

    var missing =
        Sections.of(
            "$.EmailProviders[0]",
            """
        {'TenantId': 'contoso', 'ClientId': 'app', 'SenderEmail': 'not an address'}
        """);
    assertNull(new GraphTransportProvider().settings(missing));
    List<String> p2 = missing.problems().stream().map(v -> v.path()).toList();
    assertTrue(p2.contains("$.EmailProviders[0].CertificateFile"), p2::toString);

    var unreadable =
        Sections.of(
            "$.EmailProviders[0]",
            """
        {'TenantId': 'contoso', 'ClientId': 'app', 'SenderEmail': 'pam@contoso.com',
         'CertificateFile': '/no/such.crt', 'PrivateKeyFile': '/no/such.key'}
        """);
    assertNull(new GraphTransportProvider().settings(unreadable));
    assertEquals("$.EmailProviders[0].PrivateKeyFile", unreadable.problems().get(0).path());
  }

  @Test
  void parse_documentWithBadGraphEntry_refusedByPath() {
    ValidationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                PamkitConfig.parse(
                    "{\"EmailProviders\": [{\"Type\": \"Graph\", \"TenantId\": \"contoso\","
                        + " \"ClientId\": \"app\", \"ClientSecret\": \"x\"}]}"));
    assertEquals("$.EmailProviders[0].SenderEmail", e.violations().get(0).path(), e.getMessage());
    assertFalse(e.getMessage().contains("\"x\""));
  }
}
