// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.pamkit.notify.email.LoopbackHttps;
import io.pamkit.notify.oauth.ClientCredential;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A local HTTPS server following Microsoft's documented contracts for the identity platform's token
 * endpoint ({@code POST /{tenant}/oauth2/v2.0/token}, client credentials with a client secret or a
 * JWT client assertion, which it verifies against the registered certificate: signature
 * RS256/PS256, {@code x5t}/{@code x5t#S256}, {@code aud}, {@code iss}, {@code sub}, {@code exp},
 * {@code nbf}, a never-seen {@code jti}) and for Graph's {@code POST /v1.0/users/{id}/sendMail}
 * (202, 401 for unknown or revoked tokens, scripted 429/503/4xx answers with {@code
 * {"error":{"code","message"}}} bodies).
 */
final class FakeMicrosoft365 implements AutoCloseable {
  static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A token request as received. */
  record TokenRequest(
      Map<String, String> form, JsonNode assertionHeader, JsonNode assertionClaims) {}

  /** A sendMail request as received. */
  record SendMail(String path, String authorization, JsonNode body) {}

  /** A scripted answer. */
  record Scripted(int status, Map<String, String> headers, byte[] body) {}

  private final String tenant;
  private final String clientId;
  private final X509Certificate clientCertificate;
  private final String clientSecret;
  private final LoopbackHttps https;
  private final List<TokenRequest> tokenRequests = new CopyOnWriteArrayList<>();
  private final List<SendMail> sendMails = new CopyOnWriteArrayList<>();
  private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
  private final Set<String> seenJti = ConcurrentHashMap.newKeySet();
  private final Deque<Scripted> nextSend = new ArrayDeque<>();
  private final AtomicInteger issued = new AtomicInteger();
  private volatile int expiresIn = 3599;

  private FakeMicrosoft365(String tenant, String clientId, X509Certificate cert, String secret)
      throws Exception {
    this.tenant = tenant;
    this.clientId = clientId;
    this.clientCertificate = cert;
    this.clientSecret = secret;
    this.https = LoopbackHttps.start("/", this::handle);
  }

  static FakeMicrosoft365 start(String tenant, String clientId, X509Certificate cert, String secret)
      throws Exception {
    return new FakeMicrosoft365(tenant, clientId, cert, secret);
  }

  URI baseUri() {
    return https.baseUri();
  }

  SSLContext clientContext() {
    return https.clientContext();
  }

  URI tokenUri() {
    return URI.create(baseUri() + "/" + tenant + "/oauth2/v2.0/token");
  }

  List<TokenRequest> tokenRequests() {
    return tokenRequests;
  }

  List<SendMail> sendMails() {
    return sendMails;
  }

  /** Sets the {@code expires_in} of tokens issued from now on. */
  void expiresIn(int seconds) {
    this.expiresIn = seconds;
  }

  /** Makes every token issued so far invalid (Graph then answers 401). */
  void revokeTokens() {
    validTokens.clear();
  }

  /** Scripts the answer to the next sendMail request. */
  synchronized void nextSend(int status, Map<String, String> headers, String body) {
    nextSend.add(new Scripted(status, headers, body.getBytes(StandardCharsets.UTF_8)));
  }

  /** Scripts a raw answer to the next sendMail request. */
  synchronized void nextSend(int status, Map<String, String> headers, byte[] body) {
    nextSend.add(new Scripted(status, headers, body));
  }

  private synchronized Scripted pollScripted() {
    return nextSend.poll();
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      String path = ex.getRequestURI().getPath();
      if (ex.getRequestMethod().equals("POST")
          && path.equals("/" + tenant + "/oauth2/v2.0/token")) {
        token(ex);
      } else if (ex.getRequestMethod().equals("POST")
          && path.startsWith("/v1.0/users/")
          && path.endsWith("/sendMail")) {
        sendMail(ex, path);
      } else if (path.matches("/[^/]+/oauth2/v2.0/token")) {
        tokenError(
            ex,
            400,
            "invalid_request",
            "AADSTS90002: Tenant '" + path.split("/")[1] + "' not found.");
      } else {
        LoopbackHttps.respond(ex, 404, Map.of(), new byte[0]);
      }
    } catch (RuntimeException e) {
      LoopbackHttps.respond(ex, 500, Map.of(), e.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  // ---- identity platform ------------------------------------------------------------------

  private void token(HttpExchange ex) throws IOException {
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    if (type == null || !type.startsWith("application/x-www-form-urlencoded")) {
      tokenError(ex, 400, "invalid_request", "AADSTS900144: form body required");
      return;
    }
    Map<String, String> form =
        form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    JsonNode header = JSON.createObjectNode();
    JsonNode claims = JSON.createObjectNode();
    String assertion = form.get("client_assertion");
    if (assertion != null) {
      String[] parts = assertion.split("\\.");
      if (parts.length == 3) {
        header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      }
    }
    tokenRequests.add(new TokenRequest(form, header, claims));
    if (!"client_credentials".equals(form.get("grant_type"))) {
      tokenError(ex, 400, "unsupported_grant_type", "AADSTS70003: grant type not supported");
      return;
    }
    if (!clientId.equals(form.get("client_id"))) {
      tokenError(
          ex,
          400,
          "unauthorized_client",
          "AADSTS700016: Application with identifier '"
              + form.get("client_id")
              + "' was not found in the directory.");
      return;
    }
    // MSAL adds the reserved OIDC scopes, which the endpoint ignores for this grant
    Set<String> scopes = new HashSet<>(Arrays.asList(form.getOrDefault("scope", "").split(" ")));
    scopes.removeAll(Set.of("openid", "profile", "offline_access"));
    if (!scopes.equals(Set.of(GRAPH_SCOPE))) {
      tokenError(
          ex,
          400,
          "invalid_scope",
          "AADSTS1002012: The provided value for scope " + form.get("scope") + " is not valid.");
      return;
    }
    String problem;
    if (form.containsKey("client_secret")) {
      problem =
          clientSecret.equals(form.get("client_secret"))
              ? null
              : "AADSTS7000215: Invalid client secret provided.";
    } else if ("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
            .equals(form.get("client_assertion_type"))
        && assertion != null) {
      problem = verifyAssertion(assertion, header, claims);
    } else {
      problem =
          "AADSTS7000218: The request body must contain the following parameter:"
              + " 'client_assertion' or 'client_secret'.";
    }
    if (problem != null) {
      tokenError(ex, 401, "invalid_client", problem);
      return;
    }
    String token = "eyJ0eXAi.graph-token-" + issued.incrementAndGet();
    validTokens.add(token);
    ObjectNode body =
        JSON.createObjectNode()
            .put("token_type", "Bearer")
            .put("expires_in", expiresIn)
            .put("ext_expires_in", expiresIn)
            .put("access_token", token);
    LoopbackHttps.respond(
        ex,
        200,
        Map.of("Content-Type", "application/json; charset=utf-8"),
        JSON.writeValueAsBytes(body));
  }

  /** Returns why the assertion is refused, or null if it is good. */
  private String verifyAssertion(String assertion, JsonNode header, JsonNode claims) {
    try {
      String[] parts = assertion.split("\\.");
      if (parts.length != 3) {
        return "AADSTS50027: JWT token is invalid or malformed.";
      }
      byte[] der = clientCertificate.getEncoded();
      byte[] x5t = MessageDigest.getInstance("SHA-1").digest(der);
      byte[] x5tS256 = MessageDigest.getInstance("SHA-256").digest(der);
      // RFC 7515 says base64url; MSAL4J writes standard base64, which the endpoint also takes
      if (!Arrays.equals(x5t, thumbprint(header.path("x5t").asText()))
          && !Arrays.equals(x5tS256, thumbprint(header.path("x5t#S256").asText()))) {
        return "AADSTS700027: The certificate with identifier used to sign the client assertion"
            + " is not registered on application.";
      }
      Signature sig =
          switch (header.path("alg").asText()) {
            case "RS256" -> Signature.getInstance("SHA256withRSA");
            case "PS256" -> {
              Signature s = Signature.getInstance("RSASSA-PSS");
              s.setParameter(
                  new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
              yield s;
            }
            default -> null;
          };
      if (sig == null) {
        return "AADSTS5002730: unsupported alg " + header.path("alg").asText();
      }
      PublicKey key = clientCertificate.getPublicKey();
      sig.initVerify(key);
      sig.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!sig.verify(Base64.getUrlDecoder().decode(parts[2]))) {
        return "AADSTS700027: Client assertion failed signature validation.";
      }
      if (!tokenUri().toString().equals(claims.path("aud").asText())) {
        return "AADSTS700212: No matching federated identity record found for presented"
            + " assertion audience '"
            + claims.path("aud").asText()
            + "'.";
      }
      if (!clientId.equals(claims.path("iss").asText())
          || !clientId.equals(claims.path("sub").asText())) {
        return "AADSTS700023: Client assertion audience/issuer/subject is invalid.";
      }
      long now = Instant.now().getEpochSecond();
      if (!claims.path("exp").canConvertToLong() || claims.path("exp").asLong() <= now) {
        return "AADSTS700024: Client assertion is not within its valid time range.";
      }
      if (claims.has("nbf") && claims.path("nbf").asLong() > now + 300) {
        return "AADSTS700024: Client assertion is not within its valid time range (nbf).";
      }
      String jti = claims.path("jti").asText("");
      if (jti.isEmpty() || !seenJti.add(jti)) {
        return "AADSTS700025: Client assertion replayed or without jti.";
      }
      return null;
    } catch (Exception e) {
      return "AADSTS50027: JWT token is invalid or malformed: " + e;
    }
  }

  private static void tokenError(HttpExchange ex, int status, String error, String description)
      throws IOException {
    ObjectNode body =
        JSON.createObjectNode()
            .put("error", error)
            .put("error_description", description)
            .put("timestamp", Instant.now().toString())
            .put("trace_id", "00000000-0000-0000-0000-000000000001")
            .put("correlation_id", "00000000-0000-0000-0000-000000000002");
    LoopbackHttps.respond(
        ex,
        status,
        Map.of("Content-Type", "application/json; charset=utf-8"),
        JSON.writeValueAsBytes(body));
  }

  private static Map<String, String> form(String body) {
    Map<String, String> m = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      m.put(k, v);
    }
    return m;
  }

  // ---- Graph ------------------------------------------------------------------------------

  private void sendMail(HttpExchange ex, String path) throws IOException {
    String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
    byte[] raw = ex.getRequestBody().readAllBytes();
    JsonNode body;
    try {
      body = JSON.readTree(raw);
    } catch (IOException e) {
      graphError(ex, 400, "BadRequest", "Unable to read JSON request payload.");
      return;
    }
    sendMails.add(new SendMail(path, auth, body));
    if (!auth.startsWith("Bearer ") || !validTokens.contains(auth.substring(7))) {
      graphError(
          ex,
          401,
          "InvalidAuthenticationToken",
          "Access token has expired or is not yet" + " valid.");
      return;
    }
    Scripted s = pollScripted();
    if (s != null) {
      LoopbackHttps.respond(ex, s.status(), s.headers(), s.body());
      return;
    }
    String problem = validate(body);
    if (problem != null) {
      graphError(ex, 400, "ErrorInvalidRequest", problem);
      return;
    }
    LoopbackHttps.respond(ex, 202, Map.of("request-id", "req-" + sendMails.size()), new byte[0]);
  }

  /** Checks the documented sendMail body; returns the problem or null. */
  private static String validate(JsonNode body) {
    JsonNode m = body.path("message");
    if (!m.isObject()) {
      return "message is required";
    }
    if (!m.path("subject").isTextual()) {
      return "message.subject must be a string";
    }
    String type = m.path("body").path("contentType").asText("");
    if (!type.equals("Text") && !type.equals("HTML")
        || !m.path("body").path("content").isTextual()) {
      return "message.body needs contentType Text or HTML and content";
    }
    JsonNode to = m.path("toRecipients");
    if (!to.isArray() || to.isEmpty()) {
      return "At least one recipient is required.";
    }
    for (JsonNode r : to) {
      if (!r.path("emailAddress").path("address").asText("").contains("@")) {
        return "toRecipients[].emailAddress.address is invalid";
      }
    }
    for (JsonNode h : m.path("internetMessageHeaders")) {
      String name = h.path("name").asText("");
      if (!name.regionMatches(true, 0, "x-", 0, 2)) {
        return "The internet message header name '"
            + name
            + "' should start with 'x-' or"
            + " 'X-'.";
      }
    }
    if (body.has("saveToSentItems") && !body.path("saveToSentItems").isBoolean()) {
      return "saveToSentItems must be a boolean";
    }
    return null;
  }

  static String graphErrorBody(String code, String message) {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode error = root.putObject("error").put("code", code).put("message", message);
    error
        .putObject("innerError")
        .put("request-id", "11111111-0000-0000-0000-000000000000")
        .put("date", "2026-11-23T10:00:05");
    return root.toString();
  }

  private static void graphError(HttpExchange ex, int status, String code, String message)
      throws IOException {
    LoopbackHttps.respond(
        ex,
        status,
        Map.of("Content-Type", "application/json"),
        graphErrorBody(code, message).getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] thumbprint(String encoded) {
    try {
      return encoded.indexOf('+') >= 0 || encoded.indexOf('/') >= 0
          ? Base64.getDecoder().decode(encoded)
          : Base64.getUrlDecoder().decode(encoded);
    } catch (IllegalArgumentException e) {
      return new byte[0];
    }
  }

  @Override
  public void close() {
    https.close();
  }

  /** An RSA key pair and a self-signed certificate, as registered with an application. */
  record TestCertificate(KeyPair keys, X509Certificate certificate) {
    static TestCertificate generate(String cn) throws Exception {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      KeyPair kp = g.generateKeyPair();
      X500Name name = new X500Name("CN=" + cn);
      Instant now = Instant.now();
      byte[] der =
          new JcaX509v3CertificateBuilder(
                  name,
                  BigInteger.valueOf(now.toEpochMilli()),
                  Date.from(now.minus(Duration.ofDays(1))),
                  Date.from(now.plus(Duration.ofDays(30))),
                  name,
                  kp.getPublic())
              .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate()))
              .getEncoded();
      X509Certificate cert =
          (X509Certificate)
              CertificateFactory.getInstance("X.509")
                  .generateCertificate(new ByteArrayInputStream(der));
      return new TestCertificate(kp, cert);
    }

    ClientCredential credential() {
      return ClientCredential.certificate(keys.getPrivate(), List.of(certificate));
    }
  }
}
