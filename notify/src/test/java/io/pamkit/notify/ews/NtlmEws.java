// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews;

import com.sun.net.httpserver.HttpExchange;
import io.pamkit.notify.email.LoopbackHttps;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * An EWS endpoint behind NTLM, the server side of [MS-NLMP] written for the test: it answers a
 * request without NTLM with {@code 401 WWW-Authenticate: NTLM}, a NEGOTIATE with a CHALLENGE (a
 * fresh server challenge and target info with a time stamp), and checks the AUTHENTICATE received
 * <em>on the same connection</em>: the NTLMv2 proof computed from the known password, the time
 * stamp echoed in the client's blob, and the MIC. Only then does it answer the CreateItem.
 */
final class NtlmEws implements AutoCloseable {
  private static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

  /** One connection's handshake state. */
  private record Pending(
      byte[] negotiate, byte[] challenge, byte[] serverChallenge, byte[] timestamp) {}

  private final String scheme;
  private final String domain;
  private final String user;
  private final String password;
  private final LoopbackHttps https;
  private final SecureRandom random = new SecureRandom();
  private final Map<InetSocketAddress, Pending> pending = new ConcurrentHashMap<>();
  private final List<String> outcomes = new CopyOnWriteArrayList<>();

  private NtlmEws(String scheme, String domain, String user, String password) throws Exception {
    this.scheme = scheme;
    this.domain = domain;
    this.user = user;
    this.password = password;
    this.https = LoopbackHttps.start("/EWS/Exchange.asmx", this::handle);
  }

  static NtlmEws start(String domain, String user, String password) throws Exception {
    return new NtlmEws("NTLM", domain, user, password);
  }

  /**
   * An endpoint that offers only {@code Negotiate} and accepts NTLM tokens in it, as IIS does when
   * the client has no Kerberos ticket.
   */
  static NtlmEws startNegotiate(String domain, String user, String password) throws Exception {
    return new NtlmEws("Negotiate", domain, user, password);
  }

  URI endpoint() {
    return URI.create(https.baseUri() + "/EWS/Exchange.asmx");
  }

  SSLContext clientContext() {
    return https.clientContext();
  }

  /** "negotiate", "authenticated", "refused: why", "no auth", one per request. */
  List<String> outcomes() {
    return outcomes;
  }

