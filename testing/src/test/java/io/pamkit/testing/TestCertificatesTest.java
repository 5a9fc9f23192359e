// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

final class TestCertificatesTest {
  private static final TestCertificates PKI = TestCertificates.create();

  @Test
  void server_namesLocalhostAndBothLoopbacks_issuedByTheCa() throws Exception {
    X509Certificate cert = PKI.server().certificate();
    Set<String> names = new HashSet<>();
    for (List<?> san : cert.getSubjectAlternativeNames()) {
      names.add(String.valueOf(san.get(1)));
    }
    assertTrue(names.contains("localhost"), names.toString());
    assertTrue(names.contains("127.0.0.1"), names.toString());
    assertTrue(names.stream().anyMatch(n -> n.equals("0:0:0:0:0:0:0:1")), names.toString());
    cert.verify(PKI.caCertificate().getPublicKey());
    assertEquals(PKI.caCertificate(), PKI.server().chain().get(1));
    assertEquals(
        "CN=pamkit-client", PKI.client().certificate().getSubjectX500Principal().getName());
  }

  @Test
  void mutualClientContext_presentsClientCertificateToServerThatNeedsIt() throws Exception {
    try (SyslogReceiver rx =
        SyslogReceiver.builder().tls(PKI.serverContext()).needClientAuth(true).start()) {
      send(PKI.mutualClientContext(), rx.tcpPort(), "5 hello");
      assertEquals("hello", rx.next());
      assertEquals(List.of(PKI.client().certificate()), rx.clientCertificates());
    }
  }

  @Test
  void clientContext_otherCa_handshakeRefused() throws Exception {
    TestCertificates other = TestCertificates.create("CN=Other CA");
    try (SyslogReceiver rx = SyslogReceiver.builder().tls(other.serverContext()).start()) {
      assertThrows(
          SSLHandshakeException.class, () -> send(PKI.clientContext(), rx.tcpPort(), "1 x"));
    }
  }

  @Test
  void selfSigned_trustedDirectly() throws Exception {
    var key = TestCertificates.selfSigned("CN=lab", "localhost");
    try (SyslogReceiver rx =
        SyslogReceiver.builder().tls(TestCertificates.presenting(key)).start()) {
      send(TestCertificates.trusting(key.certificate()), rx.tcpPort(), "2 ok");
      assertEquals("ok", rx.next());
    }
  }

  @Test
  void toString_namesSubjectsOnly() {
    assertTrue(PKI.toString().contains("CN=pamkit test CA"), PKI.toString());
    assertTrue(!PKI.toString().contains("PRIVATE"), PKI.toString());
  }

  static void send(SSLContext ctx, int port, String frame) throws IOException {
    try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("localhost", port)) {
      s.setSSLParameters(io.pamkit.core.cert.TlsContexts.clientParameters(ctx));
      s.startHandshake();
      s.getOutputStream().write(frame.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      s.getOutputStream().flush();
    }
  }
}
