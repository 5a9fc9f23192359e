// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.pamkit.core.cert.CertificateLoadException;
import io.pamkit.core.cert.Certificates;
import io.pamkit.core.cert.TlsContexts;
import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.SessionLinkException;
import io.pamkit.sessionlink.SppAuthentication;
import io.pamkit.sessionlink.SppClient;
import io.pamkit.sessionlink.TlsHostnameMismatchException;
import io.pamkit.sessionlink.internal.Json;
import io.pamkit.sessionlink.model.ApiError;
import io.pamkit.sessionlink.model.SessionModuleConnection;
import io.pamkit.simulator.internal.CertificateAuthority;
import io.pamkit.simulator.internal.SimulatorServer;
import java.io.IOException;
import java.net.HttpCookie;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;

/**
 * An embeddable HTTPS simulator of the session appliance's (SPS) side of the join: {@code GET
 * /api/authentication} (HTTP Basic, session cookie), {@code /api/info}, {@code
 * /api/configuration/local_services/cluster}, {@code /api/cluster/status}, {@code
 * /api/cluster/promote}, transactions ({@code POST/PUT/DELETE /api/transaction}) and the join
 * itself, {@code POST /api/cluster/spp}, every answer in SPS's envelope ({@code {"key", "body",
 * "meta"}}, errors {@code {"error": {"type", "message", "details"}, "meta"}}) as safeguard-ps reads
 * it ({@code src/sessionapi.psm1}, {@code src/sessionjoin.psm1}). {@code GET /api/cluster/status}
 * fails on a node that is not the Central Management node; enabling clustering needs the {@code
 * listen_address} reference of an interface address ({@code GET configuration/network/nics/nic1}).
 *
 * <p>Like SPS, the join calls the password appliance's {@code POST Cluster/SessionModules} over
 * HTTPS with the given token, trusting only the given certificate chain; SPP's errors come back in
 * SPS's envelope {@code {"error":{"type":"JoinFailed","message":...,"details":{"response":
 * <ApiError or text>,"status":...,"url":...}}}}, and a certificate that does not name the address
 * gives seed 003's {@code SSLError ... hostname 'x' doesn't match 'y'} text. Browser-like clients
 * must send {@code X-Token} (the session id [I]) on POST, PUT and DELETE, as SPS 7.5 demands.
 *
 * <p>Shapes the appliance documentation does not publish (cluster status, the info body) are marked
 * [I] in the code. Thread-safe; close it to free the port.
 */
