// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.cert.CertificateLoadException;
import io.pamkit.core.cert.Certificates;
import io.pamkit.core.cert.HostnameMatch;
import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.internal.ApplianceHttp;
import io.pamkit.sessionlink.internal.Json;
import io.pamkit.sessionlink.internal.LimitedBody;
import io.pamkit.sessionlink.internal.Sanitize;
import io.pamkit.sessionlink.internal.SpsEnvelope;
import io.pamkit.sessionlink.model.SpsClusterStatus;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the session appliance's (SPS) REST API for its side of the join: login ({@code
 * /api/authentication}), version ({@code /api/info}), cluster status, enabling clustering and
 * promotion to Central Management inside transactions (committed, or rolled back on failure), and
 * the join itself, {@code POST /api/cluster/spp} with the password appliance's address, user token
 * and certificate chain ({@link #joinSpp}), or a relink (the same join after a soft delete).
 *
 * <p>Every answer is read through SPS's envelope ({@code body}, {@code items}, {@code error}; see
 * safeguard-ps {@code src/sessionapi.psm1} and {@code src/sessionjoin.psm1}). Failures arrive in
 * the envelope's {@code error}; when it relays the password appliance's error, this client throws
 * the same typed exception {@link SppClient} would (an already linked cluster gives {@link
 * SessionConnectionValueException}, code 60657); seed 003's SSL host-name error becomes a {@link
 * TlsHostnameMismatchException} that names the address to use. The client sends a non-browser
 * User-Agent, so SPS 7.5 asks for no {@code X-Token}; with a browser-like one set, it sends {@code
 * X-Token} itself.
 *
 * <p>Thread-safe. Not retried: every SPS call here changes state or is cheap to repeat by hand.
 */
