// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.cert;

import io.pamkit.core.internal.Text;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** Shared parsing for the cert package: file reading, DER framing checks, PEM blocks. */
final class CertIo {
  /** BouncyCastle as a private provider instance: never registered JVM-wide. */
  static final Provider BC = new BouncyCastleProvider();

  static final String BYTES = "<bytes>";

  private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([A-Z0-9 #]+)-----");

  private CertIo() {}

  /** One PEM block: its label, its full text (for BouncyCastle) and its decoded body. */
  record PemBlock(String label, String text, byte[] der) {}

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new CertificateLoadException(
          CertificateLoadException.Reason.UNREADABLE, source(file), "cannot read the file", e);
    }
  }

  static String source(Path file) {
    Path name = file.getFileName();
    String s = name == null ? file.toString() : name.toString();
    // A file name ends up in exception messages and logs: no control characters.
    return Text.oneLine(s, 255);
  }

  static boolean looksLikePem(byte[] data) {
    return new String(data, StandardCharsets.ISO_8859_1).contains("-----BEGIN ");
  }

  /**
   * Checks that DER data holds one complete SEQUENCE: a cut-off file is reported as truncated
   * rather than as a parse error.
   */
  static void checkDer(byte[] data, String source, String what) {
    if (data.length == 0) {
      throw new CertificateLoadException(
          CertificateLoadException.Reason.TRUNCATED, source, "is empty", null);
    }
    if ((data[0] & 0xFF) != 0x30) {
      throw new CertificateLoadException(
          CertificateLoadException.Reason.WRONG_FORMAT,
          source,
          "is not "
              + what
              + " (DER data starts with a SEQUENCE, 0x30; found 0x"
              + String.format("%02X", data[0] & 0xFF)
              + ")",
          null);
    }
    if (data.length < 2) {
      throw truncated(source, what, 2, data.length);
    }
    int first = data[1] & 0xFF;
    long length;
    int header;
    if (first < 0x80) {
      length = first;
      header = 2;
    } else if (first == 0x80) {
      return; // indefinite length (BER): the parser decides
    } else {
      int n = first & 0x7F;
      if (n > 4) {
        throw new CertificateLoadException(
            CertificateLoadException.Reason.WRONG_FORMAT,
            source,
            "is not " + what + " (impossible DER length)",
            null);
      }
      if (data.length < 2 + n) {
        throw truncated(source, what, 2 + n, data.length);
      }
      length = 0;
      for (int i = 0; i < n; i++) {
        length = (length << 8) | (data[2 + i] & 0xFF);
      }
      header = 2 + n;
    }
    if (header + length > data.length) {
      throw truncated(source, what, header + length, data.length);
    }
  }

  private static CertificateLoadException truncated(
      String source, String what, long expected, int actual) {
    return new CertificateLoadException(
        CertificateLoadException.Reason.TRUNCATED,
        source,
        what + " is cut off: its structure needs " + expected + " bytes, the data has " + actual,
        null);
  }

  /** Splits PEM text into blocks; a BEGIN without its END means a truncated file. */
  static List<PemBlock> pemBlocks(byte[] data, String source) {
    String text = new String(data, StandardCharsets.US_ASCII);
    List<PemBlock> blocks = new ArrayList<>();
    Matcher m = BEGIN.matcher(text);
    int from = 0;
    while (m.find(from)) {
      String label = m.group(1);
      String end = "-----END " + label + "-----";
      int endAt = text.indexOf(end, m.end());
      if (endAt < 0) {
        throw new CertificateLoadException(
            CertificateLoadException.Reason.TRUNCATED,
            source,
            "the PEM block \"" + label + "\" has no END line",
            null);
      }
      String body = text.substring(m.end(), endAt);
      StringBuilder b64 = new StringBuilder();
      for (String line : body.split("\r?\n")) {
        if (!line.contains(":")) {
          b64.append(line.trim());
        }
      }
      byte[] der;
      try {
        der = Base64.getDecoder().decode(b64.toString());
      } catch (IllegalArgumentException e) {
        throw new CertificateLoadException(
            CertificateLoadException.Reason.WRONG_FORMAT,
            source,
            "the PEM block \"" + label + "\" is not valid Base64",
            e);
      }
      blocks.add(new PemBlock(label, text.substring(m.start(), endAt + end.length()), der));
      from = endAt + end.length();
    }
    return blocks;
  }

  static List<X509Certificate> parseDerCertificates(byte[] der, String source) {
    checkDer(der, source, "an X.509 certificate");
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509");
      List<X509Certificate> out = new ArrayList<>();
      for (var c : cf.generateCertificates(new ByteArrayInputStream(der))) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new CertificateLoadException(
            CertificateLoadException.Reason.NO_CERTIFICATE, source, "holds no certificate", null);
      }
      return out;
    } catch (CertificateException e) {
      String hint =
          isPkcs12(der) ? " (it looks like PKCS#12: load it with KeyMaterial.fromPkcs12)" : "";
      throw new CertificateLoadException(
          CertificateLoadException.Reason.WRONG_FORMAT,
          source,
          "is not an X.509 certificate" + hint,
          e);
    }
  }

  static X509Certificate toJdk(byte[] encoded) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(encoded));
    } catch (CertificateException e) {
      throw new IllegalStateException("the JDK cannot read a certificate BouncyCastle built", e);
    }
  }

  /** PKCS#12: SEQUENCE { INTEGER 3, ... }. */
  static boolean isPkcs12(byte[] der) {
    int i = 1;
    if (der.length < 3) {
      return false;
    }
    int first = der[1] & 0xFF;
    i = first < 0x80 ? 2 : 2 + (first & 0x7F);
    return der.length > i + 2 && der[i] == 0x02 && der[i + 1] == 0x01 && der[i + 2] == 0x03;
  }
}
