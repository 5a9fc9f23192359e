// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.ews.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.pamkit.core.secret.Secret;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The NTLMv2 computations against the worked example in [MS-NLMP] 4.2.4. */
final class NtlmTest {
  private static final HexFormat HEX = HexFormat.of();
  // MsvAvNbDomainName "Domain", MsvAvNbComputerName "Server", MsvAvEOL
  private static final byte[] AV_PAIRS =
      HEX.parseHex(
          "02000c0044006f006d00610069006e00" + "01000c00530065007200760065007200" + "00000000");

  @Test
  void ntowfv2_specExample_matches() {
    assertEquals(
        "0c868a403bfd7a93a3001ef22ef02e3f",
        HEX.formatHex(Ntlm.ntowfv2(Secret.of("Password"), "User", "Domain")));
  }

  @Test
  void ntProofStr_specExample_matches() {
    byte[] key = Ntlm.ntowfv2(Secret.of("Password"), "User", "Domain");
    byte[] clientChallenge = new byte[8];
    Arrays.fill(clientChallenge, (byte) 0xaa);
    byte[] blob = Ntlm.blob(0, clientChallenge, AV_PAIRS);
    byte[] proof = Ntlm.hmacMd5(key, Ntlm.concat(HEX.parseHex("0123456789abcdef"), blob));

    assertEquals("68cd0ab851e51c96aabc927bebef6a1c", HEX.formatHex(proof));
    assertEquals("8de40ccadbc14a82f15cb0ad0de95ca3", HEX.formatHex(Ntlm.hmacMd5(key, proof)));
  }

  @Test
  void withFlags_addsMsvAvFlagsBeforeEol() {
    byte[] out = Ntlm.withFlags(AV_PAIRS, 2);

    assertArrayEquals(
        Ntlm.concat(
            Arrays.copyOf(AV_PAIRS, AV_PAIRS.length - 4), HEX.parseHex("060004000200000000000000")),
        out);
  }

  @Test
  void authenticate_notAChallenge_refused() {
    Ntlm ntlm = new Ntlm("DOMAIN\\user", Secret.of("pw"), "", new java.security.SecureRandom());
    byte[] negotiate = ntlm.negotiate();

    assertThrows(IllegalArgumentException.class, () -> ntlm.authenticate(negotiate));
    assertThrows(IllegalArgumentException.class, () -> ntlm.authenticate(new byte[60]));
  }
}