  private void handle(HttpExchange ex) throws IOException {
    ex.getRequestBody().readAllBytes();
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.startsWith(scheme + " ")) {
      outcomes.add("no auth");
      unauthorized(ex, scheme);
      return;
    }
    byte[] msg = Base64.getDecoder().decode(auth.substring(scheme.length() + 1).strip());
    ByteBuffer b = ByteBuffer.wrap(msg).order(ByteOrder.LITTLE_ENDIAN);
    if (msg.length < 12 || !Arrays.equals(Arrays.copyOf(msg, 8), SIGNATURE)) {
      outcomes.add("refused: not NTLM");
      unauthorized(ex, scheme);
      return;
    }
    int type = b.getInt(8);
    if (type == 1) {
      byte[] serverChallenge = new byte[8];
      random.nextBytes(serverChallenge);
      long filetime = (Instant.now().getEpochSecond() + 11644473600L) * 10_000_000L;
      byte[] timestamp =
          ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(filetime).array();
      byte[] challenge = challenge(serverChallenge, timestamp);
      pending.put(ex.getRemoteAddress(), new Pending(msg, challenge, serverChallenge, timestamp));
      outcomes.add("negotiate");
      unauthorized(ex, scheme + " " + Base64.getEncoder().encodeToString(challenge));
      return;
    }
    Pending p = pending.remove(ex.getRemoteAddress());
    String problem =
        p == null ? "AUTHENTICATE on a connection without a CHALLENGE" : verify(msg, p);
    if (problem != null) {
      outcomes.add("refused: " + problem);
      unauthorized(ex, scheme);
      return;
    }
    outcomes.add("authenticated");
    LoopbackHttps.respond(
        ex,
        200,
        Map.of("Content-Type", "text/xml; charset=utf-8"),
        FakeEws.success().getBytes(StandardCharsets.UTF_8));
  }

  private byte[] challenge(byte[] serverChallenge, byte[] timestamp) {
    byte[] info =
        concat(
            av(2, utf16("PAMKIT")),
            av(1, utf16("EXCH01")),
            av(4, utf16("pamkit.test")),
            av(3, utf16("exch01.pamkit.test")),
            av(7, timestamp),
            new byte[4]);
    byte[] target = utf16("PAMKIT");
    int flags =
        0x00000001
            | 0x00000004
            | 0x00000200
            | 0x00010000
            | 0x00080000
            | 0x00800000
            | 0x20000000
            | 0x80000000;
    ByteBuffer b =
        ByteBuffer.allocate(56 + target.length + info.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(SIGNATURE).putInt(2);
    b.putShort((short) target.length).putShort((short) target.length).putInt(56);
    b.putInt(flags).put(serverChallenge).put(new byte[8]);
    b.putShort((short) info.length).putShort((short) info.length).putInt(56 + target.length);
    b.put(new byte[] {10, 0, 0x63, 0x45, 0, 0, 0, 15});
    b.put(target).put(info);
    return b.array();
  }

  /** Returns why the AUTHENTICATE is refused, or null. */
  private String verify(byte[] msg, Pending p) {
    try {
      ByteBuffer b = ByteBuffer.wrap(msg).order(ByteOrder.LITTLE_ENDIAN);
      if (b.getInt(8) != 3) {
        return "expected AUTHENTICATE";
      }
      byte[] nt = field(msg, b, 20);
      String dom = new String(field(msg, b, 28), StandardCharsets.UTF_16LE);
      String usr = new String(field(msg, b, 36), StandardCharsets.UTF_16LE);
      if (!usr.equalsIgnoreCase(user) || !dom.equalsIgnoreCase(domain)) {
        return "unknown account " + dom + "\\" + usr;
      }
      if (nt.length < 48) {
        return "not an NTLMv2 response";
      }
      byte[] md4 = new byte[16];
      MD4Digest d = new MD4Digest();
      byte[] pw = utf16(password);
      d.update(pw, 0, pw.length);
      d.doFinal(md4, 0);
      byte[] key = hmac(md4, utf16(usr.toUpperCase(Locale.ROOT) + dom));
      byte[] proof = Arrays.copyOf(nt, 16);
      byte[] blob = Arrays.copyOfRange(nt, 16, nt.length);
      if (!MessageDigest.isEqual(proof, hmac(key, concat(p.serverChallenge(), blob)))) {
        return "wrong NTLMv2 proof (password)";
      }
      if (!Arrays.equals(Arrays.copyOfRange(blob, 8, 16), p.timestamp())) {
        return "the blob does not carry the server's time stamp";
      }
      byte[] sessionKey = hmac(key, proof);
      byte[] zeroed = msg.clone();
      Arrays.fill(zeroed, 72, 88, (byte) 0);
      byte[] mic = hmac(sessionKey, concat(p.negotiate(), p.challenge(), zeroed));
      if (!MessageDigest.isEqual(mic, Arrays.copyOfRange(msg, 72, 88))) {
        return "wrong MIC";
      }
      return null;
    } catch (RuntimeException e) {
      return "malformed: " + e;
    }
  }

  private static byte[] field(byte[] msg, ByteBuffer b, int at) {
    int len = b.getShort(at) & 0xffff;
    int off = b.getInt(at + 4);
    return Arrays.copyOfRange(msg, off, off + len);
  }

  private static void unauthorized(HttpExchange ex, String challenge) throws IOException {
    LoopbackHttps.respond(ex, 401, Map.of("WWW-Authenticate", challenge), new byte[0]);
  }

  private static byte[] av(int id, byte[] value) {
    return ByteBuffer.allocate(4 + value.length)
        .order(ByteOrder.LITTLE_ENDIAN)
        .putShort((short) id)
        .putShort((short) value.length)
        .put(value)
        .array();
  }

  private static byte[] utf16(String s) {
    return s.getBytes(StandardCharsets.UTF_16LE);
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(key, "HmacMD5"));
      return mac.doFinal(data);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    ByteBuffer b = ByteBuffer.allocate(n);
    for (byte[] p : parts) {
      b.put(p);
    }
    return b.array();
  }

  @Override
  public void close() {
    https.close();
  }
}
