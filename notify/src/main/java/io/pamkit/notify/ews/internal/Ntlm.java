// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews.internal;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.secret.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.jspecify.annotations.Nullable;

/**
 * The client side of NTLM with NTLMv2 responses, written from Microsoft's public [MS-NLMP]
 * description: the NEGOTIATE message (type 1), reading the server's CHALLENGE (type 2) and the
 * AUTHENTICATE message (type 3) with the NTLMv2 response and, when the challenge carries a time
 * stamp, the MIC. LM and NTLMv1 responses are never sent; no session key exchange or signing is
 * negotiated (HTTP authentication needs neither).
 *
 * <p>One instance is one handshake: {@link #negotiate()}, then {@link #authenticate(byte[])}. Not
 * thread-safe. The password is read only inside {@link #authenticate(byte[])}, and derived keys are
 * wiped after use.
 */
public final class Ntlm {
  static final byte[] SIGNATURE = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

  static final int NEGOTIATE_UNICODE = 0x00000001;
  static final int REQUEST_TARGET = 0x00000004;
  static final int NEGOTIATE_NTLM = 0x00000200;
  static final int NEGOTIATE_ALWAYS_SIGN = 0x00008000;
  static final int NEGOTIATE_EXTENDED_SESSIONSECURITY = 0x00080000;
  static final int NEGOTIATE_TARGET_INFO = 0x00800000;
  static final int NEGOTIATE_128 = 0x20000000;
  static final int NEGOTIATE_56 = 0x80000000;

  static final int AV_EOL = 0;
  static final int AV_NB_DOMAIN = 2;
  static final int AV_FLAGS = 6;
  static final int AV_TIMESTAMP = 7;
  static final int AV_TARGET_NAME = 9;

  private static final int FLAGS =
      NEGOTIATE_UNICODE
          | REQUEST_TARGET
          | NEGOTIATE_NTLM
          | NEGOTIATE_ALWAYS_SIGN
          | NEGOTIATE_EXTENDED_SESSIONSECURITY
          | NEGOTIATE_TARGET_INFO
          | NEGOTIATE_128
          | NEGOTIATE_56;
  private static final long FILETIME_EPOCH_OFFSET = 116444736000000000L;

  private final String user;
  private final String domain;
  private final Secret password;
  private final String workstation;
  private final SecureRandom random;
  private @Nullable Instant now;
  private byte @Nullable [] negotiate;

  /**
   * Starts a handshake.
   *
   * @param account <code>DOMAIN&#92;user</code>, or {@code user@domain} (then the domain is empty)
   * @param password the account's password
   * @param workstation this host's name, or empty
   * @param random the source of the client challenge
   */
  public Ntlm(String account, Secret password, String workstation, SecureRandom random) {
    requireNonNull(account, "account");
    int slash = account.indexOf('\\');
    this.domain = slash < 0 ? "" : account.substring(0, slash);
    this.user = slash < 0 ? account : account.substring(slash + 1);
    this.password = requireNonNull(password, "password");
    this.workstation = requireNonNull(workstation, "workstation");
    this.random = requireNonNull(random, "random");
  }

  /** Fixes the time used when the challenge carries none (tests). */
  void time(Instant time) {
    this.now = time;
  }

  /**
   * Returns the NEGOTIATE message.
   *
   * @return the message bytes
   */
  public byte[] negotiate() {
    ByteBuffer b = le(32);
    b.put(SIGNATURE).putInt(1).putInt(FLAGS);
    b.putShort((short) 0).putShort((short) 0).putInt(32); // domain: none
    b.putShort((short) 0).putShort((short) 0).putInt(32); // workstation: none
    negotiate = b.array();
    return negotiate.clone();
  }

  /**
   * Answers a CHALLENGE message.
   *
   * @param challenge the server's CHALLENGE message
   * @return the AUTHENTICATE message
   * @throws IllegalArgumentException if the challenge is malformed
   */
  public byte[] authenticate(byte[] challenge) {
    Challenge c = Challenge.parse(challenge);
    byte[] clientChallenge = new byte[8];
    random.nextBytes(clientChallenge);
    byte[] timestamp = c.avPair(AV_TIMESTAMP);
    boolean mic = timestamp != null;
    long filetime =
        timestamp != null
            ? ByteBuffer.wrap(timestamp).order(ByteOrder.LITTLE_ENDIAN).getLong()
            : filetime(now != null ? now : Instant.now());

    byte[] targetInfo = mic ? withFlags(c.targetInfo(), 0x2) : c.targetInfo();
    byte[] responseKey = ntowfv2(password, user, domain);
    byte[] blob = blob(filetime, clientChallenge, targetInfo);
    byte[] proof = hmacMd5(responseKey, concat(c.serverChallenge(), blob));
    byte[] ntResponse = concat(proof, blob);
    byte[] lmResponse =
        mic
            ? new byte[24]
            : concat(
                hmacMd5(responseKey, concat(c.serverChallenge(), clientChallenge)),
                clientChallenge);
    byte[] sessionKey = hmacMd5(responseKey, proof);
    Arrays.fill(responseKey, (byte) 0);

    int flags = FLAGS & c.flags() | NEGOTIATE_UNICODE;
    byte[] domainB = utf16(domain);
    byte[] userB = utf16(user);
    byte[] wsB = utf16(workstation);
    int header = 88; // with the 8-byte version and the 16-byte MIC
    int off = header;
    ByteBuffer b =
        le(
            header
                + lmResponse.length
                + ntResponse.length
                + domainB.length
                + userB.length
                + wsB.length);
    b.put(SIGNATURE).putInt(3);
    off = field(b, lmResponse.length, off);
    off = field(b, ntResponse.length, off);
    off = field(b, domainB.length, off);
    off = field(b, userB.length, off);
    off = field(b, wsB.length, off);
    field(b, 0, off); // encrypted random session key: none
    b.putInt(flags);
    b.put(new byte[] {10, 0, 0x61, 0x4a, 0, 0, 0, 15}); // version 10.0.19041, NTLM revision 15
    b.put(new byte[16]); // MIC, filled below
    b.put(lmResponse).put(ntResponse).put(domainB).put(userB).put(wsB);
    byte[] message = b.array();
    if (mic && negotiate != null) {
      byte[] m = hmacMd5(sessionKey, concat(concat(negotiate, challenge), message));
      System.arraycopy(m, 0, message, 72, 16);
    }
    Arrays.fill(sessionKey, (byte) 0);
    return message;
  }

