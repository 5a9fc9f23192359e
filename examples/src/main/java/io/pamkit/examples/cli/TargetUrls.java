// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.examples.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.subscription.SnmpAuthenticationType;
import io.pamkit.core.subscription.SnmpEncryptionType;
import io.pamkit.core.subscription.SyslogFacility;
import io.pamkit.core.subscription.SyslogTcpFraming;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * One-line targets for {@code pamkit send --to URL}: each URL becomes an {@code EventSubscribers}
 * entry (and, for email, the {@code EmailClientConfig} or {@code EmailProviders} section) of an
 * ordinary configuration document, so the same providers deliver as with a document.
 *
 * <p>Schemes: {@code syslog+udp}, {@code syslog+tcp}, {@code syslog+tls}, {@code mailto}, {@code
 * sendgrid}, {@code snmp}. Secrets never come from the URL: a URL with a password is refused
 * without echoing it, and passwords and keys are read by a {@link SecretSource} (the environment,
 * or a prompt).
 */
final class TargetUrls {
  /** The variable holding the SMTP password of {@code mailto://...?user=NAME}. */
  static final String SMTP_PASSWORD = "PAMKIT_SMTP_PASSWORD";

  /** The variable holding the SendGrid API key. */
  static final String SENDGRID_API_KEY = "PAMKIT_SENDGRID_API_KEY";

  /** The variable holding the SNMPv3 authentication password. */
  static final String SNMP_AUTH = "PAMKIT_SNMP_AUTH";

  /** The variable holding the SNMPv3 privacy (encryption) password. */
  static final String SNMP_PRIV = "PAMKIT_SNMP_PRIV";

  /** The schemes {@code --to} understands, in the order the help lists them. */
  static final List<String> SCHEMES =
      List.of("syslog+udp", "syslog+tcp", "syslog+tls", "mailto", "sendgrid", "snmp");

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Set<String> SECRET_PARAMS =
      Set.of(
          "password",
          "pass",
          "pw",
          "key",
          "apikey",
          "api_key",
          "token",
          "secret",
          "auth_password",
          "priv_password");
  private static final Pattern USER_PASSWORD = Pattern.compile("(://[^/?#@:]*):[^/?#@]*@");

  private TargetUrls() {}

  /**
   * Bad input in one {@code --to} target.
   *
   * @param shown the target as shown (secrets masked)
   * @param problem what is wrong and how to write it
   * @return the exception, to throw
   */
  static UsageException badTarget(String shown, String problem) {
    return new UsageException("--to '" + shown + "': " + problem);
  }

  /** Reads a secret by variable name, from the environment or a prompt. */
  @FunctionalInterface
  interface SecretSource {
    /**
     * Returns a secret.
     *
     * @param variable the environment variable that holds it
     * @param what what it is, for the prompt and the error (never the value)
     * @return the secret's characters
     * @throws UsageException if it is neither set nor can be prompted for
     */
    String secret(String variable, String what);
  }

  /**
   * One parsed target.
   *
   * @param shown the URL with every secret replaced by {@code ***}, for messages
   * @param channel the subscriber type ({@code Syslog}, {@code Email}, {@code Snmp})
   * @param subscribers the subscriber entries, without {@code Id}
   * @param emailKey for email targets, what identifies the email provider (all email targets must
   *     share one), else null
   * @param emailSection for email targets, the section that configures the provider
   */
  record Target(
      String shown,
      String channel,
      List<ObjectNode> subscribers,
      @Nullable String emailKey,
      @Nullable ObjectNode emailSection) {}