public final class SpsSimulator implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String nodeId;
  private final String hostName;
  private final String firmwareVersion;
  private final String userName;
  private final Secret password;
  private final boolean xTokenForBrowsers;
  private final CertificateAuthority ca;
  private final SimulatorServer server;

  private final Object lock = new Object();
  private final Set<String> sessions = new HashSet<>();
  private boolean clusterEnabled;
  private boolean centralManagement;
  private boolean configSync = true;
  private boolean transactionOpen;
  private @Nullable Boolean pendingClusterEnabled;
  private @Nullable String joinedSpp;
  private @Nullable Integer connectionId;
  private int commits;
  private int rollbacks;

  private SpsSimulator(Builder b) {
    this.nodeId = b.nodeId;
    this.hostName = b.hostName;
    this.firmwareVersion = b.firmwareVersion;
    this.userName = b.userName;
    this.password = b.password;
    this.xTokenForBrowsers = b.xTokenForBrowsers;
    this.clusterEnabled = b.clusterEnabled;
    this.centralManagement = b.centralManagement;
    this.configSync = b.configSync;
    this.ca = CertificateAuthority.generate("pamkit SPS simulator CA");
    this.server =
        new SimulatorServer("sps", ca, List.of("localhost", "127.0.0.1"), b.port, this::handle);
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
   * Returns the host name to connect to.
   *
   * @return {@code localhost}
   */
  public String host() {
    return "localhost";
  }

  /**
   * Returns the ephemeral port.
   *
   * @return the port
   */
  public int port() {
    return server.port();
  }

  /**
   * Returns the CA certificate of the simulator's server certificate.
   *
   * @return the certificate
   */
  public X509Certificate caCertificate() {
    return ca.certificate();
  }

  /**
   * Returns an SSL context that trusts this simulator.
   *
   * @return the context
   */
  public SSLContext clientSslContext() {
    return ca.trustingContext();
  }

  /**
   * Returns the SPP address this node joined, if any.
   *
   * @return the address as given to the join
   */
  public @Nullable String joinedSpp() {
    synchronized (lock) {
      return joinedSpp;
    }
  }

  /**
   * Returns the id of the session connection SPP created for this node, if joined.
   *
   * @return the {@code Id}
   */
  public @Nullable Integer connectionId() {
    synchronized (lock) {
      return connectionId;
    }
  }

  /**
   * Returns whether this node is the Central Management node.
   *
   * @return true once promoted
   */
  public boolean centralManagement() {
    synchronized (lock) {
      return centralManagement;
    }
  }

  /**
   * Returns whether clustering is enabled (committed).
   *
   * @return true when enabled
   */
  public boolean clusterEnabled() {
    synchronized (lock) {
      return clusterEnabled;
    }
  }

  /**
   * Returns how many transactions were committed and rolled back.
   *
   * @return {commits, rollbacks}
   */
  public int[] transactionCounts() {
    synchronized (lock) {
      return new int[] {commits, rollbacks};
    }
  }

  /**
   * Returns whether a transaction is open.
   *
   * @return true while open
   */
  public boolean transactionOpen() {
    synchronized (lock) {
      return transactionOpen;
    }
  }

  /** Stops the server and frees the port. */
  @Override
  public void close() {
    server.close();
  }

  /** SPS's error envelope, {@code {"error": {"type", "message", "details"}, "meta"}}. */
  private static ObjectNode error(String type, String message) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.putObject("error").put("type", type).put("message", message).putNull("details");
    n.putObject("meta").put("href", "/api");
    return n;
  }

  /** SPS's resource envelope, {@code {"key", "body", "meta": {"href", "parent"}}}. */
  private static ObjectNode envelope(String href, ObjectNode body) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("key", href.substring(href.lastIndexOf('/') + 1));
    n.set("body", body);
    n.putObject("meta").put("href", href).put("parent", href.substring(0, href.lastIndexOf('/')));
    return n;
  }

  private static final String LISTEN_REFERENCE = "nic1.interfaces.iface1.addresses.addr1";

  private void handle(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    if (path.equals("/api/authentication") && method.equals("GET")) {
      login(ex);
      return;
    }
    String session = session(ex);
    if (session == null) {
      SimulatorServer.respond(
          ex, 401, error("AuthenticationRequired", "Log in at /api/authentication first."));
      return;
    }
    String ua = String.valueOf(ex.getRequestHeaders().getFirst("User-Agent"));
    if (xTokenForBrowsers
        && !method.equals("GET")
        && ua.contains("Mozilla")
        && !session.equals(ex.getRequestHeaders().getFirst("X-Token"))) {
      SimulatorServer.respond(
          ex, 403, error("XTokenMissing", "Browser-like clients must send the X-Token header."));
      return;
    }
    synchronized (lock) {
      route(ex, method, path);
    }
  }

  private void login(HttpExchange ex) throws IOException {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    boolean ok = false;
    if (auth != null && auth.startsWith("Basic ")) {
      String decoded =
          new String(Base64.getDecoder().decode(auth.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      ok =
          colon > 0
              && decoded.substring(0, colon).equals(userName)
              && password.equals(Secret.of(decoded.substring(colon + 1)));
    }
    if (!ok) {
      SimulatorServer.respond(ex, 401, error("AuthenticationFailure", "Authentication failed."));
      return;
    }
    byte[] b = new byte[18];
    RANDOM.nextBytes(b);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    synchronized (lock) {
      sessions.add(id);
    }
    ex.getResponseHeaders().add("Set-Cookie", "session_id=" + id + "; Path=/; Secure; HttpOnly");
    // [I] safeguard-ps ignores the login's answer; only the session cookie matters.
    ObjectNode body = Json.mapper().createObjectNode();
    body.putObject("meta").put("href", "/api/authentication");
    SimulatorServer.respond(ex, 200, body);
  }

  private @Nullable String session(HttpExchange ex) {
    List<String> cookies = ex.getRequestHeaders().get("Cookie");
    if (cookies == null) {
      return null;
    }
    for (String header : cookies) {
      for (String part : header.split(";")) {
        List<HttpCookie> parsed;
        try {
          parsed = HttpCookie.parse(part.trim());
        } catch (IllegalArgumentException e) {
          continue;
        }
        for (HttpCookie c : parsed) {
          synchronized (lock) {
            if (c.getName().equals("session_id") && sessions.contains(c.getValue())) {
              return c.getValue();
            }
          }
        }
      }
    }
    return null;
  }

  private void route(HttpExchange ex, String method, String path) throws IOException {
    ObjectNode ok = Json.mapper().createObjectNode();
    switch (method + " " + path) {
      case "GET /api/info" -> {
        // safeguard-ps Get-SafeguardSpsVersion reads body.firmware_version; the other fields are
        // [I].
        ok.put("firmware_version", firmwareVersion)
            .put("version", firmwareVersion.replaceAll("^(\\d+\\.\\d+).*$", "$1"));
        SimulatorServer.respond(ex, 200, envelope(path, ok));
        return;
      }
      case "GET /api/configuration/local_services/cluster" -> {
        // safeguard-ps reads body.enabled and PUTs {enabled, listen_address}.
        ok.put("enabled", clusterEnabled);
        if (clusterEnabled) {
          ok.put("listen_address", LISTEN_REFERENCE);
        } else {
          ok.putNull("listen_address");
        }
        SimulatorServer.respond(ex, 200, envelope(path, ok));
        return;
      }
      case "PUT /api/configuration/local_services/cluster" -> {
        if (!transactionOpen) {
          SimulatorServer.respond(
              ex,
              400,
              error("NoTransaction", "Open a transaction before changing the configuration."));
          return;
        }
        JsonNode body = json(ex);
        if (body == null || !body.path("enabled").isBoolean()) {
          SimulatorServer.respond(
              ex, 400, error("InvalidRequest", "The field 'enabled' must be a boolean."));
          return;
        }
        if (body.get("enabled").asBoolean()
            && !LISTEN_REFERENCE.equals(body.path("listen_address").asText(""))) {
          SimulatorServer.respond(
              ex,
              400,
              error(
                  "InvalidRequest",
                  "The field 'listen_address' must reference an interface address, e.g. "
                      + LISTEN_REFERENCE
                      + "."));
          return;
        }
        pendingClusterEnabled = body.get("enabled").asBoolean();
        ok.put("enabled", pendingClusterEnabled)
            .put("listen_address", body.path("listen_address").asText(""));
        SimulatorServer.respond(ex, 200, envelope("/api/configuration/local_services/cluster", ok));
        return;
      }
      case "GET /api/configuration/network/nics/nic1" -> {
        // The shape safeguard-ps Get-NicRefForIp walks: interfaces/@order, addresses/@order.
        ObjectNode ifaces = ok.putObject("interfaces");
        ifaces.putArray("@order").add("iface1");
        ObjectNode iface = ifaces.putObject("iface1").put("name", "default");
        ObjectNode addrs = iface.putObject("addresses");
        addrs.putArray("@order").add("addr1");
        addrs.put("addr1", "127.0.0.1/8");
        SimulatorServer.respond(ex, 200, envelope(path, ok));
        return;
      }
      case "GET /api/cluster/status" -> {
        // safeguard-ps only tells success from failure: failure means not Central Management. The
        // body's fields and the failure's status and type are [I].
        if (!centralManagement) {
          SimulatorServer.respond(
              ex,
              400,
              error(
                  "ClusterNotConfigured",
                  "This node is not the Central Management node of a cluster."));
          return;
        }
        ok.put("node_id", nodeId).putArray("roles").add("central-management");
        SimulatorServer.respond(ex, 200, envelope(path, ok));
        return;
      }
      case "POST /api/cluster/promote" -> {
        if (!clusterEnabled) {
          SimulatorServer.respond(
              ex,
              400,
              error(
                  "ClusteringDisabled",
                  "Enable clustering (local_services/cluster) before promoting."));
          return;
        }
        centralManagement = true;
        ok.put("promoted", true);
        SimulatorServer.respond(ex, 200, envelope(path, ok));
        return;
      }
      case "GET /api/transaction" -> {
        // safeguard-ps Get-SafeguardSpsTransaction: body.status, body.commit_message,
        // meta.remaining_seconds.
        ok.put("status", transactionOpen ? "open" : "closed").putNull("commit_message");
        ObjectNode t0 = envelope(path, ok);
        ((ObjectNode) t0.get("meta"))
            .put("remaining_seconds", transactionOpen ? 600 : 0)
            .put("changes", false);
        SimulatorServer.respond(ex, 200, t0);
        return;
      }
      case "POST /api/transaction" -> {
        transactionOpen = true;
        ok.put("status", "open").putNull("commit_message");
        SimulatorServer.respond(ex, 200, envelope(path, ok));
        return;
      }
      case "PUT /api/transaction" -> {
        JsonNode t = json(ex);
        if (!transactionOpen || t == null || !"commit".equals(t.path("status").asText())) {
          SimulatorServer.respond(
              ex,
              400,
              error("InvalidTransaction", "No open transaction, or status is not 'commit'."));
          return;
        }
        if (pendingClusterEnabled != null) {
          clusterEnabled = pendingClusterEnabled;
        }
        pendingClusterEnabled = null;
        transactionOpen = false;
        commits++;
        ok.put("status", "closed").put("commit_message", "");
        SimulatorServer.respond(ex, 200, envelope(path, ok));
        return;
      }
      case "DELETE /api/transaction" -> {
        pendingClusterEnabled = null;
        if (transactionOpen) {
          rollbacks++;
        }
        transactionOpen = false;
        ok.put("status", "closed").putNull("commit_message");
        SimulatorServer.respond(ex, 200, envelope(path, ok));
        return;
      }
      case "POST /api/cluster/spp" -> {
        join(ex);
        return;
      }
      default -> {
        SimulatorServer.respond(
            ex, 404, error("NotFound", "No such endpoint: " + method + " " + path));
      }
    }
  }

  private static @Nullable JsonNode json(HttpExchange ex) throws IOException {
    byte[] raw = SimulatorServer.body(ex);
    try {
      return raw.length == 0 ? null : Json.mapper().readTree(raw);
    } catch (IOException e) {
      return null;
    }
  }

  private void join(HttpExchange ex) throws IOException {
    JsonNode body = json(ex);
    if (body == null || !body.isObject()) {
      SimulatorServer.respond(ex, 400, error("InvalidRequest", "The body must be a JSON object."));
      return;
    }
    Set<String> allowed = Set.of("spp", "spp_api_token", "spp_cert_chain");
    for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        SimulatorServer.respond(
            ex,
            400,
            error(
                "InvalidRequest",
                "Unknown field '" + f + "'; expected " + new java.util.TreeSet<>(allowed) + "."));
        return;
      }
    }
    for (String f : allowed) {
      if (!body.path(f).isTextual() || body.get(f).asText().isBlank()) {
        SimulatorServer.respond(
            ex,
            400,
            error("InvalidRequest", "The field '" + f + "' is required and must be a string."));
        return;
      }
    }
    if (!centralManagement) {
      SimulatorServer.respond(
          ex,
          400,
          error(
              "NotCentralManagement",
              "Join from the Central Management node of an SPS cluster (promote this node first)."));
      return;
    }
    // When already joined, SPP answers the second link with 60657 for the live NodeId, relayed
    // below.
    String spp = body.get("spp").asText();
    // [I] The real SPS always uses port 443; the simulator accepts host:port to reach an ephemeral
    // port.
    String sppHost = spp;
    int sppPort = 443;
    int colon = spp.lastIndexOf(':');
    if (colon > 0 && spp.indexOf(':') == colon) {
      sppHost = spp.substring(0, colon);
      sppPort = Integer.parseInt(spp.substring(colon + 1));
    }
    List<X509Certificate> chain;
    try {
      chain =
          Certificates.readChain(
              body.get("spp_cert_chain").asText().getBytes(StandardCharsets.US_ASCII));
    } catch (CertificateLoadException e) {
      SimulatorServer.respond(
          ex, 400, error("InvalidRequest", "spp_cert_chain is not a PEM certificate chain."));
      return;
    }
    List<X509Certificate> anchors = new ArrayList<>(new LinkedHashSet<>(chain));
    String url = "https://" + spp + "/service/core/v4/Cluster/SessionModules";
    try (SppClient client =
        SppClient.builder()
            .host(sppHost)
            .port(sppPort)
            .sslContext(TlsContexts.builder().trustAnchors(anchors).build())
            .authentication(SppAuthentication.token(Secret.of(body.get("spp_api_token").asText())))
            .requestTimeout(Duration.ofSeconds(20))
            .build()) {
      SessionModuleConnection request =
          SessionModuleConnection.builder()
              .nodeId(nodeId)
              .spsHostName(hostName)
              .spsNetworkAddress("127.0.0.1")
              .firmwareVersion(firmwareVersion)
              .certificateUserCsr(CertificateAuthority.newCsr(nodeId))
              .build();
      // [I] what SPS sends to SPP is not published (reference §2.3 step 5); a join after a soft
      // delete gets the old row back from SPP.
      SessionModuleConnection linked = client.link(request);
      joinedSpp = spp;
      connectionId = linked.id();
      ObjectNode ok = Json.mapper().createObjectNode();
      // [I] safeguard-ps ignores the join's answer.
      ok.put("spp", spp);
      SimulatorServer.respond(ex, 200, envelope("/api/cluster/spp", ok));
    } catch (SessionLinkException e) {
      ObjectNode err =
          error(
              "JoinFailed",
              "SPS has failed to join to SPP. For more information, see the error details.");
      ObjectNode details = ((ObjectNode) err.get("error")).putObject("details");
      ApiError api = e.apiError().orElse(null);
      if (api != null) {
        details.set("response", Json.mapper().valueToTree(api));
        details.put("status", e.httpStatus());
      } else if (e instanceof TlsHostnameMismatchException t) {
        details.put(
            "response",
            "Error sending request: SSLError: HTTPSConnectionPool(host='"
                + sppHost
                + "', port="
                + sppPort
                + "): Max retries exceeded with url: /service/core/v4/Cluster/SessionModules (Caused by SSLError(CertificateError(\"hostname '"
                + sppHost
                + "' doesn't match "
                + String.join(
                    " or ",
                    t.certificateNames().stream().map(n -> "'" + n + "'").toArray(String[]::new))
                + "\",),))");
        details.putNull("status");
      } else {
        details.put(
            "response",
            "Error sending request: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        details.putNull("status");
      }
      details.put("url", url);
      SimulatorServer.respond(ex, 400, err);
    }
  }

  /** Builds an {@link SpsSimulator} and starts it; not thread-safe. */
  public static final class Builder {
    private String nodeId = "sps-sim-node";
    private String hostName = "sps-simulator";
    private String firmwareVersion = "7.5.0";
    private String userName = "admin";
    private Secret password = Secret.of("admin");
    private boolean xTokenForBrowsers = true;
    private boolean clusterEnabled;
    private boolean centralManagement;
    private boolean configSync = true;
    private int port;

    private Builder() {}

    /**
     * Sets the node id SPS sends as {@code NodeId}. Default: {@code sps-sim-node}.
     *
     * @param nodeId the id
     * @return this builder
     */
    public Builder nodeId(String nodeId) {
      this.nodeId = requireNonNull(nodeId, "nodeId");
      return this;
    }

    /**
     * Sets the host name SPS reports. Default: {@code sps-simulator}.
     *
     * @param hostName the name
     * @return this builder
     */
    public Builder hostName(String hostName) {
      this.hostName = requireNonNull(hostName, "hostName");
      return this;
    }

    /**
     * Sets the firmware version. Default: {@code 7.5.0}.
     *
     * @param version the version
     * @return this builder
     */
    public Builder firmwareVersion(String version) {
      this.firmwareVersion = requireNonNull(version, "version");
      return this;
    }

    /**
     * Sets the administrator's credentials. Default: {@code admin}/{@code admin}.
     *
     * @param userName the user name
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String userName, Secret password) {
      this.userName = requireNonNull(userName, "userName");
      this.password = requireNonNull(password, "password");
      return this;
    }

    /**
     * Sets whether browser-like clients must send {@code X-Token}. Default: true (SPS 7.5).
     *
     * @param required whether required
     * @return this builder
     */
    public Builder xTokenForBrowsers(boolean required) {
      this.xTokenForBrowsers = required;
      return this;
    }

    /**
     * Starts with clustering enabled. Default: false.
     *
     * @param enabled whether enabled
     * @return this builder
     */
    public Builder clusterEnabled(boolean enabled) {
      this.clusterEnabled = enabled;
      return this;
    }

    /**
     * Starts as the Central Management node. Default: false.
     *
     * @param centralManagement whether promoted
     * @return this builder
     */
    public Builder centralManagement(boolean centralManagement) {
      this.centralManagement = centralManagement;
      return this;
    }

    /**
     * Sets whether configuration synchronisation is on. Default: true.
     *
     * @param enabled whether on
     * @return this builder
     */
    public Builder configSync(boolean enabled) {
      this.configSync = enabled;
      return this;
    }

    /**
     * Sets the loopback port to listen on. Default: 0, a free port.
     *
     * @param port 0 to 65535
     * @return this builder
     * @throws IllegalArgumentException if the port is outside 0..65535
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port " + port + " is outside 0..65535");
      }
      this.port = port;
      return this;
    }

    /**
     * Generates the certificates and starts the server.
     *
     * @return the running simulator
     */
    public SpsSimulator build() {
      return new SpsSimulator(this);
    }
  }
}
