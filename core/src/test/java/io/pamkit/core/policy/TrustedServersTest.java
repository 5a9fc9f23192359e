// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class TrustedServersTest {
  private final TrustedServers trusted =
      TrustedServers.of(
          "trusted.example.com",
          "*.apps.example.org",
          "192.0.2.10",
          "10.0.0.0/8",
          "2001:db8::10",
          "2001:db8:1::/48",
          "bücher.example");

  @Test
  void of_parsesEveryKind() {
    List<TrustedServer> e = trusted.entries();
    assertEquals(TrustedServer.Kind.HOST_NAME, e.get(0).kind());
    assertEquals(TrustedServer.Kind.WILDCARD_HOST_NAME, e.get(1).kind());
    assertEquals(TrustedServer.Kind.IPV4_ADDRESS, e.get(2).kind());
    assertEquals(TrustedServer.Kind.IPV4_NETWORK, e.get(3).kind());
    assertEquals(TrustedServer.Kind.IPV6_ADDRESS, e.get(4).kind());
    assertEquals(TrustedServer.Kind.IPV6_NETWORK, e.get(5).kind());
    assertEquals("xn--bcher-kva.example", e.get(6).canonical());
    assertEquals("2001:db8:1::/48", e.get(5).canonical());
    assertEquals("192.0.2.10", TrustedServer.parse("::ffff:192.0.2.10").canonical());
    assertEquals("spp.example.com", TrustedServer.parse("SPP.Example.COM.").canonical());
    assertEquals("2001:db8::1", TrustedServer.parse("[2001:DB8:0:0:0:0:0:1]").canonical());
  }

  @Test
  void redirect_trustedHosts_allowed() {
    assertTrue(trusted.isRedirectAllowed("https://trusted.example.com/login?x=1#top"));
    assertFalse(trusted.isRedirectAllowed("http://trusted.example.com"), "https only");
    assertTrue(trusted.isRedirectAllowed("https://192.0.2.10/"));
    assertTrue(trusted.isRedirectAllowed("https://10.200.3.4:8443/x"));
    assertTrue(trusted.isRedirectAllowed("https://[2001:db8::10]/"));
    assertTrue(trusted.isRedirectAllowed("https://[2001:db8:1:ffff::1]:443/"));
    assertTrue(trusted.isRedirectAllowed("/home"));
    assertTrue(trusted.isRedirectAllowed("/"));
  }

  @Test
  void redirect_untrustedHosts_refused() {
    assertFalse(trusted.isRedirectAllowed("https://evil.example/"));
    assertFalse(trusted.isRedirectAllowed("https://192.0.2.11/"));
    assertFalse(trusted.isRedirectAllowed("https://11.0.0.1/"));
    assertFalse(trusted.isRedirectAllowed("https://[2001:db8::11]/"));
    assertFalse(trusted.isRedirectAllowed("https://[2001:db8:2::1]/"));
    assertFalse(TrustedServers.none().isRedirectAllowed("https://trusted.example.com/"));
  }

  @Test
  void wildcard_matchesOneOrMoreLabelsButNotApexOrLookalikes() {
    assertTrue(trusted.isRedirectAllowed("https://a.apps.example.org/"));
    assertTrue(trusted.isRedirectAllowed("https://a.b.apps.example.org/"));
    assertFalse(trusted.isRedirectAllowed("https://apps.example.org/"));
    assertFalse(trusted.isRedirectAllowed("https://badapps.example.org/"));
    assertFalse(trusted.isRedirectAllowed("https://a.apps.example.org.evil.com/"));
    assertFalse(trusted.isRedirectAllowed("https://trusted.example.com.evil.com/"));
    assertFalse(trusted.isRedirectAllowed("https://eviltrusted.example.com/"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "//evil.example/",
        "///evil.example/",
        "/\\evil.example/",
        "\\\\evil.example\\",
        "https:\\\\evil.example",
        "https://trusted.example.com\\@evil.example/",
        "https:/\\evil.example",
        "https:evil.example",
        "https:/trusted.example.com",
        "https:///trusted.example.com"
      })
  void redirect_slashAndBackslashTricks_refused(String url) {
    assertFalse(trusted.isRedirectAllowed(url), url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://trusted.example.com@evil.example/",
        "https://trusted.example.com:443@evil.example/",
        "https://user:pass@trusted.example.com/",
        "https://evil.example#@trusted.example.com/",
        "https://evil.example?@trusted.example.com/",
        "https://evil.example/#https://trusted.example.com",
        "https://evil.example/?next=https://trusted.example.com"
      })
  void redirect_userInfoAndFragmentTricks_refused(String url) {
    assertFalse(trusted.isRedirectAllowed(url), url);
  }

  @Test
  void redirect_mixedCaseAndOneTrailingDot_normalised() {
    assertTrue(trusted.isRedirectAllowed("HTTPS://TRUSTED.Example.COM/Path"));
    assertTrue(trusted.isRedirectAllowed("https://trusted.example.com./"));
    assertFalse(trusted.isRedirectAllowed("https://trusted.example.com../"));
    assertFalse(trusted.isRedirectAllowed("https://.trusted.example.com/"));
  }

  @Test
  void redirect_punycodeAndUnicode() {
    assertTrue(trusted.isRedirectAllowed("https://bücher.example/"));
    assertTrue(trusted.isRedirectAllowed("https://BÜCHER.example/"));
    assertTrue(trusted.isRedirectAllowed("https://xn--bcher-kva.example/"));
    // Cyrillic 'а' homograph of trusted.example.com
    assertFalse(trusted.isRedirectAllowed("https://trusted.ex\u0430mple.com/"));
    assertFalse(trusted.isRedirectAllowed("https://trusted.xn--exmple-4nf.com/"));
    // full-width letters IDNA would fold onto the trusted name: refused, not guessed
    assertFalse(trusted.isRedirectAllowed("https://\uff54rusted.example.com/"));
    // full-width solidus and ideographic full stops
    assertFalse(trusted.isRedirectAllowed("https://evil.example\uff0ftrusted.example.com"));
    assertFalse(trusted.isRedirectAllowed("https://trusted\u3002example\u3002com/"));
    // zero-width joiner
    assertFalse(trusted.isRedirectAllowed("https://trusted\u200d.example.com/"));
    // percent-encoded host
    assertFalse(trusted.isRedirectAllowed("https://trusted%2eexample.com/"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://3221225994/", // 192.0.2.10 as one decimal number
        "https://0300.0000.0002.0012/", // octal
        "https://0xc0.0x0.0x2.0xa/", // hex
        "https://0xc000020a/",
        "https://192.0.2.012/", // leading zero: octal 10 in a browser
        "https://192.0.522/", // three-part form
        "https://192.0.2.10./",
        "https://010.0.0.1/", // browsers read 8.0.0.1, naive parsers 10.0.0.1
        "https://\uff11\uff19\uff12.0.2.10/" // full-width digits
      })
  void redirect_nonCanonicalIpv4_refused(String url) {
    assertFalse(trusted.isRedirectAllowed(url), url);
  }

  @Test
  void redirect_ipv4MappedIpv6_comparedAsIpv4() {
    assertTrue(trusted.isRedirectAllowed("https://[::ffff:192.0.2.10]/"));
    assertTrue(trusted.isRedirectAllowed("https://[::ffff:c000:20a]/"));
    assertTrue(trusted.isRedirectAllowed("https://[::ffff:10.1.2.3]/"));
    assertFalse(trusted.isRedirectAllowed("https://[::ffff:192.0.2.11]/"));
    assertFalse(trusted.isRedirectAllowed("https://[::ffff:127.0.0.1]/"));
    assertFalse(trusted.isRedirectAllowed("https://[fe80::1%25eth0]/"));
    assertFalse(trusted.isRedirectAllowed("https://[2001:db8::10%eth0]/"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://trusted.example.com:0/",
        "https://trusted.example.com:65536/",
        "https://trusted.example.com:/",
        "https://trusted.example.com:443:443/",
        "https://trusted.example.com:+443/",
        "https://trusted.example.com:0x1bb/",
        "https://[2001:db8::10]443/",
        "https://2001:db8::10/"
      })
  void redirect_badPorts_refused(String url) {
    assertFalse(trusted.isRedirectAllowed(url), url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript://trusted.example.com/%0aalert(1)",
        "javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "ftp://trusted.example.com/",
        "file://trusted.example.com/etc/passwd",
        "ws://trusted.example.com/",
        "trusted.example.com/login",
        "?next=x",
        "#frag"
      })
  void redirect_otherSchemesAndRelativeForms_refused(String url) {
    assertFalse(trusted.isRedirectAllowed(url), url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://trusted.example.com\t.evil/",
        "https://trusted.example.com\n/",
        "java\nscript:alert(1)",
        " https://trusted.example.com/",
        "https://trusted.example.com/\u0000"
      })
  void redirect_whitespaceAndControls_refused(String url) {
    assertFalse(trusted.isRedirectAllowed(url), url);
  }

  @Test
  void cors_exactOriginOnly() {
    assertTrue(trusted.isCorsOriginAllowed("https://trusted.example.com"));
    assertTrue(trusted.isCorsOriginAllowed("https://trusted.example.com:8443"));
    assertFalse(trusted.isCorsOriginAllowed("http://x.apps.example.org"), "https only");
    assertTrue(trusted.isCorsOriginAllowed("https://[2001:db8::10]"));
    assertFalse(trusted.isCorsOriginAllowed("https://trusted.example.com/"));
    assertFalse(trusted.isCorsOriginAllowed("https://trusted.example.com/path"));
    assertFalse(trusted.isCorsOriginAllowed("null"));
    assertFalse(trusted.isCorsOriginAllowed("https://evil.example"));
    assertFalse(trusted.isCorsOriginAllowed("https://trusted.example.com.evil.example"));
    assertFalse(trusted.isCorsOriginAllowed("https://trusted.example.com@evil.example"));
    assertFalse(trusted.isCorsOriginAllowed("chrome-extension://trusted.example.com"));
    assertFalse(trusted.isCorsOriginAllowed("https://apps.example.org"));
  }

  @Test
  void isHostTrusted_hostsOnly() {
    assertTrue(trusted.isHostTrusted("trusted.example.com"));
    assertTrue(trusted.isHostTrusted("2001:db8::10"));
    assertTrue(trusted.isHostTrusted("[2001:db8::10]"));
    assertTrue(trusted.isHostTrusted("10.1.1.1"));
    assertFalse(trusted.isHostTrusted("trusted.example.com:443"));
    assertFalse(trusted.isHostTrusted("0x0a000001"));
  }

  @Test
  void of_badEntries_reportEveryEntryAndRule() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                TrustedServers.of(
                    "ok.example.com",
                    "https://x.example.com",
                    "10.0.0.1/8",
                    "a*.example.com",
                    "*.com",
                    "0x7f.0.0.1",
                    "host.example.com:443",
                    "10.0.0.0/33",
                    "2001:db8::/129",
                    "fe80::1%eth0",
                    "",
                    "bad_host.example",
                    "a..b"));
    List<Violation> v = e.violations();
    assertEquals(12, v.size(), e.getMessage());
    assertEquals("TrustedServers[1]", v.get(0).path());
    assertTrue(v.get(0).message().contains("\"https://x.example.com\""), v.get(0).message());
    assertTrue(v.get(0).message().contains("scheme"), v.get(0).message());
    assertTrue(v.get(1).message().contains("did you mean 10.0.0.0/8"), v.get(1).message());
    assertTrue(v.get(2).message().contains("left-most label"), v.get(2).message());
    assertTrue(v.get(3).message().contains("at least two labels"), v.get(3).message());
    assertTrue(v.get(4).message().contains("canonical IPv4"), v.get(4).message());
    assertTrue(v.get(5).message().contains("port"), v.get(5).message());
    assertTrue(v.get(6).message().contains("0..32"), v.get(6).message());
    assertTrue(v.get(7).message().contains("0..128"), v.get(7).message());
    assertTrue(v.get(8).message().contains("zone"), v.get(8).message());
    assertTrue(v.get(9).message().contains("empty"), v.get(9).message());
    assertTrue(v.get(10).message().contains("'_'"), v.get(10).message());
    assertTrue(v.get(11).message().contains("empty labels"), v.get(11).message());
  }

  @Test
  void parse_entryWithNewline_messageDoesNotCarryIt() {
    ValidationException e =
        assertThrows(ValidationException.class, () -> TrustedServer.parse("a.example\nb"));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void parse_ipv6Forms() {
    assertEquals("::/1", TrustedServer.parse("::/1").canonical());
    assertEquals("::1", TrustedServer.parse("::1").canonical());
    assertEquals("1::", TrustedServer.parse("1::").canonical());
    assertEquals("2001:db8::102:304", TrustedServer.parse("2001:db8::1.2.3.4").canonical());
    assertEquals("1:0:0:2::3", TrustedServer.parse("1:0:0:2:0:0:0:3").canonical());
    for (String bad :
        List.of(
            "1:2:3:4:5:6:7:8:9",
            "1::2::3",
            ":1::",
            "12345::",
            "1.2.3.4::",
            "g::1",
            "1:2:3:4:5:6:7")) {
      assertThrows(ValidationException.class, () -> TrustedServer.parse(bad), bad);
    }
  }

  @Test
  void http_onlyForEntriesWithTheHttpPrefix() {
    TrustedServers t =
        TrustedServers.of(
            "https-only.example.com",
            "http://legacy.example.com",
            "HTTP://10.0.0.0/8",
            "http://*.old.example.org",
            "http://[2001:db8::1]");
    assertFalse(t.isRedirectAllowed("http://https-only.example.com/"));
    assertFalse(t.isCorsOriginAllowed("http://https-only.example.com"));
    assertTrue(t.isCorsOriginAllowed("https://https-only.example.com"));
    assertTrue(t.isRedirectAllowed("http://legacy.example.com/x"));
    assertTrue(t.isRedirectAllowed("https://legacy.example.com/x"));
    assertTrue(t.isCorsOriginAllowed("http://10.1.2.3:8080"));
    assertTrue(t.isCorsOriginAllowed("HTTP://a.old.example.org"));
    assertTrue(t.isRedirectAllowed("http://[2001:db8::1]/"));
    assertTrue(t.isHostTrusted("https-only.example.com"));
    assertTrue(t.entries().get(1).allowsHttp());
    assertFalse(t.entries().get(0).allowsHttp());
    assertEquals("http://10.0.0.0/8", t.entries().get(2).canonical());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://x.example.com",
        "ftp://x.example.com",
        "http://http://x.com",
        "http://",
        "http://x.example.com/",
        "http://x.example.com:80"
      })
  void httpPrefix_otherSchemesAndLeftovers_refused(String entry) {
    assertThrows(ValidationException.class, () -> TrustedServer.parse(entry), entry);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "*.co.uk",
        "*.github.io",
        "*.azurewebsites.net",
        "*.cloudfront.net",
        "*.com.au",
        "*.s3.amazonaws.com",
        "*.CO.UK.",
        "*.xn--55qx5d.cn",
        "*.foo.kawasaki.jp"
      })
  void wildcard_onPublicSuffix_refused(String entry) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> TrustedServer.parse(entry), entry);
    assertTrue(e.getMessage().contains("public suffix"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"*.example.co.uk", "*.pamkit.github.io", "*.corp.internal", "*.apps.example.com"})
  void wildcard_belowPublicSuffix_accepted(String entry) {
    assertEquals(TrustedServer.Kind.WILDCARD_HOST_NAME, TrustedServer.parse(entry).kind());
  }

  @Test
  void mappedIpv6Network_storedAsIpv4Network_matchesBothForms() {
    TrustedServer e = TrustedServer.parse("::ffff:10.0.0.0/104");
    assertEquals(TrustedServer.Kind.IPV4_NETWORK, e.kind());
    assertEquals("10.0.0.0/8", e.canonical());
    TrustedServers t = TrustedServers.of("::ffff:10.0.0.0/104", "::ffff:192.0.2.1");
    assertTrue(t.isRedirectAllowed("https://10.1.2.3/"));
    assertTrue(t.isRedirectAllowed("https://[::ffff:10.1.2.3]/"));
    assertTrue(t.isRedirectAllowed("https://[::ffff:a01:203]/"));
    assertTrue(t.isHostTrusted("::ffff:192.0.2.1"));
    assertTrue(t.isHostTrusted("192.0.2.1"));
    assertFalse(t.isRedirectAllowed("https://11.0.0.1/"));
    assertFalse(t.isRedirectAllowed("https://[::ffff:11.0.0.1]/"));
    assertEquals("0.0.0.0/1", TrustedServer.parse("::ffff:0:0/97").canonical());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0/0", "::/0", "[::]/0", "::ffff:0:0/96", "http://0.0.0.0/0"})
  void parse_networkThatTrustsEveryAddress_refused(String entry) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> TrustedServer.parse(entry), entry);
    assertTrue(e.getMessage().contains("would trust every"), e.getMessage());
    assertEquals("entry", e.violations().get(0).path());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0", "::ffff:0.0.0.0"})
  void parse_unspecifiedAddress_refused(String entry) {
    ValidationException e =
        assertThrows(ValidationException.class, () -> TrustedServer.parse(entry), entry);
    assertTrue(e.getMessage().contains("unspecified address"), e.getMessage());
  }

  @Test
  void of_trustAllEntryAmongOthers_violationNamesItsIndex() {
    ValidationException e =
        assertThrows(ValidationException.class, () -> TrustedServers.of("10.0.0.0/8", "0.0.0.0/0"));
    assertEquals("TrustedServers[1]", e.violations().get(0).path());
    assertTrue(e.getMessage().contains("\"0.0.0.0/0\""), e.getMessage());
  }
}