  /**
   * Builds the configuration document the targets describe.
   *
   * @param urls the {@code --to} values
   * @param secrets where passwords and keys come from
   * @return the document and, by subscriber index, the target that made it
   * @throws UsageException naming the {@code --to} value (secrets masked) that is wrong
   */
  static Built document(List<String> urls, SecretSource secrets) {
    if (urls.isEmpty()) {
      throw new UsageException("--to: give at least one target URL");
    }
    ObjectNode doc = MAPPER.createObjectNode();
    ArrayNode subs = doc.putArray("EventSubscribers");
    List<String> bySubscriber = new ArrayList<>();
    String emailKey = null;
    String emailShown = null;
    for (String url : urls) {
      Target t = parse(url, secrets);
      if (t.emailKey() != null) {
        if (emailKey == null) {
          emailKey = t.emailKey();
          emailShown = t.shown();
          ObjectNode section = t.emailSection();
          if (section != null) {
            if (section.has("Type")) {
              doc.putArray("EmailProviders").add(section);
            } else {
              doc.set("EmailClientConfig", section);
            }
          }
        } else if (!emailKey.equals(t.emailKey())) {
          throw badTarget(
              t.shown(),
              "every email target must go"
                  + " through the same server and sender as '"
                  + emailShown
                  + "' (one email"
                  + " channel per run); run pamkit send once per server");
        }
      }
      for (ObjectNode s : t.subscribers()) {
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("Id", subs.size() + 1);
        entry.put("Type", t.channel());
        entry.put("Description", truncate(t.shown(), 255));
        entry.put("SubscribeToAllEvents", true);
        entry.setAll(s);
        subs.add(entry);
        bySubscriber.add(t.shown());
      }
    }
    return new Built(doc, List.copyOf(bySubscriber));
  }

  /**
   * A document built from targets.
   *
   * @param document the configuration document
   * @param targets the masked URL of each subscriber, by position
   */
  record Built(ObjectNode document, List<String> targets) {}

  /**
   * Parses one target URL.
   *
   * @param url the URL
   * @param secrets where passwords and keys come from
   * @return the target
   * @throws UsageException if the URL is not a target, with secrets masked in the message
   */
  static Target parse(String url, SecretSource secrets) {
    String raw = url.strip();
    String shown = mask(raw);
    Url u = Url.split(raw, shown);
    return switch (u.scheme) {
      case "syslog+udp", "syslog+tcp", "syslog+tls" -> syslog(u, shown);
      case "mailto", "mailtos" -> mailto(u, shown, secrets);
      case "sendgrid" -> sendGrid(u, shown, secrets);
      case "snmp" -> snmp(u, shown, secrets);
      default ->
          throw badTarget(
              shown,
              "unknown scheme '" + u.scheme + "'; known schemes are " + String.join(", ", SCHEMES));
    };
  }

