// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews.internal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.secret.Secret;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends requests with NTLM authentication over java.net.http, whose client has no NTLM: each
 * request runs the handshake (NEGOTIATE, the server's 401 CHALLENGE, AUTHENTICATE) and is sent with
 * each leg, so the last leg carries the request that counts. NTLM authenticates a connection, so
 * the client must speak HTTP/1.1 and the legs must go over the same connection: requests through
 * one instance are serialised, which leaves the client a single idle keep-alive connection to reuse
 * for the next leg.
 *
 * <p>The tokens go under the scheme {@code NTLM}, or under {@code Negotiate}, as Windows clients
 * send NTLM when SPNEGO has no Kerberos to offer: an NTLMSSP token in a {@code Negotiate} header is
 * accepted by IIS as the NTLM fallback of SPNEGO ([MS-SPNG] 3.1.5.1 and RFC 4559 section 4 [I]: the
 * server answers with its CHALLENGE under the same scheme).
 *
 * <p>Thread-safe. The password never appears in a message or a log.
 */
public final class NtlmHttp {
  private final String scheme;
  private final String account;
  private final String workstation;
  private final SecureRandom random = new SecureRandom();
  private final ReentrantLock lock = new ReentrantLock(true);

  /**
   * Creates the sender.
   *
   * @param scheme {@code "NTLM"} or {@code "Negotiate"}
   * @param account <code>DOMAIN&#92;user</code> or {@code user@domain}
   * @param workstation this host's NetBIOS name, or empty
   */
  public NtlmHttp(String scheme, String account, String workstation) {
    if (!scheme.equals("NTLM") && !scheme.equals("Negotiate")) {
      throw new IllegalArgumentException("scheme must be NTLM or Negotiate: " + scheme);
    }
    this.scheme = scheme;
    this.account = requireNonNull(account, "account");
    this.workstation = requireNonNull(workstation, "workstation");
  }

  /**
   * Sends a request with NTLM. The client must use HTTP/1.1 and must not follow redirects.
   *
   * @param <T> the body type
   * @param http the client
   * @param request the request without an {@code Authorization} header; it is built once per leg
   * @param handler the body handler of the final answer
   * @param password the account's password, resolved for this request
   * @return the final answer; a 401 when the server refuses the credentials or offers no NTLM
   * @throws IOException if a leg fails
   * @throws InterruptedException if interrupted
   */
  public <T> HttpResponse<T> send(
      HttpClient http,
      HttpRequest.Builder request,
      HttpResponse.BodyHandler<T> handler,
      Secret password)
      throws IOException, InterruptedException {
    requireNonNull(password, "password");
    lock.lockInterruptibly();
    try {
      Ntlm ntlm = new Ntlm(account, password, workstation, random);
      HttpResponse<T> first =
          http.send(
              request.copy().header("Authorization", scheme + " " + b64(ntlm.negotiate())).build(),
              handler);
      Optional<byte[]> challenge = first.statusCode() == 401 ? challenge(first) : Optional.empty();
      if (challenge.isEmpty()) {
        return first;
      }
      byte[] answer;
      try {
        answer = ntlm.authenticate(challenge.get());
      } catch (IllegalArgumentException e) {
        throw new IOException("the server's NTLM challenge is malformed: " + e.getMessage(), e);
      }
      return http.send(
          request.copy().header("Authorization", scheme + " " + b64(answer)).build(), handler);
    } finally {
      lock.unlock();
    }
  }

  private Optional<byte[]> challenge(HttpResponse<?> response) {
    String prefix = scheme.toUpperCase(Locale.ROOT) + " ";
    for (String v : response.headers().allValues("WWW-Authenticate")) {
      String s = v.strip();
      if (s.length() > prefix.length()
          && s.substring(0, prefix.length()).toUpperCase(Locale.ROOT).equals(prefix)) {
        try {
          return Optional.of(Base64.getDecoder().decode(s.substring(prefix.length()).strip()));
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static String b64(byte[] b) {
    return Base64.getEncoder().encodeToString(b);
  }

  /** Returns the account; never the password. */
  @Override
  public String toString() {
    return "NtlmHttp{" + scheme + ", " + account + "}";
  }
}
