// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.DeviceCodeInstructions;
import io.pamkit.sessionlink.LinkTransportException;
import io.pamkit.sessionlink.LoginFailedException;
import io.pamkit.sessionlink.LoginFailedException.Reason;
import io.pamkit.sessionlink.SecondFactorChallenge;
import io.pamkit.sessionlink.SppAuthentication;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first step of every login: an access token from the appliance's token service (rSTS), by the
 * grant the {@link SppAuthentication} names. The wire facts come from the vendor's SDKs and are
 * cited where used:
 *
 * <ul>
 *   <li>PKCE: SafeguardJava {@code authentication/PkceAuthenticator.java} and {@code
 *       AgentBasedLoginUtils.java}; safeguard-ps {@code src/safeguard-ps.psm1} {@code
 *       Get-RstsTokenWithPkce}. Steps 1, 3, (7, 5), 6 of {@code /RSTS/UserLogin/LoginController}, a
 *       {@code CsrfToken} cookie (path {@code /RSTS}) equal to the form field {@code
 *       csrfTokenTextbox}, then {@code grant_type=authorization_code} with the verifier.
 *   <li>Second factor: step 3's JSON names {@code SecondaryProviderID}; step 7 answers {@code
 *       State} and {@code Message}; step 5 sends {@code secondaryLoginTextbox} and {@code
 *       secondaryAuthenticationStateTextbox}, and HTTP 203 means refused (safeguard-ps).
 *   <li>Device code: SafeguardJava {@code authentication/DeviceCodeAuthenticator.java},
 *       safeguard-ps {@code Get-RstsTokenFromDeviceCode}: {@code POST /RSTS/oauth2/DeviceLogin}
 *       {@code {client_id:"", scope}}, polling with {@code authorization_pending}, {@code
 *       slow_down} (+5 s), {@code access_denied}, {@code expired_token}.
 *   <li>Disabled grants: the appliance's text "... grant type is not allowed" (SafeguardJava README
 *       and {@code .agents/skills/testing-guide/SKILL.md}).
 * </ul>
 *
 * <p>One instance per client; thread-safe (every login uses its own cookies).
 */