  /** NTOWFv2: HMAC_MD5(MD4(UTF-16LE(password)), UTF-16LE(UPPER(user) + domain)). */
  static byte[] ntowfv2(Secret password, String user, String domain) {
    char[] chars = password.chars();
    byte[] pw = new byte[chars.length * 2];
    for (int i = 0; i < chars.length; i++) {
      pw[2 * i] = (byte) chars[i];
      pw[2 * i + 1] = (byte) (chars[i] >> 8);
    }
    Arrays.fill(chars, '\0');
    MD4Digest md4 = new MD4Digest();
    md4.update(pw, 0, pw.length);
    byte[] ntHash = new byte[16];
    md4.doFinal(ntHash, 0);
    Arrays.fill(pw, (byte) 0);
    try {
      return hmacMd5(ntHash, utf16(user.toUpperCase(Locale.ROOT) + domain));
    } finally {
      Arrays.fill(ntHash, (byte) 0);
    }
  }

  /** The NTLMv2 client challenge structure ("temp" in MS-NLMP 3.3.2). */
  static byte[] blob(long filetime, byte[] clientChallenge, byte[] targetInfo) {
    ByteBuffer b = le(28 + targetInfo.length + 4);
    b.put((byte) 1)
        .put((byte) 1)
        .put(new byte[6])
        .putLong(filetime)
        .put(clientChallenge)
        .putInt(0)
        .put(targetInfo)
        .putInt(0);
    return b.array();
  }

  static long filetime(Instant t) {
    return t.getEpochSecond() * 10_000_000L + t.getNano() / 100 + FILETIME_EPOCH_OFFSET;
  }

  /** Returns the target info with MsvAvFlags OR-ed with {@code bits}, before MsvAvEOL. */
  static byte[] withFlags(byte[] targetInfo, int bits) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer in = ByteBuffer.wrap(targetInfo).order(ByteOrder.LITTLE_ENDIAN);
    boolean done = false;
    while (in.remaining() >= 4) {
      int id = in.getShort() & 0xffff;
      int len = in.getShort() & 0xffff;
      if (len > in.remaining()) {
        throw new IllegalArgumentException("NTLM target info is truncated");
      }
      byte[] value = new byte[len];
      in.get(value);
      if (id == AV_EOL) {
        break;
      }
      if (id == AV_FLAGS && len == 4) {
        int f = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN).getInt() | bits;
        value = le(4).putInt(f).array();
        done = true;
      }
      out.writeBytes(le(4).putShort((short) id).putShort((short) len).array());
      out.writeBytes(value);
    }
    if (!done) {
      out.writeBytes(le(8).putShort((short) AV_FLAGS).putShort((short) 4).putInt(bits).array());
    }
    out.writeBytes(new byte[4]); // MsvAvEOL
    return out.toByteArray();
  }

  private static int field(ByteBuffer b, int length, int offset) {
    b.putShort((short) length).putShort((short) length).putInt(offset);
    return offset + length;
  }

  static byte[] hmacMd5(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacMD5");
      mac.init(new SecretKeySpec(key, "HmacMD5"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacMD5 is not available", e);
    }
  }

  static byte[] utf16(String s) {
    return s.getBytes(StandardCharsets.UTF_16LE);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] r = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * The parts of a CHALLENGE message the client needs.
   *
   * @param flags the negotiated flags
   * @param serverChallenge the 8-byte server challenge
   * @param targetInfo the AV pairs, ending with MsvAvEOL
   */
  record Challenge(int flags, byte[] serverChallenge, byte[] targetInfo) {
    static Challenge parse(byte[] m) {
      if (m.length < 48 || !Arrays.equals(Arrays.copyOf(m, 8), SIGNATURE)) {
        throw new IllegalArgumentException("not an NTLM message");
      }
      ByteBuffer b = ByteBuffer.wrap(m).order(ByteOrder.LITTLE_ENDIAN);
      if (b.getInt(8) != 2) {
        throw new IllegalArgumentException(
            "not an NTLM CHALLENGE message (type " + b.getInt(8) + ")");
      }
      int flags = b.getInt(20);
      byte[] challenge = Arrays.copyOfRange(m, 24, 32);
      int len = b.getShort(40) & 0xffff;
      int off = b.getInt(44);
      if (off < 0 || off + len > m.length || len < 4) {
        throw new IllegalArgumentException(
            "the NTLM CHALLENGE has no usable target info;" + " NTLMv2 needs it");
      }
      return new Challenge(flags, challenge, Arrays.copyOfRange(m, off, off + len));
    }

    byte @Nullable [] avPair(int wanted) {
      ByteBuffer in = ByteBuffer.wrap(targetInfo).order(ByteOrder.LITTLE_ENDIAN);
      while (in.remaining() >= 4) {
        int id = in.getShort() & 0xffff;
        int len = in.getShort() & 0xffff;
        if (id == AV_EOL || len > in.remaining()) {
          return null;
        }
        byte[] v = new byte[len];
        in.get(v);
        if (id == wanted) {
          return v;
        }
      }
      return null;
    }
  }
}