  /**
   * Replaces every secret a URL may carry (the password of {@code user:password@}, and parameters
   * named like a secret) by {@code ***}.
   *
   * @param url the URL
   * @return the URL safe to print
   */
  static String mask(String url) {
    String s = USER_PASSWORD.matcher(url).replaceAll("$1:***@");
    int q = s.indexOf('?');
    if (q < 0) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.substring(0, q + 1));
    String[] parts = s.substring(q + 1).split("&", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      int eq = p.indexOf('=');
      String name = (eq < 0 ? p : p.substring(0, eq)).toLowerCase(Locale.ROOT);
      b.append(i == 0 ? "" : "&");
      b.append(
          eq >= 0 && (SECRET_PARAMS.contains(name) || name.equals("community"))
              ? p.substring(0, eq) + "=***"
              : p);
    }
    return b.toString();
  }

  private static Target syslog(Url u, String shown) {
    u.noUser();
    u.noPath();
    boolean tls = u.scheme.equals("syslog+tls");
    boolean tcp = tls || u.scheme.equals("syslog+tcp");
    ObjectNode p = MAPPER.createObjectNode();
    p.put("NetworkAddress", u.requireHost());
    p.put("Port", u.port(tls ? 6514 : 514));
    String rfc = u.param("rfc");
    if (rfc != null && !tcp && rfc.equals("3164")) {
      p.put("Protocol", "LegacyUdp");
    } else if (rfc != null && !rfc.equals("5424")) {
      throw u.bad("rfc", rfc, tcp ? "5424 (TCP and TLS always speak RFC 5424)" : "3164, 5424");
    } else {
      p.put("Protocol", tcp ? "Tcp" : "Udp");
    }
    if (tls) {
      p.put("UseSslEncryption", true);
    }
    String framing = u.param("framing");
    if (framing != null) {
      if (!tcp) {
        throw badTarget(shown, "framing= is for syslog+tcp and syslog+tls");
      }
      p.put(
          "TcpFraming",
          u.choice(
                  "framing",
                  framing,
                  SyslogTcpFraming.values(),
                  f ->
                      f == SyslogTcpFraming.OCTET_COUNTING
                          ? "octet-counting"
                          : f.wireName().toLowerCase(Locale.ROOT))
              .wireName());
    }
    String facility = u.param("facility");
    if (facility != null) {
      p.put(
          "Facility",
          u.choice(
                  "facility",
                  facility,
                  SyslogFacility.values(),
                  f -> f.wireName().toLowerCase(Locale.ROOT))
              .wireName());
    }
    String format = u.param("format");
    if (format != null) {
      switch (format.toLowerCase(Locale.ROOT)) {
        case "cef" -> p.put("LogFormat", "CEF");
        case "json" -> p.put("LogFormat", "JSON");
        case "text", "rfc5424" -> {}
        default -> throw u.bad("format", format, "cef, json, text");
      }
    }
    String prefix = u.param("prefix");
    if (prefix != null) {
      p.put("KeyPrefix", prefix);
    }
    String tz = u.param("tz");
    if (tz != null) {
      p.put("TimeZoneId", tz);
    }
    // The syslog identity fields of issue 17; the document reports them if this build lacks them.
    String host = u.param("hostname");
    if (host != null) {
      p.put("HostName", host);
    }
    String app = u.param("app");
    if (app != null) {
      p.put("AppName", app);
    }
    u.noOtherParams();
    ObjectNode s = MAPPER.createObjectNode();
    s.set("SyslogProperties", p);
    return new Target(shown, "Syslog", List.of(s), null, null);
  }

  private static Target mailto(Url u, String shown, SecretSource secrets) {
    String to;
    if (u.opaque != null) {
      to = u.opaque;
    } else {
      u.noPath();
      if (u.user == null) {
        throw badTarget(
            shown, "write the recipient as" + " mailto://NAME@DOMAIN?via=SMTP_HOST[:PORT]");
      }
      to = u.user + "@" + u.requireHost();
    }
    List<String> recipients = new ArrayList<>();
    for (String r : (to + (u.param("to") == null ? "" : "," + u.param("to"))).split(",")) {
      if (!r.isBlank()) {
        recipients.add(r.strip());
      }
    }
    String via = u.param("via");
    if (via == null) {
      throw badTarget(shown, "add via=SMTP_HOST[:PORT], the server that relays the email");
    }
    String tls = u.param("tls");
    String mode =
        tls == null
            ? (u.scheme.equals("mailtos") ? "smtps" : "required")
            : tls.toLowerCase(Locale.ROOT);
    if (!List.of("required", "opportunistic", "smtps", "none").contains(mode)) {
      throw u.bad("tls", tls, "required, opportunistic, smtps, none");
    }
    HostPort server = HostPort.parse(via, mode.equals("smtps") ? 465 : 25, shown, "via");
    String from = u.param("from");
    String sender =
        from != null
            ? from
            : "pamkit@"
                + (server.host.startsWith("[") || server.host.matches("[0-9.]+")
                    ? "localhost"
                    : server.host);
    String user = u.param("user");
    ObjectNode smtp = MAPPER.createObjectNode();
    smtp.put("ServerAddress", server.host);
    smtp.put("PortNumber", server.port);
    smtp.put("SenderEmail", sender);
    smtpTls(smtp, mode);
    if (user != null) {
      smtp.put("RequireUserAuthentication", true);
      smtp.putObject("ConnectionProperties")
          .put("ServiceAccountName", user)
          .put("ServiceAccountPassword", secrets.secret(SMTP_PASSWORD, "SMTP password of " + user));
    }
    u.noOtherParams();
    String key =
        "smtp "
            + server.host
            + ":"
            + server.port
            + " "
            + mode
            + " "
            + sender
            + " "
            + (user == null ? "" : user);
    return new Target(shown, "Email", emailSubscribers(recipients), key, smtp);
  }

  /**
   * Sets the document's TLS flags for a {@code tls=} mode. {@code opportunistic} and {@code none}
   * both turn {@code RequireTlsFlag} off; with this build's SMTP transport that is plain text.
   */
  private static void smtpTls(ObjectNode smtp, String mode) {
    smtp.put("RequireTlsFlag", mode.equals("required"));
    smtp.put("RequireSmtpsFlag", mode.equals("smtps"));
  }

  private static Target sendGrid(Url u, String shown, SecretSource secrets) {
    u.noUser();
    u.noPath();
    if (u.host != null && !u.host.isEmpty()) {
      throw badTarget(
          shown, "write sendgrid://?to=ADDRESS&from=SENDER" + " (no host; endpoint= for a proxy)");
    }
    String to = u.param("to");
    String from = u.param("from");
    if (to == null || from == null) {
      throw badTarget(shown, "sendgrid needs to=ADDRESS[,ADDRESS...] and from=SENDER");
    }
    ObjectNode p = MAPPER.createObjectNode();
    p.put("Type", "SendGrid");
    p.put("Name", "sendgrid");
    p.put("SenderEmail", from);
    String endpoint = u.param("endpoint");
    if (endpoint != null) {
      p.put("Endpoint", endpoint);
    }
    String region = u.param("region");
    if (region != null) {
      p.put(
          "Region",
          region.equalsIgnoreCase("eu")
              ? "Eu"
              : region.equalsIgnoreCase("global") ? "Global" : region);
    }
    String sandbox = u.param("sandbox");
    if (sandbox != null) {
      p.put("SandboxMode", u.bool("sandbox", sandbox));
    }
    p.put("ApiKey", secrets.secret(SENDGRID_API_KEY, "SendGrid API key"));
    u.noOtherParams();
    List<String> recipients =
        Arrays.stream(to.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    String key = "sendgrid " + from + " " + endpoint + " " + region + " " + sandbox;
    return new Target(shown, "Email", emailSubscribers(recipients), key, p);
  }

  private static List<ObjectNode> emailSubscribers(List<String> recipients) {
    List<ObjectNode> out = new ArrayList<>();
    for (String r : new LinkedHashSet<>(recipients)) {
      out.add(MAPPER.createObjectNode().put("EmailAddress", r));
    }
    return out;
  }

  private static Target snmp(Url u, String shown, SecretSource secrets) {
    u.noPath();
    ObjectNode p = MAPPER.createObjectNode();
    p.put("NetworkAddress", u.requireHost());
    p.put("Port", u.port(162));
    String user = u.param("user") != null ? u.param("user") : u.user;
    String version = u.param("version");
    int v =
        version == null
            ? (user != null ? 3 : 2)
            : switch (version.toLowerCase(Locale.ROOT)) {
              case "1" -> 1;
              case "2", "2c" -> 2;
              case "3" -> 3;
              default -> throw u.bad("version", version, "1, 2c, 3");
            };
    p.put("Version", v);
    if (v < 3) {
      if (user != null) {
        throw badTarget(shown, "a user is for SNMPv3; drop it or add version=3");
      }
      String community = u.param("community");
      if (community != null) {
        p.put("Community", community);
      }
    } else {
      if (user == null) {
        throw badTarget(shown, "SNMPv3 needs user=NAME");
      }
      if (u.param("community") != null) {
        throw badTarget(shown, "community= is for SNMP v1 and v2c");
      }
      p.put("AuthenticationUserName", user);
      String auth = u.param("auth");
      SnmpAuthenticationType a =
          auth == null
              ? SnmpAuthenticationType.SHA256
              : u.choice(
                  "auth",
                  auth,
                  SnmpAuthenticationType.values(),
                  t -> t.wireName().toLowerCase(Locale.ROOT));
      String priv = u.param("priv");
      SnmpEncryptionType e =
          priv == null
              ? (a == SnmpAuthenticationType.NONE
                  ? SnmpEncryptionType.NONE
                  : SnmpEncryptionType.AES128)
              : u.choice(
                  "priv",
                  priv,
                  SnmpEncryptionType.values(),
                  t -> t.wireName().toLowerCase(Locale.ROOT));
      p.put("AuthenticationType", a.wireName());
      p.put("EncryptionType", e.wireName());
      if (a != SnmpAuthenticationType.NONE) {
        p.put(
            "AuthenticationPassword",
            secrets.secret(SNMP_AUTH, "SNMPv3 authentication password of " + user));
      }
      if (e != SnmpEncryptionType.NONE) {
        p.put(
            "EncryptionPassword", secrets.secret(SNMP_PRIV, "SNMPv3 privacy password of " + user));
      }
      String engine = u.param("engine");
      if (engine != null) {
        p.put("EngineId", engine);
      }
    }
    u.noOtherParams();
    ObjectNode s = MAPPER.createObjectNode();
    s.set("SnmpProperties", p);
    return new Target(shown, "Snmp", List.of(s), null, null);
  }

  private static String truncate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  /** A host and port, e.g. {@code via=smtp.example.com:587} or {@code [2001:db8::1]:25}. */
  private record HostPort(String host, int port) {
    static HostPort parse(String text, int defaultPort, String shown, String param) {
      String t = text.strip();
      String host;
      String port = null;
      if (t.startsWith("[")) {
        int end = t.indexOf(']');
        if (end < 0) {
          throw badTarget(shown, param + "=" + text + " has no closing ]");
        }
        host = t.substring(0, end + 1);
        if (end + 1 < t.length()) {
          if (t.charAt(end + 1) != ':') {
            throw badTarget(shown, param + "=" + text + " is not HOST[:PORT]");
          }
          port = t.substring(end + 2);
        }
      } else {
        int colon = t.indexOf(':');
        if (colon >= 0 && t.indexOf(':', colon + 1) >= 0) {
          throw badTarget(
              shown,
              param
                  + "="
                  + text
                  + " looks like an IPv6 address; put it in brackets, e.g. [2001:db8::1]:25");
        }
        host = colon < 0 ? t : t.substring(0, colon);
        port = colon < 0 ? null : t.substring(colon + 1);
      }
      if (host.isEmpty() || host.equals("[]")) {
        throw badTarget(shown, param + "= names no host");
      }
      return new HostPort(host, port == null ? defaultPort : Url.port(port, shown));
    }
  }

  /**
   * A target URL taken apart by hand, so that {@code sendgrid://?...} and {@code mailto:} parse.
   */
  private static final class Url {
    final String scheme;
    final String shown;
    @Nullable String user;
    @Nullable String host;
    @Nullable String portText;
    @Nullable String path;
    @Nullable String opaque;
    final Map<String, String> params = new LinkedHashMap<>();
    final Set<String> used = new LinkedHashSet<>();

    private Url(String scheme, String shown) {
      this.scheme = scheme;
      this.shown = shown;
    }

    static Url split(String raw, String shown) {
      int colon = raw.indexOf(':');
      if (colon <= 0 || !raw.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*")) {
        throw new UsageException(
            "--to '"
                + shown
                + "' is not a target URL; write"
                + " SCHEME://..., one of "
                + String.join(", ", SCHEMES));
      }
      Url u = new Url(raw.substring(0, colon).toLowerCase(Locale.ROOT), shown);
      String rest = raw.substring(colon + 1);
      int hash = rest.indexOf('#');
      if (hash >= 0) {
        rest = rest.substring(0, hash);
      }
      int q = rest.indexOf('?');
      String query = q < 0 ? null : rest.substring(q + 1);
      rest = q < 0 ? rest : rest.substring(0, q);
      if (query != null) {
        for (String pair : query.split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          String name =
              decode(eq < 0 ? pair : pair.substring(0, eq), shown).toLowerCase(Locale.ROOT);
          if (SECRET_PARAMS.contains(name)) {
            throw badTarget(
                shown, "secrets are never taken from a URL;" + " " + secretHint(u.scheme));
          }
          if (u.params.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1), shown)) != null) {
            throw badTarget(shown, name + "= is given twice");
          }
        }
      }
      if (!rest.startsWith("//")) {
        if (u.scheme.equals("mailto") && !rest.isEmpty()) {
          u.opaque = decode(rest, shown);
          if (u.opaque.contains(":")) {
            throw badTarget(
                shown, "a mailto address has no password;" + " " + secretHint(u.scheme));
          }
          return u;
        }
        throw new UsageException(
            "--to '" + shown + "' is not a target URL; write " + u.scheme + "://...");
      }
      rest = rest.substring(2);
      int slash = rest.indexOf('/');
      String authority = slash < 0 ? rest : rest.substring(0, slash);
      u.path = slash < 0 ? null : rest.substring(slash);
      int at = authority.lastIndexOf('@');
      if (at >= 0) {
        String userInfo = authority.substring(0, at);
        if (userInfo.contains(":")) {
          throw new UsageException(
              "--to '"
                  + shown
                  + "' carries a password; secrets are never"
                  + " taken from a URL: "
                  + secretHint(u.scheme));
        }
        u.user = decode(userInfo, shown);
        authority = authority.substring(at + 1);
      }
      if (authority.startsWith("[")) {
        int end = authority.indexOf(']');
        if (end < 0) {
          throw badTarget(shown, "the IPv6 address has no closing ]");
        }
        u.host = authority.substring(0, end + 1);
        String after = authority.substring(end + 1);
        if (after.startsWith(":")) {
          u.portText = after.substring(1);
        } else if (!after.isEmpty()) {
          throw badTarget(shown, "unexpected '" + after + "' after the address");
        }
      } else {
        int pc = authority.indexOf(':');
        if (pc >= 0 && authority.indexOf(':', pc + 1) >= 0) {
          throw badTarget(
              shown,
              "an IPv6 address must be in brackets," + " e.g. " + u.scheme + "://[2001:db8::1]");
        }
        u.host = pc < 0 ? authority : authority.substring(0, pc);
        u.portText = pc < 0 ? null : authority.substring(pc + 1);
      }
      return u;
    }

    private static String secretHint(String scheme) {
      return switch (scheme) {
        case "mailto", "mailtos" ->
            "give user=NAME and set " + SMTP_PASSWORD + " (or type it at the prompt)";
        case "sendgrid" -> "set " + SENDGRID_API_KEY + " (or type it at the prompt)";
        case "snmp" ->
            "give user=NAME and set "
                + SNMP_AUTH
                + " and "
                + SNMP_PRIV
                + " (or type them at the prompts)";
        default -> "this scheme takes no secret";
      };
    }

    private static String decode(String s, String shown) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '%') {
          if (i + 2 >= s.length()) {
            throw badTarget(shown, "a % escape is cut short");
          }
          try {
            out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
          } catch (NumberFormatException e) {
            throw badTarget(shown, "'%" + s.substring(i + 1, i + 3) + "' is not a % escape");
          }
          i += 2;
        } else {
          byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
          out.write(b, 0, b.length);
        }
      }
      return out.toString(StandardCharsets.UTF_8);
    }

    String requireHost() {
      if (host == null || host.isEmpty() || host.equals("[]")) {
        throw new UsageException(
            "--to '" + shown + "' names no host; write " + scheme + "://HOST[:PORT]");
      }
      return host;
    }

    int port(int defaultPort) {
      return portText == null || portText.isEmpty() ? defaultPort : port(portText, shown);
    }

    static int port(String text, String shown) {
      try {
        int p = Integer.parseInt(text);
        if (p >= 1 && p <= 65535) {
          return p;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw badTarget(shown, "port '" + text + "' is not 1..65535");
    }

    void noUser() {
      if (user != null) {
        throw badTarget(shown, scheme + " takes no user@");
      }
    }

    void noPath() {
      if (path != null && !path.equals("/")) {
        throw badTarget(shown, scheme + " takes no path ('" + path + "')");
      }
    }

    @Nullable String param(String name) {
      used.add(name);
      return params.get(name);
    }

    boolean bool(String name, String value) {
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "on", "1" -> true;
        case "false", "no", "off", "0" -> false;
        default -> throw bad(name, value, "true, false");
      };
    }

    <E extends Enum<E>> E choice(
        String name, String value, E[] values, Function<E, String> spelling) {
      String v = value.strip().toLowerCase(Locale.ROOT).replace("_", "-");
      for (E e : values) {
        if (spelling.apply(e).equals(v) || e.name().equalsIgnoreCase(value.strip())) {
          return e;
        }
      }
      throw bad(name, value, Arrays.stream(values).map(spelling).collect(Collectors.joining(", ")));
    }

    UsageException bad(String name, @Nullable String value, String known) {
      return badTarget(shown, name + "=" + value + " is not one of " + known);
    }

    void noOtherParams() {
      Set<String> unknown = new LinkedHashSet<>(params.keySet());
      unknown.removeAll(used);
      if (!unknown.isEmpty()) {
        String name = unknown.iterator().next();
        throw badTarget(
            shown,
            scheme + " has no parameter '" + name + "'; it takes " + String.join(", ", used));
      }
    }
  }
}