public final class Rsts {
  private static final Logger LOG = LoggerFactory.getLogger(Rsts.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String REDIRECT_URI = "urn:InstalledApplication";
  private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
  private static final String DISABLED_MARKER = "grant type is not allowed";
  private static final String SETTING = "Allowed OAuth2 Grant Types";
  private static final Duration SLOW_DOWN = Duration.ofSeconds(5);

  private final ApplianceHttp appliance;
  private final HttpClient http;
  private final Duration requestTimeout;
  private final String userAgent;
  private final Clock clock;

  /**
   * Creates the token-service client.
   *
   * @param appliance the appliance's plumbing (its HTTP client presents the client certificate)
   * @param requestTimeout the timeout of each request
   * @param userAgent the User-Agent
   * @param clock the clock of the device code's deadline
   */
  public Rsts(ApplianceHttp appliance, Duration requestTimeout, String userAgent, Clock clock) {
    this.appliance = requireNonNull(appliance, "appliance");
    this.http = appliance.http();
    this.requestTimeout = requireNonNull(requestTimeout, "requestTimeout");
    this.userAgent = requireNonNull(userAgent, "userAgent");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * Obtains an rSTS access token.
   *
   * @param auth how to log in; not an issued token
   * @return the access token
   * @throws LoginFailedException if the appliance refuses, with its {@link Reason}
   * @throws LinkTransportException if the appliance cannot be reached
   */
  public String accessToken(SppAuthentication auth) {
    if (auth instanceof SppAuthentication.Pkce p) {
      return pkce(p);
    } else if (auth instanceof SppAuthentication.ResourceOwner r) {
      ObjectNode req =
          Json.mapper()
              .createObjectNode()
              .put("grant_type", "password")
              .put("username", r.userName())
              .put("password", r.password().reveal())
              .put("scope", scope(r.provider()));
      return token(req, auth);
    } else if (auth instanceof SppAuthentication.Certificate c) {
      ObjectNode req =
          Json.mapper()
              .createObjectNode()
              .put("grant_type", "client_credentials")
              .put("scope", "rsts:sts:primaryproviderid:" + c.provider());
      return token(req, auth);
    } else if (auth instanceof SppAuthentication.DeviceCode d) {
      return deviceCode(d);
    }
    throw new IllegalArgumentException("an issued token needs no rSTS login");
  }

  // ------------------------------------------------------------------ PKCE

  private String pkce(SppAuthentication.Pkce auth) {
    String providerId = providerId(auth.provider());
    String verifier = randomUrlSafe(60);
    String challenge = base64Url(sha256(verifier));
    String csrf = randomUrlSafe(32);
    Map<String, String> cookies = new LinkedHashMap<>();
    cookies.put("CsrfToken", csrf);
    String base =
        "/RSTS/UserLogin/LoginController?response_type=code&code_challenge_method=S256"
            + "&code_challenge="
            + challenge
            + "&redirect_uri="
            + ApplianceHttp.encode(REDIRECT_URI)
            + "&loginRequestStep=";
    Map<String, String> form = new LinkedHashMap<>();
    form.put("directoryComboBox", providerId);
    form.put("usernameTextbox", auth.userName());
    form.put("passwordTextbox", auth.password().reveal());
    form.put("csrfTokenTextbox", csrf);

    HttpResponse<byte[]> r = step(base, 1, form, cookies);
    if (r.statusCode() >= 400) {
      throw refused(Reason.OTHER, "rSTS did not start the login (step 1)", r, null);
    }
    r = step(base, 3, form, cookies);
    if (r.statusCode() >= 400) {
      throw refused(
          Reason.CREDENTIALS_REFUSED,
          "rSTS refused the credentials of '" + auth.userName() + "' (provider " + providerId + ")",
          r,
          "check the user name, the password and the provider ('local' or a directory's RstsProviderId)");
    }
    JsonNode primary = jsonOrNull(r.body());
    String secondary = primary == null ? "" : primary.path("SecondaryProviderID").asText("");
    if (!secondary.isEmpty()) {
      secondFactor(auth, base, form, cookies, secondary);
    }
    r = step(base, 6, form, cookies);
    JsonNode claims = jsonOrNull(r.body());
    if (r.statusCode() >= 400 || claims == null || !claims.path("RelyingPartyUrl").isTextual()) {
      throw refused(Reason.OTHER, "rSTS did not issue an authorization code (step 6)", r, null);
    }
    String code = queryParameter(claims.get("RelyingPartyUrl").asText(), "code");
    if (code == null) {
      throw new LoginFailedException(
          Reason.OTHER,
          "rSTS's RelyingPartyUrl holds no authorization code",
          r.statusCode(),
          null,
          r.uri(),
          null,
          null);
    }
    ObjectNode req =
        Json.mapper()
            .createObjectNode()
            .put("grant_type", "authorization_code")
            .put("redirect_uri", REDIRECT_URI)
            .put("code", code)
            .put("code_verifier", verifier);
    return token(req, auth);
  }

  private void secondFactor(
      SppAuthentication.Pkce auth,
      String base,
      Map<String, String> form,
      Map<String, String> cookies,
      String secondaryProvider) {
    if (auth.secondFactor() == null) {
      throw new LoginFailedException(
          Reason.SECOND_FACTOR_REQUIRED,
          "the account '"
              + auth.userName()
              + "' needs a second factor (provider "
              + Sanitize.oneLine(secondaryProvider)
              + ")",
          200,
          null,
          null,
          "give a SecondFactorPrompt (SppAuthentication.pkce), or with the CLI answer the prompt or set PAMKIT_OTP",
          null);
    }
    HttpResponse<byte[]> r = step(base, 7, form, cookies);
    if (r.statusCode() >= 400) {
      throw refused(Reason.OTHER, "rSTS did not start the second factor (step 7)", r, null);
    }
    JsonNode init = jsonOrNull(r.body());
    String state = init == null ? "" : init.path("State").asText("");
    String message =
        init == null || !init.path("Message").isTextual() ? null : init.get("Message").asText();
    Secret otp =
        requireNonNull(
            auth.secondFactor().answer(new SecondFactorChallenge(secondaryProvider, message)),
            "the SecondFactorPrompt answered null");
    Map<String, String> mfa = new LinkedHashMap<>(form);
    mfa.put("secondaryLoginTextbox", otp.reveal());
    mfa.put("secondaryAuthenticationStateTextbox", state);
    r = step(base, 5, mfa, cookies);
    if (r.statusCode() == 203 || r.statusCode() >= 400) {
      JsonNode answer = jsonOrNull(r.body());
      String why =
          answer != null && answer.path("Message").isTextual()
              ? answer.get("Message").asText()
              : text(r.body());
      throw new LoginFailedException(
          Reason.SECOND_FACTOR_REFUSED,
          "rSTS refused the second factor of '" + auth.userName() + "': " + Sanitize.oneLine(why),
          r.statusCode(),
          null,
          r.uri(),
          "check the one-time password and try again with a fresh one",
          null);
    }
  }

  private HttpResponse<byte[]> step(
      String base, int step, Map<String, String> form, Map<String, String> cookies) {
    URI uri = appliance.uri(base + step);
    StringBuilder cookie = new StringBuilder();
    cookies.forEach(
        (k, v) -> cookie.append(cookie.length() == 0 ? "" : "; ").append(k).append('=').append(v));
    HttpRequest req =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Accept", "application/json")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("User-Agent", userAgent)
            .header("Cookie", cookie.toString())
            .POST(HttpRequest.BodyPublishers.ofString(formBody(form)))
            .build();
    HttpResponse<byte[]> r = send(req, "rSTS login step " + step);
    for (String set : r.headers().allValues("Set-Cookie")) {
      String pair = set.split(";", 2)[0];
      int eq = pair.indexOf('=');
      if (eq > 0) {
        cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    LOG.debug("rSTS login step {} -> HTTP {}", step, r.statusCode());
    return r;
  }

  private static String formBody(Map<String, String> form) {
    StringBuilder sb = new StringBuilder();
    form.forEach(
        (k, v) ->
            sb.append(sb.length() == 0 ? "" : "&")
                .append(ApplianceHttp.encode(k))
                .append('=')
                .append(ApplianceHttp.encode(v)));
    return sb.toString();
  }

  // ------------------------------------------------------------------ device code

  private String deviceCode(SppAuthentication.DeviceCode auth) {
    ObjectNode req =
        Json.mapper().createObjectNode().put("client_id", "").put("scope", scope(auth.provider()));
    HttpResponse<byte[]> r = post("/RSTS/oauth2/DeviceLogin", req, "the device login");
    JsonNode n = jsonOrNull(r.body());
    if (r.statusCode() != 200 || n == null) {
      if (r.statusCode() == 400
          || text(r.body()).toLowerCase(Locale.ROOT).contains(DISABLED_MARKER)) {
        throw disabled(auth, r);
      }
      throw refused(Reason.OTHER, "rSTS refused the device login", r, null);
    }
    String deviceCode = n.path("device_code").asText("");
    String userCode = n.path("user_code").asText("");
    String page = n.path("verification_uri").asText("");
    if (deviceCode.isEmpty() || userCode.isEmpty() || page.isEmpty()) {
      throw new LoginFailedException(
          Reason.OTHER,
          "rSTS's device login answer lacks device_code, user_code or verification_uri",
          200,
          null,
          r.uri(),
          null,
          null);
    }
    Duration expiresIn =
        Duration.ofSeconds(Math.max(1, Math.min(n.path("expires_in").asLong(300), 86_400)));
    Duration interval =
        Duration.ofSeconds(Math.max(0, Math.min(n.path("interval").asLong(5), 300)));
    String complete =
        n.path("verification_uri_complete").isTextual()
            ? n.get("verification_uri_complete").asText()
            : null;
    auth.display().show(new DeviceCodeInstructions(userCode, page, complete, expiresIn, interval));
    Instant deadline = clock.instant().plus(expiresIn);
    ObjectNode poll =
        Json.mapper()
            .createObjectNode()
            .put("grant_type", DEVICE_GRANT)
            .put("device_code", deviceCode)
            .put("client_id", "");
    while (true) {
      pause(interval);
      HttpResponse<byte[]> p = post("/RSTS/oauth2/token", poll, "the device code poll");
      JsonNode answer = jsonOrNull(p.body());
      if (p.statusCode() == 200 && answer != null && answer.path("access_token").isTextual()) {
        return answer.get("access_token").asText();
      }
      String error = answer == null ? "" : answer.path("error").asText("");
      switch (error) {
        case "authorization_pending" -> {}
        case "slow_down" -> {
          interval = interval.plus(SLOW_DOWN);
          LOG.debug("rSTS asked to slow down; polling every {}", interval);
        }
        case "access_denied" -> {
          throw new LoginFailedException(
              Reason.DEVICE_CODE_DENIED,
              "the device login was denied by the user",
              p.statusCode(),
              null,
              p.uri(),
              "start the login again and approve it",
              null);
        }
        case "expired_token" -> throw expired(p.uri());
        default -> throw refused(Reason.OTHER, "rSTS refused the device code poll", p, null);
      }
      if (!clock.instant().isBefore(deadline)) {
        throw expired(p.uri());
      }
    }
  }

  private static LoginFailedException expired(URI uri) {
    return new LoginFailedException(
        Reason.DEVICE_CODE_EXPIRED,
        "the device code expired before the user approved it",
        400,
        null,
        uri,
        "start the login again and approve it within the time shown",
        null);
  }

  private static void pause(Duration d) {
    if (d.isZero()) {
      return;
    }
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LoginFailedException(
          Reason.OTHER, "the device login was interrupted", 0, null, null, null, e);
    }
  }

  // ------------------------------------------------------------------ token endpoint

  private String token(ObjectNode req, SppAuthentication auth) {
    HttpResponse<byte[]> r = post("/RSTS/oauth2/token", req, "the " + auth.grantName() + " grant");
    JsonNode n = jsonOrNull(r.body());
    if (r.statusCode() == 200 && n != null && n.path("access_token").isTextual()) {
      return n.get("access_token").asText();
    }
    String err = n == null ? "" : n.path("error").asText("");
    if (text(r.body()).toLowerCase(Locale.ROOT).contains(DISABLED_MARKER)
        || err.equals("unsupported_grant_type")
        || err.equals("unauthorized_client")) {
      throw disabled(auth, r);
    }
    Reason reason =
        auth instanceof SppAuthentication.Pkce ? Reason.OTHER : Reason.CREDENTIALS_REFUSED;
    String resolution =
        auth instanceof SppAuthentication.Certificate
            ? "present a client certificate the appliance maps to a certificate user (its thumbprint is registered)"
            : auth instanceof SppAuthentication.ResourceOwner
                ? "check the user name, the password and the provider"
                : null;
    throw refused(reason, "rSTS refused " + ("the " + auth.grantName() + " grant"), r, resolution);
  }

  private LoginFailedException disabled(SppAuthentication auth, HttpResponse<byte[]> r) {
    String grant = auth.grantName();
    String instead;
    if (auth instanceof SppAuthentication.ResourceOwner) {
      instead =
          "log in with PKCE instead (SppAuthentication.password, or 'pamkit link --grant pkce', the default),"
              + " which works with the default settings";
    } else if (auth instanceof SppAuthentication.DeviceCode) {
      instead = "log in with PKCE (user name and password) or a certificate instead";
    } else {
      instead = "log in with another grant";
    }
    return new LoginFailedException(
        Reason.GRANT_DISABLED,
        "the appliance refused the "
            + grant
            + " grant: it is disabled on the appliance (the setting '"
            + SETTING
            + "' does not list "
            + grant
            + "): "
            + Sanitize.oneLine(describe(r.body())),
        r.statusCode(),
        null,
        r.uri(),
        instead + "; or have an administrator add " + grant + " to '" + SETTING + "'",
        null);
  }

  private HttpResponse<byte[]> post(String path, JsonNode body, String what) {
    byte[] payload;
    try {
      payload = Json.mapper().writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the request", e);
    }
    HttpRequest req =
        HttpRequest.newBuilder(appliance.uri(path))
            .timeout(requestTimeout)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .header("User-Agent", userAgent)
            .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
            .build();
    return send(req, what);
  }

  private HttpResponse<byte[]> send(HttpRequest req, String what) {
    try {
      return http.send(req, LimitedBody.standard());
    } catch (IOException e) {
      throw new LinkTransportException(
          what
              + " at "
              + appliance.authority()
              + " failed: "
              + Sanitize.oneLine(String.valueOf(e.getMessage())),
          0,
          null,
          req.uri(),
          "check that " + appliance.authority() + " is reachable over HTTPS (TCP 443) and trusted",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LinkTransportException(what + " was interrupted", 0, null, req.uri(), null, e);
    }
  }

  // ------------------------------------------------------------------ providers

  private String scope(String provider) {
    return "rsts:sts:primaryproviderid:" + providerId(provider);
  }

  /**
   * Resolves a provider as SafeguardJava does: {@code local} and {@code certificate} as they are,
   * otherwise the {@code RstsProviderId} of the provider whose id or {@code Name} matches
   * (anonymous {@code GET AuthenticationProviders}).
   */
  private String providerId(String provider) {
    if (provider.equalsIgnoreCase("local") || provider.equalsIgnoreCase("certificate")) {
      return provider.toLowerCase(Locale.ROOT);
    }
    JsonNode list = null;
    for (int v : new int[] {4, 3}) {
      HttpRequest req =
          HttpRequest.newBuilder(appliance.uri("/service/core/v" + v + "/AuthenticationProviders"))
              .timeout(requestTimeout)
              .header("Accept", "application/json")
              .header("User-Agent", userAgent)
              .GET()
              .build();
      HttpResponse<byte[]> r = send(req, "the identity provider lookup");
      if (r.statusCode() == 404) {
        continue;
      }
      list = r.statusCode() == 200 ? jsonOrNull(r.body()) : null;
      break;
    }
    if (list == null || !list.isArray()) {
      throw new LoginFailedException(
          Reason.OTHER,
          "cannot list the appliance's identity providers",
          0,
          null,
          null,
          "give the provider's RstsProviderId",
          null);
    }
    StringBuilder known = new StringBuilder();
    for (JsonNode p : list) {
      String id = p.path("RstsProviderId").asText("");
      String name = p.path("Name").asText("");
      if (id.equalsIgnoreCase(provider) || name.equalsIgnoreCase(provider)) {
        return id;
      }
      known
          .append(known.length() == 0 ? "" : ", ")
          .append(name)
          .append(" (")
          .append(id)
          .append(')');
    }
    throw new LoginFailedException(
        Reason.CREDENTIALS_REFUSED,
        "no identity provider of the appliance is named '" + Sanitize.oneLine(provider) + "'",
        0,
        null,
        null,
        "use one of: " + Sanitize.oneLine(known.toString()),
        null);
  }

  // ------------------------------------------------------------------ helpers

  private static LoginFailedException refused(
      Reason reason, String summary, HttpResponse<byte[]> r, @Nullable String resolution) {
    return new LoginFailedException(
        reason,
        summary
            + ": HTTP "
            + r.statusCode()
            + (r.body().length == 0 ? "" : " " + Sanitize.oneLine(describe(r.body()))),
        r.statusCode(),
        null,
        r.uri(),
        resolution,
        null);
  }

  /** An OAuth2 error, a {@code Message}, or the text (rSTS often answers plain text). */
  private static String describe(byte[] body) {
    JsonNode n = jsonOrNull(body);
    if (n != null && n.isObject()) {
      if (n.path("error_description").isTextual()) {
        return n.path("error").asText("") + " - " + n.get("error_description").asText();
      }
      if (n.path("Message").isTextual()) {
        return n.get("Message").asText();
      }
      if (n.path("error").isTextual()) {
        return n.get("error").asText();
      }
    }
    String t = text(body).replaceAll("<[^>]{0,200}>", " ").trim();
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }

  private static String text(byte[] body) {
    return new String(body, 0, Math.min(body.length, 4096), StandardCharsets.UTF_8);
  }

  private static @Nullable JsonNode jsonOrNull(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return Json.mapper().readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static @Nullable String queryParameter(String url, String name) {
    int q = url.indexOf('?');
    if (q < 0) {
      return null;
    }
    for (String pair : url.substring(q + 1).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String randomUrlSafe(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return base64Url(b);
  }

  private static String base64Url(byte[] b) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /**
   * The PKCE challenge of a verifier, base64url(SHA-256(verifier)) without padding (RFC 7636 S256);
   * the simulator checks it the same way.
   *
   * @param verifier the code verifier
   * @return the challenge
   */
  public static String challengeOf(String verifier) {
    return base64Url(sha256(verifier));
  }
}