public final class SpsClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SpsClient.class);

  private final ApplianceHttp appliance;
  private final String userName;
  private final Secret password;
  private final String userAgent;
  private final Duration requestTimeout;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient http;

  private SpsClient(Builder b) {
    this.appliance =
        new ApplianceHttp(requireNonNull(b.host), b.port, b.sslContext, b.connectTimeout, cookies);
    this.userName = requireNonNull(b.userName);
    this.password = requireNonNull(b.password);
    this.userAgent = b.userAgent;
    this.requestTimeout = b.requestTimeout;
    this.http = appliance.http();
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Logs in with HTTP Basic; the session cookie is kept for the later calls.
   *
   * @throws AuthorizationException if the credentials are refused
   */
  public void login() {
    char[] pw = password.chars();
    byte[] raw = null;
    String basic;
    try {
      CharBuffer cb = CharBuffer.allocate(userName.length() + 1 + pw.length);
      cb.put(userName).put(':').put(pw).flip();
      ByteBuffer bb = StandardCharsets.UTF_8.encode(cb);
      raw = new byte[bb.remaining()];
      bb.get(raw);
      basic = Base64.getEncoder().encodeToString(raw);
    } finally {
      Arrays.fill(pw, '\0');
      if (raw != null) {
        Arrays.fill(raw, (byte) 0);
      }
    }
    HttpRequest req =
        base(uri("/api/authentication")).header("Authorization", "Basic " + basic).GET().build();
    HttpResponse<byte[]> resp = exchange(req);
    if (resp.statusCode() != 200) {
      throw new AuthorizationException(
          "SPS refused the login of '" + userName + "'",
          resp.statusCode(),
          null,
          req.uri(),
          "check the SPS user name and password",
          null);
    }
    LOG.debug("logged in to SPS at {}", authority());
  }

  /**
   * Returns SPS's firmware version ({@code GET /api/info}).
   *
   * @return the version
   */
  public ApplianceVersion version() {
    // safeguard-ps Get-SafeguardSpsVersion: (GET info).body.firmware_version
    JsonNode info = body("GET", "/api/info", null);
    return ApplianceVersion.parse(
        info.path("firmware_version").asText(info.path("version").asText("")));
  }

  /**
   * Returns this node's cluster state, decided as safeguard-ps does: clustering from {@code
   * local_services/cluster}'s {@code body.enabled}; Central Management when {@code GET
   * /api/cluster/status} succeeds, not when it fails.
   *
   * @return the status
   */
  public SpsClusterStatus clusterStatus() {
    boolean enabled = clusteringEnabled();
    try {
      call("GET", "/api/cluster/status", null);
      return new SpsClusterStatus(true, enabled, null);
    } catch (SessionApplianceException e) {
      return new SpsClusterStatus(false, enabled, e.getMessage());
    }
  }

  private boolean clusteringEnabled() {
    return body("GET", "/api/configuration/local_services/cluster", null)
        .path("enabled")
        .asBoolean(false);
  }

  /**
   * Makes this node the Central Management node of its own cluster if it is not, as safeguard-ps
   * {@code Add-SafeguardSessionCluster} does: enables clustering with the listen address of the
   * node's own network interface, then promotes it, each inside a transaction (committed, or rolled
   * back on failure).
   *
   * @return the status afterwards
   */
  public SpsClusterStatus ensureCentralManagement() {
    SpsClusterStatus status = clusterStatus();
    if (status.centralManagement()) {
      return status;
    }
    if (!status.clusterEnabled()) {
      String listen = listenAddressReference();
      try (Transaction tx = openTransaction()) {
        ObjectNode body =
            Json.mapper().createObjectNode().put("enabled", true).put("listen_address", listen);
        call("PUT", "/api/configuration/local_services/cluster", body);
        tx.commit();
      }
    }
    try (Transaction tx = openTransaction()) {
      call("POST", "/api/cluster/promote", null);
      tx.commit();
    }
    return clusterStatus();
  }

  /**
   * Finds the reference of this node's address among its interfaces, as safeguard-ps {@code
   * Get-NicRefForIp}: {@code nicN.interfaces.<id>.addresses.<id>} of the first address of {@code
   * nic1..nic3} that starts with the node's IP address.
   */
  private String listenAddressReference() {
    String ip;
    try {
      ip =
          java.net.InetAddress.getByName(appliance.host().replace("[", "").replace("]", ""))
              .getHostAddress();
    } catch (java.net.UnknownHostException e) {
      throw new LinkTransportException(
          "cannot resolve " + appliance.host(), 0, null, null, null, e);
    }
    for (String nic : List.of("nic1", "nic2", "nic3")) {
      JsonNode n;
      try {
        n = body("GET", "/api/configuration/network/nics/" + nic, null);
      } catch (SessionApplianceException e) {
        continue;
      }
      JsonNode interfaces = n.path("interfaces");
      for (JsonNode ifId : interfaces.path("@order")) {
        JsonNode addresses = interfaces.path(ifId.asText()).path("addresses");
        for (JsonNode addrId : addresses.path("@order")) {
          if (addresses.path(addrId.asText()).asText("").startsWith(ip)) {
            return nic + ".interfaces." + ifId.asText() + ".addresses." + addrId.asText();
          }
        }
      }
    }
    throw new SessionApplianceException(
        "NoListenAddress",
        "none of the session appliance's interfaces nic1..nic3"
            + " has the address "
            + ip
            + " this client connects to",
        0,
        null,
        "connect to the node by its own IP address, or enable clustering in the web interface",
        null);
  }

  /**
   * Opens a configuration transaction; close it without {@link Transaction#commit()} to roll back.
   *
   * @return the open transaction
   */
  public Transaction openTransaction() {
    call("POST", "/api/transaction", null);
    return new Transaction();
  }

  /** An open SPS configuration transaction. Closing it uncommitted rolls it back. */
  public final class Transaction implements AutoCloseable {
    private boolean done;

    private Transaction() {}

    /** Commits ({@code PUT /api/transaction {"status":"commit"}}). */
    public void commit() {
      call("PUT", "/api/transaction", Json.mapper().createObjectNode().put("status", "commit"));
      done = true;
    }

    /** Rolls back ({@code DELETE /api/transaction}); a no-op after commit. */
    public void rollback() {
      if (!done) {
        done = true;
        call("DELETE", "/api/transaction", null);
      }
    }

    /** Rolls back unless committed. */
    @Override
    public void close() {
      rollback();
    }
  }

  /**
   * Joins SPS to SPP: {@code POST /api/cluster/spp} with SPP's address, a user token and SPP's
   * certificate chain.
   *
   * @param sppAddress SPP's primary address as SPS reaches it (IPv4 or host name; the certificate
   *     must name it)
   * @param sppUserToken an SPP user token with the Appliance and Operations permissions
   * @param sppCertificateChainPem SPP's SSL certificate chain, PEM
   * @return SPS's answer, the whole envelope (its fields are not published)
   * @throws SessionConnectionValueException (60657) if the cluster is already linked
   * @throws TlsHostnameMismatchException if SPP's certificate does not name the address
   */
  public JsonNode joinSpp(String sppAddress, Secret sppUserToken, String sppCertificateChainPem) {
    return join("POST", sppAddress, sppUserToken, sppCertificateChainPem);
  }

  /**
   * Joins SPS to the SPP that the client talks to, using its token and the certificate chain it
   * verified.
   *
   * @param spp a logged-in (or able to log in) client of the SPP primary
   * @param sppAddress SPP's address as SPS reaches it
   * @return SPS's response body
   */
  public JsonNode joinSpp(SppClient spp, String sppAddress) {
    return joinSpp(sppAddress, spp.userToken(), Certificates.toPem(spp.serverCertificateChain()));
  }

  /**
   * Links this node again after the password appliance soft-deleted its connection: the same {@code
   * POST /api/cluster/spp} as the join; the password appliance gives the node its old connection
   * back (same {@code Id}, so access request policies that refer to it keep working). The web
   * interface's own relink action and its endpoint are not published [?]; this is the documented
   * join repeated.
   *
   * @param sppAddress SPP's address as SPS reaches it
   * @param sppUserToken an SPP user token
   * @param sppCertificateChainPem SPP's SSL certificate chain, PEM
   * @return SPS's response body
   */
  public JsonNode relinkSpp(String sppAddress, Secret sppUserToken, String sppCertificateChainPem) {
    return join("POST", sppAddress, sppUserToken, sppCertificateChainPem);
  }

  private JsonNode join(String method, String sppAddress, Secret token, String chain) {
    requireNonNull(sppAddress, "sppAddress");
    requireNonNull(token, "sppUserToken");
    requireNonNull(chain, "sppCertificateChainPem");
    if (sppAddress.isBlank()
        || sppAddress.startsWith("[")
        || sppAddress.chars().filter(c -> c == ':').count() > 1) {
      throw new IllegalArgumentException(
          "sppAddress '"
              + Sanitize.oneLine(sppAddress)
              + "' must be an IPv4 address or host name; IPv6 is not supported for the join");
    }
    try {
      Certificates.readChain(chain.getBytes(StandardCharsets.US_ASCII));
    } catch (CertificateLoadException e) {
      throw new IllegalArgumentException("not a PEM certificate chain: " + e.getMessage(), e);
    }
    ObjectNode body = Json.mapper().createObjectNode();
    body.put("spp", sppAddress).put("spp_api_token", token.reveal()).put("spp_cert_chain", chain);
    return call(method, "/api/cluster/spp", body);
  }

  /** Forgets the session cookie; SPS ends the session on its own timeout. */
  @Override
  public void close() {
    cookies.getCookieStore().removeAll();
  }

  /** Calls SPS and returns the envelope's {@code body}. */
  private JsonNode body(String method, String path, @Nullable JsonNode body) {
    return SpsEnvelope.body(call(method, path, body), uri(path));
  }

  /** Calls SPS and returns the whole envelope; a failure is mapped by {@link SpsEnvelope#error}. */
  private JsonNode call(String method, String path, @Nullable JsonNode body) {
    URI uri = uri(path);
    HttpRequest.Builder b = base(uri);
    if (isBrowserLike(userAgent) && !method.equals("GET")) {
      // SPS 7.5 demands X-Token from browser-like clients on changes [I: the session id].
      for (HttpCookie c : cookies.getCookieStore().get(uri)) {
        if (c.getName().equals("session_id")) {
          b.header("X-Token", c.getValue());
        }
      }
    }
    byte[] payload;
    try {
      payload = body == null ? new byte[0] : Json.mapper().writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(payload));
    HttpResponse<byte[]> resp = exchange(b.build());
    JsonNode node = SpsEnvelope.parse(resp.body(), resp.statusCode(), uri);
    if (resp.statusCode() >= 200 && resp.statusCode() < 300) {
      return node;
    }
    throw SpsEnvelope.error(method, path, resp.statusCode(), node, uri);
  }

  private HttpResponse<byte[]> exchange(HttpRequest req) {
    try {
      return http.send(req, LimitedBody.standard());
    } catch (LimitedBody.TooLargeException e) {
      throw new ApplianceErrorException(
          req.method() + " " + req.uri().getPath() + ": " + e.getMessage(),
          0,
          null,
          req.uri(),
          "check that " + authority() + " is the session appliance",
          e);
    } catch (SSLHandshakeException e) {
      HostnameMatch mismatch = appliance.hostnameMismatch(Duration.ofSeconds(5));
      if (mismatch != null) {
        throw new TlsHostnameMismatchException(mismatch, req.uri(), e);
      }
      throw new TlsException(
          "TLS handshake with SPS at "
              + authority()
              + " failed: "
              + Sanitize.oneLine(String.valueOf(e.getMessage())),
          0,
          null,
          req.uri(),
          "trust SPS's certificate authority; verification is never turned off",
          e);
    } catch (IOException e) {
      throw new LinkTransportException(
          req.method()
              + " "
              + req.uri().getPath()
              + " failed: "
              + Sanitize.oneLine(String.valueOf(e.getMessage())),
          0,
          null,
          req.uri(),
          "check that SPS at " + authority() + " is reachable over HTTPS",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LinkTransportException("interrupted", 0, null, req.uri(), null, e);
    }
  }

  static boolean isBrowserLike(String ua) {
    String u = ua.toLowerCase(Locale.ROOT);
    return u.contains("mozilla")
        || u.contains("chrome")
        || u.contains("safari")
        || u.contains("edge");
  }

  private HttpRequest.Builder base(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .header("User-Agent", userAgent);
  }

  private URI uri(String path) {
    return appliance.uri(path);
  }

  private String authority() {
    return appliance.authority();
  }

  /** Builds an {@link SpsClient}; not thread-safe. */
  public static final class Builder {
    private @Nullable String host;
    private int port = 443;
    private SSLContext sslContext;
    private @Nullable String userName;
    private @Nullable Secret password;
    private String userAgent = "pamkit-sessionlink";
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(120);

    private Builder() {
      sslContext = ApplianceHttp.defaultContext();
    }

    /**
     * Sets the Central Management node's host name or IPv4 address. Required. The address follows
     * the appliance's rules: an IPv4 address, a DNS name, or an IPv6 address in square brackets.
     *
     * @param host the host, without scheme or port
     * @return this builder
     * @throws IllegalArgumentException if empty or not such an address, naming the rule
     */
    public Builder host(String host) {
      this.host = ApplianceHttp.host(host);
      return this;
    }

    /**
     * Sets the HTTPS port. Default: 443.
     *
     * @param port 1..65535
     * @return this builder
     */
    public Builder port(int port) {
      this.port = ApplianceHttp.port(port);
      return this;
    }

    /**
     * Sets the SSL context that verifies SPS. Default: the JDK's default context.
     *
     * @param sslContext the context
     * @return this builder
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = requireNonNull(sslContext, "sslContext");
      return this;
    }

    /**
     * Trusts exactly these certificates for SPS; replaces the SSL context.
     *
     * @param anchors the trust anchors
     * @return this builder
     * @throws IllegalArgumentException if empty
     */
    public Builder trustedCertificates(Collection<X509Certificate> anchors) {
      this.sslContext = ApplianceHttp.trusting(anchors);
      return this;
    }

    /**
     * Sets the SPS administrator's credentials. Required.
     *
     * @param userName the user name
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String userName, Secret password) {
      this.userName = Sanitize.headerSafe("userName", requireNonNull(userName, "userName"));
      if (userName.contains(":")) {
        throw new IllegalArgumentException("userName must not contain ':' (HTTP Basic)");
      }
      this.password = requireNonNull(password, "password");
      return this;
    }

    /**
     * Sets the User-Agent. Default: {@code pamkit-sessionlink}, which SPS does not treat as a
     * browser; a browser-like value makes the client send {@code X-Token}.
     *
     * @param userAgent the value
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = Sanitize.headerSafe("userAgent", requireNonNull(userAgent, "userAgent"));
      return this;
    }

    /**
     * Sets the connect timeout. Default: 10 seconds.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("connectTimeout " + timeout + " must be positive");
      }
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * Sets the per-request timeout; the join waits while SPS configures policies (up to a minute).
     * Default: 120 seconds.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("requestTimeout " + timeout + " must be positive");
      }
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * Builds the client; no request is sent until {@link SpsClient#login()}.
     *
     * @return the client
     * @throws IllegalStateException if host or credentials are missing
     */
    public SpsClient build() {
      if (host == null || userName == null || password == null) {
        throw new IllegalStateException("host and credentials are required");
      }
      return new SpsClient(this);
    }
  }
}
