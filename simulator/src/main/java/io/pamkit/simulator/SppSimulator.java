// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.simulator;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import io.pamkit.core.Violation;
import io.pamkit.core.cert.Certificates;
import io.pamkit.core.cert.KeyMaterial;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceState;
import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.internal.Json;
import io.pamkit.sessionlink.internal.SchemaValidator;
import io.pamkit.sessionlink.internal.ServicesConfigJson;
import io.pamkit.sessionlink.model.ApplianceState;
import io.pamkit.sessionlink.model.ApplianceStatus;
import io.pamkit.sessionlink.model.ManagedNetwork;
import io.pamkit.sessionlink.model.NetworkMember;
import io.pamkit.sessionlink.model.ProductVersion;
import io.pamkit.sessionlink.model.SessionMemberStatus;
import io.pamkit.sessionlink.model.SessionModuleConnection;
import io.pamkit.sessionlink.model.SessionModuleConnectionPolicy;
import io.pamkit.sessionlink.model.SessionModuleConnectionProtocol;
import io.pamkit.simulator.internal.CertificateAuthority;
import io.pamkit.simulator.internal.QueryEngine;
import io.pamkit.simulator.internal.SimulatorServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.jspecify.annotations.Nullable;

/**
 * An embeddable HTTPS simulator of the password appliance's (SPP) side of the session link: the
 * rSTS token endpoint (password and certificate grants), {@code Token/LoginResponse} and {@code
 * Logout}, session connections with their state machine (linked, then disconnected and hidden
 * unless {@code includeDisconnected}, then removed; a relink by {@code NodeId} reuses the
 * soft-deleted row; a duplicate live {@code NodeId} is 60657), connection policies, members,
 * managed networks, the {@code AccessRequestBroker}, {@code AuditLog/StreamService} and {@code
 * ServicesConfig} switches, {@code Version} and {@code Status}.
 *
 * <p>It behaves like the appliance where it matters to clients: tokens expire on the injected clock
 * and report {@code X-TokenLifetimeRemaining}; roles are checked (403 60108); a replica refuses
 * writes (403 60418); request bodies are validated against the appliance's OpenAPI schemas, so an
 * unknown, misspelt or mistyped field fails with 400 70000 naming it. It listens on an ephemeral
 * loopback port with a certificate from a CA generated at start ({@link #caCertificate()}, {@link
 * #clientSslContext()}).
 *
 * <p>Thread-safe. Close it to free the port and threads.
 */
public final class SppSimulator implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SERVICE_PATH =
      Pattern.compile("^/service/(core|appliance|notification)/v(\\d+)/(.*)$");
  private static final Set<AdminRole> READERS =
      EnumSet.of(
          AdminRole.APPLIANCE_ADMIN,
          AdminRole.OPERATIONS_ADMIN,
          AdminRole.POLICY_ADMIN,
          AdminRole.APPLICATION_AUDITOR,
          AdminRole.SYSTEM_AUDITOR,
          AdminRole.AUDITOR);
  private static final Set<AdminRole> BROKER_READERS =
      EnumSet.of(
          AdminRole.GLOBAL_ADMIN,
          AdminRole.USER_ADMIN,
          AdminRole.HELPDESK_ADMIN,
          AdminRole.APPLIANCE_ADMIN,
          AdminRole.OPERATIONS_ADMIN,
          AdminRole.POLICY_ADMIN,
          AdminRole.ASSET_ADMIN,
          AdminRole.APPLICATION_AUDITOR,
          AdminRole.SYSTEM_AUDITOR,
          AdminRole.AUDITOR);

  private final Clock clock;
  private final Duration tokenLifetime;
  private final int maxApiVersion;
  private final boolean resourceOwnerGrantEnabled;
  private final boolean deviceCodeGrantEnabled;
  private final int deviceCodeInterval;
  private final Duration deviceCodeLifetime;
  private final boolean deviceCodeSlowDown;
  private final ProductVersion version;
  private final String host;
  private final CertificateAuthority ca;
  private final SimulatorServer server;
  private final QueryEngine connectionQuery;

  private final Object lock = new Object();

  /** Users by {@code provider\\name}. */
  private final Map<String, User> users = new HashMap<>();

  /** Identity providers: {@code RstsProviderId} to {@code Name}. */
  private final Map<String, String> providers = new LinkedHashMap<>();

  /** One-time passwords of users with a second factor, by {@code provider\\name}. */
  private final Map<String, Secret> secondFactors = new HashMap<>();

  /** PKCE logins in progress, by their CSRF token. */
  private final Map<String, PkceLogin> pkceLogins = new HashMap<>();

  /** Issued authorization codes. */
  private final Map<String, AuthCode> codes = new HashMap<>();

  /** Device logins, by device code. */
  private final Map<String, DeviceLogin> deviceLogins = new HashMap<>();

  private final Map<String, Pause> pauses = new ConcurrentHashMap<>();
  private final Map<String, User> certificateUsers = new HashMap<>();
  private final Map<String, Token> stsTokens = new HashMap<>();
  private final Map<String, Token> userTokens = new HashMap<>();
  private final TreeMap<Integer, Row> rows = new TreeMap<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> requestCounts = new ConcurrentHashMap<>();
  private final AtomicInteger logins = new AtomicInteger();
  private final AtomicInteger logouts = new AtomicInteger();
  private int nextId = 1;
  private int nextUserId = 100;
  private boolean replica;
  private boolean everLinked;
  private boolean accessRequestBroker;
  private boolean auditLogStream;
  private ServiceState services = ServiceState.defaults();
  private final SimulatedSettings settings;
  private final SimulatedAccessRequests accessRequests;

  private static final class User {
    final int id;
    final String name;
    final @Nullable Secret password;
    final Set<AdminRole> roles;

    User(int id, String name, @Nullable Secret password, Set<AdminRole> roles) {
      this.id = id;
      this.name = name;
      this.password = password;
      this.roles = roles;
    }
  }

  private static final class PkceLogin {
    final String challenge;
    @Nullable User user;
    boolean secondaryNeeded;
    boolean secondaryDone;
    @Nullable String state;

    PkceLogin(String challenge) {
      this.challenge = challenge;
    }
  }

  private record AuthCode(User user, String challenge, Instant expires) {}

  private static final class DeviceLogin {
    final String userCode;
    final Instant expires;
    @Nullable User approvedBy;
    boolean denied;
    int pendingPolls;
    boolean slowDownSent;

    DeviceLogin(String userCode, Instant expires) {
      this.userCode = userCode;
      this.expires = expires;
    }
  }

  /**
   * Holds the next request to a path until released, so a test can run other calls while that one
   * is in flight.
   */
  public static final class Pause {
    private final java.util.concurrent.CountDownLatch arrived =
        new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.CountDownLatch released =
        new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.CountDownLatch answered =
        new java.util.concurrent.CountDownLatch(1);

    private Pause() {}

    /**
     * Waits until the held request has been handled (answered, or its client has gone).
     *
     * @throws InterruptedException if interrupted
     */
    public void awaitAnswered() throws InterruptedException {
      answered.await();
    }

    /**
     * Waits until the held request has arrived.
     *
     * @throws InterruptedException if interrupted
     */
    public void awaitArrival() throws InterruptedException {
      arrived.await();
    }

    /** Lets the held request go on. */
    public void release() {
      released.countDown();
    }
  }

  private static final class Token {
    final User user;
    final Instant expires;

    Token(User user, Instant expires) {
      this.user = user;
      this.expires = expires;
    }
  }

  private static final class Row {
    SessionModuleConnection connection;
    boolean disconnected;
    final List<NetworkMember> members = new ArrayList<>();
    final List<SessionModuleConnectionPolicy> policies = new ArrayList<>();
    final Map<String, List<ManagedNetwork>> networks = new HashMap<>();

    Row(SessionModuleConnection connection) {
      this.connection = connection;
    }
  }

  private SppSimulator(Builder b) {
    this.clock = b.clock;
    this.tokenLifetime = b.tokenLifetime;
    this.maxApiVersion = b.maxApiVersion;
    this.resourceOwnerGrantEnabled = b.resourceOwnerGrantEnabled;
    this.deviceCodeGrantEnabled = b.deviceCodeGrantEnabled;
    this.deviceCodeInterval = b.deviceCodeInterval;
    this.deviceCodeLifetime = b.deviceCodeLifetime;
    this.deviceCodeSlowDown = b.deviceCodeSlowDown;
    this.providers.put("local", "Local");
    this.providers.put("certificate", "Certificate");
    this.version = b.version;
    this.replica = b.replica;
    this.host = b.certificateNames.get(0);
    this.ca = CertificateAuthority.generate("pamkit SPP simulator CA");
    Set<String> props = new LinkedHashSet<>();
    SchemaValidator.shipped()
        .schema("SessionModuleConnection")
        .path("properties")
        .fieldNames()
        .forEachRemaining(props::add);
    this.connectionQuery = new QueryEngine(props);
    this.settings = new SimulatedSettings(lock, clock);
    this.accessRequests = new SimulatedAccessRequests(lock, clock);
    this.server = new SimulatorServer("spp", ca, b.certificateNames, b.port, this::handle);
  }

  /**
   * Returns the notification settings this appliance serves ({@code EmailClientConfig}, {@code
   * EmailTemplates}, {@code EventSubscribers}, {@code SyslogServers}, {@code TicketSystems}).
   *
   * @return the settings, to seed and to read back
   */
  public SimulatedSettings settings() {
    return settings;
  }

  /**
   * Returns the access requests this appliance serves ({@code AccessRequests}, with {@code Approve}
   * and {@code Deny}), to create pending ones and read their state back.
   *
   * @return the access requests
   */
  public SimulatedAccessRequests accessRequests() {
    return accessRequests;
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ------------------------------------------------------------------ test-facing API

  /**
   * Returns the host name clients should use: the first of the certificate's names.
   *
   * @return the host, {@code localhost} by default
   */
  public String host() {
    return host;
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
   * Returns the simulator's CA certificate, the trust anchor of its server certificate.
   *
   * @return the CA certificate
   */
  public X509Certificate caCertificate() {
    return ca.certificate();
  }

  /**
   * Returns the server's certificate chain as PEM, leaf first (what the session appliance's join
   * receives as {@code spp_cert_chain}).
   *
   * @return the PEM chain
   */
  public String certificateChainPem() {
    return Certificates.toPem(server.serverCertificate().chain());
  }

  /**
   * Returns an SSL context that trusts this simulator (and presents no client certificate).
   *
   * @return the context
   */
  public SSLContext clientSslContext() {
    return ca.trustingContext();
  }

  /**
   * Adds a local user for the password grant.
   *
   * @param name the user name
   * @param password the password
   * @param roles the user's permissions
   */
  public void addUser(String name, Secret password, AdminRole... roles) {
    addUser("local", name, password, roles);
  }

  /**
   * Adds a user of an identity provider (see {@link #addIdentityProvider(String, String)}).
   *
   * @param provider the provider's {@code RstsProviderId}, e.g. {@code local}
   * @param name the user name
   * @param password the password
   * @param roles the user's permissions
   */
  public void addUser(String provider, String name, Secret password, AdminRole... roles) {
    synchronized (lock) {
      if (!providers.containsKey(provider)) {
        throw new IllegalArgumentException("no identity provider " + provider);
      }
      users.put(
          provider + "\\" + requireNonNull(name, "name"),
          new User(nextUserId++, name, requireNonNull(password, "password"), roleSet(roles)));
    }
  }

  /**
   * Adds a directory identity provider, listed by the anonymous {@code GET
   * AuthenticationProviders}.
   *
   * @param name its display {@code Name}, e.g. {@code example.com}
   * @param rstsProviderId its {@code RstsProviderId}
   */
  public void addIdentityProvider(String name, String rstsProviderId) {
    synchronized (lock) {
      providers.put(requireNonNull(rstsProviderId, "rstsProviderId"), requireNonNull(name, "name"));
    }
  }

  /**
   * Gives a local user a second factor: a PKCE login then needs steps 7 and 5 with this one-time
   * password.
   *
   * @param name the user name
   * @param oneTimePassword the code step 5 must send
   */
  public void requireSecondFactor(String name, Secret oneTimePassword) {
    synchronized (lock) {
      secondFactors.put("local\\" + name, requireNonNull(oneTimePassword, "oneTimePassword"));
    }
  }

  /**
   * Approves a device login, as the user would in a browser.
   *
   * @param userCode the code the display showed
   * @param userName the local user who approves
   * @param pendingPolls how many more polls answer {@code authorization_pending} first
   * @throws IllegalArgumentException if the code or user is unknown
   */
  public void approveDeviceCode(String userCode, String userName, int pendingPolls) {
    synchronized (lock) {
      DeviceLogin d = deviceLogin(userCode);
      User u = users.get("local\\" + userName);
      if (u == null) {
        throw new IllegalArgumentException("no local user " + userName);
      }
      d.approvedBy = u;
      d.pendingPolls = pendingPolls;
    }
  }

  /**
   * Denies a device login, as the user would in a browser.
   *
   * @param userCode the code the display showed
   * @throws IllegalArgumentException if the code is unknown
   */
  public void denyDeviceCode(String userCode) {
    synchronized (lock) {
      deviceLogin(userCode).denied = true;
    }
  }

  private DeviceLogin deviceLogin(String userCode) {
    for (DeviceLogin d : deviceLogins.values()) {
      if (d.userCode.equals(userCode)) {
        return d;
      }
    }
    throw new IllegalArgumentException("no device login with user code " + userCode);
  }

  /**
   * Holds the next request whose path ends with the suffix until {@link Pause#release()}; the token
   * is checked only after the release, as on an appliance that is slow to answer.
   *
   * @param pathSuffix e.g. {@code Cluster/SessionModules/Members}
   * @return the pause
   */
  public Pause pauseNext(String pathSuffix) {
    Pause p = new Pause();
    pauses.put(requireNonNull(pathSuffix, "pathSuffix"), p);
    return p;
  }

  /**
   * Creates a certificate user and issues its client certificate; the returned context presents it
   * and trusts the simulator, for the certificate ({@code client_credentials}) grant.
   *
   * @param name the certificate user's name (the certificate's CN)
   * @param roles its permissions
   * @return an SSL context for the client
   */
  public SSLContext issueCertificateUser(String name, AdminRole... roles) {
    return ca.sslContext(issueCertificateUserKey(name, roles));
  }

  /**
   * Creates a certificate user and returns its certificate and key, e.g. to write as PKCS#12 or PEM
   * and load again with {@link KeyMaterial}.
   *
   * @param name the certificate user's name (the certificate's CN)
   * @param roles its permissions
   * @return the client certificate and key
   */
  public KeyMaterial issueCertificateUserKey(String name, AdminRole... roles) {
    KeyMaterial issued = ca.issueClient(name);
    synchronized (lock) {
      certificateUsers.put(
          CertificateAuthority.thumbprint(issued.certificate()),
          new User(nextUserId++, name, null, roleSet(roles)));
    }
    return issued;
  }

  private static Set<AdminRole> roleSet(AdminRole... roles) {
    return roles.length == 0
        ? EnumSet.noneOf(AdminRole.class)
        : EnumSet.copyOf(Arrays.asList(roles));
  }

  /**
   * Makes this appliance a replica (writes fail with 60418) or the primary again.
   *
   * @param replica true for a replica
   */
  public void setReplica(boolean replica) {
    synchronized (lock) {
      this.replica = replica;
    }
  }

  /**
   * Returns every stored session connection, soft-deleted ones included.
   *
   * @return a snapshot, by {@code Id}
   */
  public List<SessionModuleConnection> storedConnections() {
    synchronized (lock) {
      List<SessionModuleConnection> out = new ArrayList<>();
      rows.values().forEach(r -> out.add(r.connection));
      return out;
    }
  }

  /**
   * Returns whether a stored connection is soft deleted (disconnected).
   *
   * @param id the connection's {@code Id}
   * @return true when disconnected; false when linked or unknown
   */
  public boolean isDisconnected(int id) {
    synchronized (lock) {
      Row r = rows.get(id);
      return r != null && r.disconnected;
    }
  }

  /**
   * Adds a connection policy to a linked session appliance, as the session appliance would report
   * it.
   *
   * @param connectionId the connection's {@code Id}
   * @param policy the policy
   * @throws IllegalArgumentException if there is no such connection
   */
  public void addConnectionPolicy(int connectionId, SessionModuleConnectionPolicy policy) {
    synchronized (lock) {
      row(connectionId)
          .policies
          .add(policy.toBuilder().sessionModuleConnectionId(connectionId).build());
    }
  }

  /**
   * Adds a node to a linked session appliance cluster.
   *
   * @param connectionId the connection's {@code Id}
   * @param member the node
   * @throws IllegalArgumentException if there is no such connection
   */
  public void addMember(int connectionId, NetworkMember member) {
    synchronized (lock) {
      row(connectionId).members.add(member);
    }
  }

  private Row row(int id) {
    Row r = rows.get(id);
    if (r == null) {
      throw new IllegalArgumentException("no session connection " + id);
    }
    return r;
  }

  /**
   * Makes the next {@code count} requests whose path ends with {@code pathSuffix} fail with the
   * given status (for retry tests).
   *
   * @param pathSuffix e.g. {@code Cluster/SessionModules}
   * @param status e.g. 503
   * @param count how many requests fail
   */
  public void failNext(String pathSuffix, int status, int count) {
    failures.put(pathSuffix + "#" + status, count);
  }

  /**
   * Makes the next request whose path ends with {@code pathSuffix} wait before it is answered (for
   * timeout tests). The wait is real time, not the simulator's clock.
   *
   * @param pathSuffix e.g. {@code Cluster/SessionModules}
   * @param delay how long to wait
   */
  public void delayNext(String pathSuffix, Duration delay) {
    delays.put(requireNonNull(pathSuffix, "pathSuffix"), requireNonNull(delay, "delay"));
  }

  /**
   * Returns how many requests with this method reached a path ending with the suffix.
   *
   * @param method e.g. {@code GET}
   * @param pathSuffix e.g. {@code Cluster/SessionModules}
   * @return the count
   */
  public int requestCount(String method, String pathSuffix) {
    int n = 0;
    for (Map.Entry<String, AtomicInteger> e : requestCounts.entrySet()) {
      if (e.getKey().startsWith(method + " ") && e.getKey().endsWith(pathSuffix)) {
        n += e.getValue().get();
      }
    }
    return n;
  }

  /**
   * Returns how many user tokens {@code Token/LoginResponse} issued.
   *
   * @return the count
   */
  public int loginCount() {
    return logins.get();
  }

  /**
   * Returns how many tokens {@code Token/Logout} deleted.
   *
   * @return the count
   */
  public int logoutCount() {
    return logouts.get();
  }

  /**
   * Deletes every user token, as an appliance restart or an administrator would; clients must log
   * in again.
   */
  public void revokeAllTokens() {
    synchronized (lock) {
      userTokens.clear();
    }
  }

  /**
   * Returns how many user tokens are currently valid.
   *
   * @return the count
   */
  public int activeTokenCount() {
    synchronized (lock) {
      Instant now = clock.instant();
      return (int) userTokens.values().stream().filter(t -> now.isBefore(t.expires)).count();
    }
  }

  /** Stops the server and frees the port. */
  @Override
  public void close() {
    server.close();
  }

  // ------------------------------------------------------------------ HTTP

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath();
    Pause taken = null;
    for (Map.Entry<String, Pause> pe : pauses.entrySet()) {
      if (path.endsWith(pe.getKey()) && pauses.remove(pe.getKey(), pe.getValue())) {
        taken = pe.getValue();
        taken.arrived.countDown();
        try {
          taken.released.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        break;
      }
    }
    try {
      handleRequest(ex);
    } finally {
      if (taken != null) {
        taken.answered.countDown();
      }
    }
  }

  private void handleRequest(HttpExchange ex) throws IOException {
    String method = ex.getRequestMethod();
    String path = ex.getRequestURI().getPath();
    requestCounts.computeIfAbsent(method + " " + path, k -> new AtomicInteger()).incrementAndGet();
    for (Map.Entry<String, Integer> f : failures.entrySet()) {
      String suffix = f.getKey().substring(0, f.getKey().lastIndexOf('#'));
      if (path.endsWith(suffix) && f.getValue() > 0) {
        f.setValue(f.getValue() - 1);
        SimulatorServer.respondEmpty(
            ex, Integer.parseInt(f.getKey().substring(f.getKey().lastIndexOf('#') + 1)));
        return;
      }
    }
    for (Map.Entry<String, Duration> d : delays.entrySet()) {
      if (path.endsWith(d.getKey()) && delays.remove(d.getKey(), d.getValue())) {
        try {
          Thread.sleep(d.getValue().toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
    if (path.equals("/RSTS/oauth2/token") && method.equals("POST")) {
      rstsToken(ex);
      return;
    }
    if (path.equals("/RSTS/UserLogin/LoginController") && method.equals("POST")) {
      loginController(ex);
      return;
    }
    if (path.equals("/RSTS/oauth2/DeviceLogin") && method.equals("POST")) {
      deviceLoginStart(ex);
      return;
    }
    Matcher m = SERVICE_PATH.matcher(path);
    if (!m.matches()) {
      SimulatorServer.respondEmpty(ex, 404);
      return;
    }
    int v = Integer.parseInt(m.group(2));
    if (v < 3 || v > maxApiVersion) {
      SimulatorServer.respondEmpty(ex, 404);
      return;
    }
    String service = m.group(1);
    String rest = m.group(3);
    try {
      synchronized (lock) {
        route(ex, method, service, rest);
      }
    } catch (ApiFailure f) {
      if (f.body == null) {
        SimulatorServer.respondEmpty(ex, f.status);
      } else {
        SimulatorServer.respond(ex, f.status, f.body);
      }
    } catch (QueryEngine.QueryException q) {
      SimulatorServer.respond(ex, 400, apiError(q.code(), String.valueOf(q.getMessage())));
    }
  }

  private static final class ApiFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final transient @Nullable JsonNode body;

    ApiFailure(int status, @Nullable JsonNode body) {
      super("HTTP " + status, null, false, false);
      this.status = status;
      this.body = body;
    }
  }

  private static ObjectNode apiError(int code, String message) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("Code", code).put("Message", message).putNull("InnerError");
    return n;
  }

  private static ApiFailure fail(int status, int code, String message) {
    return new ApiFailure(status, apiError(code, message));
  }

  private static ApiFailure notFound() {
    return new ApiFailure(404, null);
  }

  private void route(HttpExchange ex, String method, String service, String rest)
      throws IOException {
    Map<String, String> query = SimulatorServer.query(ex);
    if (service.equals("appliance")) {
      if (rest.equals("Version") && method.equals("GET")) {
        JsonNode v = Json.mapper().valueToTree(version);
        SimulatorServer.respond(
            ex,
            200,
            query.containsKey("fields")
                ? projectAny((ObjectNode) v, query.get("fields"), "ProductVersion")
                : v);
        return;
      }
      throw notFound();
    }
    if (service.equals("notification")) {
      if (rest.equals("Status") && method.equals("GET")) {
        SimulatorServer.respond(ex, 200, Json.mapper().valueToTree(status()));
        return;
      }
      throw notFound();
    }
    if (rest.equals("Token/LoginResponse") && method.equals("POST")) {
      loginResponse(ex);
      return;
    }
    if (rest.equals("AuthenticationProviders") && method.equals("GET")) {
      // Anonymous, as SafeguardJava's provider lookup calls it (AuthenticatorBase).
      ArrayNode list = Json.mapper().createArrayNode();
      int id = -1;
      for (Map.Entry<String, String> p : providers.entrySet()) {
        list.addObject()
            .put("Id", id--)
            .put("Name", p.getValue())
            .put("RstsProviderId", p.getKey())
            .put("RstsProviderScope", "rsts:sts:primaryproviderid:" + p.getKey());
      }
      SimulatorServer.respond(ex, 200, list);
      return;
    }
    User user = authenticate(ex);
    if (rest.equals("Token/Logout") && method.equals("POST")) {
      String token = bearer(ex);
      userTokens.remove(token);
      logouts.incrementAndGet();
      SimulatorServer.respondEmpty(ex, 204);
      return;
    }
    String[] seg = rest.split("/");
    if (rest.equals("ServicesConfig")) {
      servicesConfig(ex, method, user, query);
    } else if (seg.length == 2 && seg[0].equals("ServicesConfig")) {
      serviceEnabled(ex, method, user, URLDecoder.decode(seg[1], StandardCharsets.UTF_8));
    } else if (rest.equals("AuditLog/StreamService")) {
      if (method.equals("GET")) {
        require(user, BROKER_READERS);
      } else if (method.equals("PUT")) {
        require(user, EnumSet.of(AdminRole.APPLIANCE_ADMIN, AdminRole.POLICY_ADMIN));
        JsonNode body = validBody(ex, "AuditLogStreamService");
        auditLogStream = body.path("Enabled").asBoolean(auditLogStream);
      } else {
        throw notFound();
      }
      SimulatorServer.respond(
          ex, 200, Json.mapper().createObjectNode().put("Enabled", auditLogStream));
    } else if (seg.length >= 2 && seg[0].equals("Cluster") && seg[1].equals("SessionModules")) {
      sessionModules(ex, method, user, Arrays.copyOfRange(seg, 2, seg.length), query);
    } else if (accessRequests.route(ex, method, rest, user.name, user.roles, replica)) {
      return;
    } else if (!settings.route(ex, method, rest, user.roles, replica, user.id)) {
      throw notFound();
    }
  }

  // ------------------------------------------------------------------ authentication

  private static Map<String, String> form(byte[] raw) {
    Map<String, String> form = new HashMap<>();
    for (String pair : new String(raw, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  private void rstsToken(HttpExchange ex) throws IOException {
    byte[] raw = SimulatorServer.body(ex);
    Map<String, String> form = new HashMap<>();
    String contentType = ex.getRequestHeaders().getFirst("Content-Type");
    if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
      form = form(raw);
    } else {
      try {
        Map<String, String> f = form;
        Json.mapper()
            .readTree(raw)
            .properties()
            .forEach(e -> f.put(e.getKey(), e.getValue().asText()));
      } catch (IOException | RuntimeException e) {
        SimulatorServer.respond(
            ex, 400, rstsError("invalid_request", "The request body is not JSON."));
        return;
      }
    }
    String grant = form.getOrDefault("grant_type", "");
    User user;
    synchronized (lock) {
      switch (grant) {
        case "password" -> {
          if (!resourceOwnerGrantEnabled) {
            // The text is the appliance's (SafeguardJava .agents/skills/testing-guide/SKILL.md);
            // that
            // the body is HTML, like the device code refusal's, is [I].
            SimulatorServer.respondText(
                ex,
                400,
                "text/html",
                "<html><body><h1>Bad Request</h1><p>OAuth2 resource owner password credentials grant type is not"
                    + " allowed.</p></body></html>");
            return;
          }
          String scope = form.getOrDefault("scope", "");
          String provider =
              scope.startsWith("rsts:sts:primaryproviderid:")
                  ? scope.substring("rsts:sts:primaryproviderid:".length())
                  : "";
          if (!providers.containsKey(provider)) {
            SimulatorServer.respond(
                ex, 400, rstsError("invalid_scope", "Unknown identity provider."));
            return;
          }
          User u = users.get(provider + "\\" + form.getOrDefault("username", ""));
          String password = form.get("password");
          if (u == null
              || password == null
              || u.password == null
              || !u.password.equals(Secret.of(password))) {
            SimulatorServer.respond(ex, 400, rstsError("invalid_request", "Access denied."));
            return;
          }
          user = u;
        }
        case "client_credentials" -> {
          user = certificateUser(ex);
          if (user == null) {
            SimulatorServer.respond(ex, 400, rstsError("invalid_request", "Access denied."));
            return;
          }
        }
        case "authorization_code" -> {
          AuthCode code = codes.remove(form.getOrDefault("code", ""));
          if (code == null) {
            // safeguard-ps issue #527: a second redemption is "Code was already redeemed".
            SimulatorServer.respond(
                ex, 400, rstsError("invalid_request", "Code was already redeemed."));
            return;
          }
          String verifier = form.getOrDefault("code_verifier", "");
          if (!clock.instant().isBefore(code.expires())
              || !"urn:InstalledApplication".equals(form.get("redirect_uri"))
              || !io.pamkit.sessionlink.internal.Rsts.challengeOf(verifier)
                  .equals(code.challenge())) {
            SimulatorServer.respond(
                ex,
                400,
                rstsError("invalid_grant", "The authorization code or verifier is invalid."));
            return;
          }
          user = code.user();
        }
        case "urn:ietf:params:oauth:grant-type:device_code" -> {
          DeviceLogin d = deviceLogins.get(form.getOrDefault("device_code", ""));
          if (d == null) {
            SimulatorServer.respond(ex, 400, rstsError("invalid_grant", "Unknown device code."));
            return;
          }
          if (!clock.instant().isBefore(d.expires)) {
            SimulatorServer.respond(
                ex, 400, rstsError("expired_token", "The device code has expired."));
            return;
          }
          if (d.denied) {
            deviceLogins.remove(form.get("device_code"));
            SimulatorServer.respond(
                ex, 400, rstsError("access_denied", "The user denied the request."));
            return;
          }
          if (deviceCodeSlowDown && !d.slowDownSent) {
            d.slowDownSent = true;
            SimulatorServer.respond(ex, 400, rstsError("slow_down", "Polling too fast."));
            return;
          }
          if (d.approvedBy == null || d.pendingPolls > 0) {
            if (d.approvedBy != null) {
              d.pendingPolls--;
            }
            SimulatorServer.respond(
                ex, 400, rstsError("authorization_pending", "The user has not yet approved."));
            return;
          }
          deviceLogins.remove(form.get("device_code"));
          user = d.approvedBy;
        }
        default -> {
          SimulatorServer.respond(
              ex, 400, rstsError("unsupported_grant_type", "Unsupported grant type."));
          return;
        }
      }
      String token = newToken();
      stsTokens.put(token, new Token(user, clock.instant().plusSeconds(600)));
      ObjectNode ok = Json.mapper().createObjectNode();
      ok.put("access_token", token)
          .put("token_type", "Bearer")
          .put("expires_in", 600)
          .put("success", true);
      SimulatorServer.respond(ex, 200, ok);
    }
  }

  /**
   * The rSTS login controller as the PKCE clients drive it (SafeguardJava PkceAuthenticator,
   * safeguard-ps Get-RstsTokenWithPkce): steps 1, 3, 7, 5, 6; the CsrfToken cookie must equal the
   * form's csrfTokenTextbox on every step. The login is kept by that token [I: the appliance's own
   * session keeping is not published].
   */
  private void loginController(HttpExchange ex) throws IOException {
    Map<String, String> q = SimulatorServer.query(ex);
    Map<String, String> f = form(SimulatorServer.body(ex));
    String challenge = q.getOrDefault("code_challenge", "");
    if (!"code".equals(q.get("response_type"))
        || !"S256".equals(q.get("code_challenge_method"))
        || challenge.isEmpty()
        || !"urn:InstalledApplication".equals(q.get("redirect_uri"))) {
      SimulatorServer.respondText(ex, 400, "text/plain", "Invalid authorization request.");
      return;
    }
    String csrf = cookie(ex, "CsrfToken");
    if (csrf == null || !csrf.equals(f.get("csrfTokenTextbox"))) {
      SimulatorServer.respondText(
          ex, 400, "text/plain", "The anti-forgery token is missing or does not match.");
      return;
    }
    String step = q.getOrDefault("loginRequestStep", "");
    synchronized (lock) {
      PkceLogin login = pkceLogins.get(csrf);
      if (step.equals("1")) {
        pkceLogins.put(csrf, new PkceLogin(challenge));
        SimulatorServer.respond(
            ex, 200, Json.mapper().createObjectNode().put("AntiCsrfToken", csrf));
        return;
      }
      if (login == null || !login.challenge.equals(challenge)) {
        SimulatorServer.respondText(
            ex, 400, "text/plain", "The login session has expired. Start again.");
        return;
      }
      String key =
          f.getOrDefault("directoryComboBox", "") + "\\" + f.getOrDefault("usernameTextbox", "");
      switch (step) {
        case "3" -> {
          User u = users.get(key);
          String pw = f.get("passwordTextbox");
          if (!providers.containsKey(f.getOrDefault("directoryComboBox", ""))) {
            SimulatorServer.respondText(ex, 400, "text/plain", "Unknown identity provider.");
            return;
          }
          if (u == null || pw == null || u.password == null || !u.password.equals(Secret.of(pw))) {
            // safeguard-ps Get-RstsPkceErrorMessage: rSTS answers plain text such as "Invalid
            // password.".
            SimulatorServer.respondText(ex, 400, "text/plain", "Invalid password.");
            return;
          }
          login.user = u;
          login.secondaryNeeded = secondFactors.containsKey(key);
          ObjectNode ok = Json.mapper().createObjectNode();
          if (login.secondaryNeeded) {
            ok.put("SecondaryProviderID", "pamkit-simulator-otp");
          }
          SimulatorServer.respond(ex, 200, ok);
        }
        case "7" -> {
          if (login.user == null || !login.secondaryNeeded) {
            SimulatorServer.respondText(ex, 400, "text/plain", "No second factor is pending.");
            return;
          }
          login.state = newToken();
          SimulatorServer.respond(
              ex,
              200,
              Json.mapper()
                  .createObjectNode()
                  .put("State", login.state)
                  .put("Message", "Enter the one-time password from your authenticator.")
                  .put("Echo", false));
        }
        case "5" -> {
          Secret expected = secondFactors.get(key);
          String otp = f.get("secondaryLoginTextbox");
          if (login.user == null
              || login.state == null
              || expected == null
              || !login.state.equals(f.get("secondaryAuthenticationStateTextbox"))
              || otp == null
              || !expected.equals(Secret.of(otp))) {
            // safeguard-ps: HTTP 203 means the second factor was refused; Message says why.
            SimulatorServer.respond(
                ex,
                203,
                Json.mapper()
                    .createObjectNode()
                    .put("Message", "The one-time password is not valid."));
            return;
          }
          login.secondaryDone = true;
          SimulatorServer.respond(ex, 200, Json.mapper().createObjectNode());
        }
        case "6" -> {
          if (login.user == null || (login.secondaryNeeded && !login.secondaryDone)) {
            SimulatorServer.respondText(ex, 400, "text/plain", "Authentication is not complete.");
            return;
          }
          pkceLogins.remove(csrf);
          String code = newToken();
          codes.put(
              code, new AuthCode(login.user, login.challenge, clock.instant().plusSeconds(60)));
          SimulatorServer.respond(
              ex,
              200,
              Json.mapper()
                  .createObjectNode()
                  .put("RelyingPartyUrl", "urn:InstalledApplication?code=" + code));
        }
        default -> SimulatorServer.respondText(ex, 400, "text/plain", "Unknown login step.");
      }
    }
  }

  private void deviceLoginStart(HttpExchange ex) throws IOException {
    SimulatorServer.body(ex);
    if (!deviceCodeGrantEnabled) {
      // The marker text is the appliance's (SafeguardJava README, DeviceCodeAuthenticator: an HTML
      // body).
      SimulatorServer.respondText(
          ex,
          400,
          "text/html",
          "<html><body><p>OAuth2 device code grant type is not allowed.</p></body></html>");
      return;
    }
    String deviceCode = newToken();
    byte[] b = new byte[4];
    RANDOM.nextBytes(b);
    String userCode = HexFormat.of().formatHex(b).toUpperCase(Locale.ROOT);
    synchronized (lock) {
      deviceLogins.put(
          deviceCode, new DeviceLogin(userCode, clock.instant().plus(deviceCodeLifetime)));
    }
    String page = "https://" + host + ":" + port() + "/RSTS/device";
    SimulatorServer.respond(
        ex,
        200,
        Json.mapper()
            .createObjectNode()
            .put("device_code", deviceCode)
            .put("user_code", userCode)
            .put("verification_uri", page)
            .put("verification_uri_complete", page + "?user_code=" + userCode)
            .put("expires_in", deviceCodeLifetime.toSeconds())
            .put("interval", deviceCodeInterval));
  }

  private static @Nullable String cookie(HttpExchange ex, String name) {
    List<String> headers = ex.getRequestHeaders().get("Cookie");
    if (headers == null) {
      return null;
    }
    for (String h : headers) {
      for (String part : h.split(";")) {
        String p = part.trim();
        if (p.startsWith(name + "=")) {
          return p.substring(name.length() + 1);
        }
      }
    }
    return null;
  }

  private @Nullable User certificateUser(HttpExchange ex) {
    if (!(ex instanceof HttpsExchange https)) {
      return null;
    }
    try {
      Certificate[] peer = https.getSSLSession().getPeerCertificates();
      if (peer.length == 0 || !(peer[0] instanceof X509Certificate first)) {
        return null;
      }
      return certificateUsers.get(CertificateAuthority.thumbprint(first));
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
  }

  private static ObjectNode rstsError(String error, String description) {
    ObjectNode n = Json.mapper().createObjectNode();
    n.put("error", error).put("error_description", description).put("success", false);
    return n;
  }

  private void loginResponse(HttpExchange ex) throws IOException {
    JsonNode body = validBody(ex, "LoginResponseRequestData");
    Token sts = stsTokens.remove(body.path("StsAccessToken").asText(""));
    if (sts == null || !clock.instant().isBefore(sts.expires)) {
      throw fail(400, 60094, "Authorization is denied for this request.");
    }
    String token = newToken();
    userTokens.put(token, new Token(sts.user, clock.instant().plus(tokenLifetime)));
    logins.incrementAndGet();
    ObjectNode ok = Json.mapper().createObjectNode();
    ok.put("Status", "Success")
        .put("UserToken", token)
        .put("PrimaryProviderId", "local")
        .putNull("SecondaryProviderId");
    ok.put("WebClientInactivityTimeout", 15).put("DesktopClientInactivityTimeout", 15);
    SimulatorServer.respond(ex, 200, ok);
  }

  private static @Nullable String bearer(HttpExchange ex) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    return auth.substring(7).trim();
  }

  private User authenticate(HttpExchange ex) {
    String token = bearer(ex);
    Token t = token == null ? null : userTokens.get(token);
    Instant now = clock.instant();
    if (t == null || !now.isBefore(t.expires)) {
      if (t != null) {
        userTokens.remove(token);
      }
      throw fail(401, 60094, "Authorization is denied for this request.");
    }
    if (ex.getRequestHeaders().containsKey("X-TokenLifetimeRemaining")) {
      long minutes = Duration.between(now, t.expires).toMinutes();
      ex.getResponseHeaders().set("X-TokenLifetimeRemaining", Long.toString(minutes));
    }
    return t.user;
  }

  private static void require(User user, Set<AdminRole> anyOf) {
    if (user.roles.contains(AdminRole.GLOBAL_ADMIN) && anyOf.contains(AdminRole.GLOBAL_ADMIN)) {
      return;
    }
    for (AdminRole r : anyOf) {
      if (user.roles.contains(r)) {
        return;
      }
    }
    throw fail(403, 60108, "Authorization is required for this request.");
  }

  private void requirePrimary() {
    if (replica) {
      throw fail(
          403, 60418, "This action can only be performed on the primary appliance (not replica).");
    }
  }

  private static String newToken() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  // ------------------------------------------------------------------ bodies

  private JsonNode readJson(HttpExchange ex, int missingCode) throws IOException {
    byte[] raw = SimulatorServer.body(ex);
    if (raw.length == 0) {
      throw fail(400, missingCode, "Missing request body.");
    }
    try {
      return Json.mapper().readTree(raw);
    } catch (IOException e) {
      throw fail(400, 70000, "The request is invalid: the body is not JSON.");
    }
  }

  private JsonNode validBody(HttpExchange ex, String schema) throws IOException {
    JsonNode node = readJson(ex, 60245);
    reject(SchemaValidator.shipped().validate(schema, node));
    return node;
  }

  private static void reject(List<Violation> violations) {
    if (violations.isEmpty()) {
      return;
    }
    ObjectNode err =
        apiError(
            70000,
            "The request is invalid. "
                + violations.get(0)
                + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
    // ModelState as real appliances add it to 70000 errors; see ApiError's Javadoc.
    ObjectNode ms = err.putObject("ModelState");
    for (Violation v : violations) {
      String key = "entity" + v.path().substring(1);
      ArrayNode list = ms.has(key) ? (ArrayNode) ms.get(key) : ms.putArray(key);
      list.add(v.message());
    }
    throw new ApiFailure(400, err);
  }

  // ------------------------------------------------------------------ switches

  private void servicesConfig(HttpExchange ex, String method, User user, Map<String, String> query)
      throws IOException {
    if (method.equals("PUT")) {
      require(user, EnumSet.of(AdminRole.APPLIANCE_ADMIN));
      requirePrimary();
      JsonNode body = validBody(ex, "ServicesConfig");
      services = ServicesConfigJson.read(body, services);
    } else if (!method.equals("GET")) {
      throw notFound();
    }
    ObjectNode out = ServicesConfigJson.write(services);
    SimulatorServer.respond(
        ex,
        200,
        query.containsKey("fields") ? projectAny(out, query.get("fields"), "ServicesConfig") : out);
  }

  private void serviceEnabled(HttpExchange ex, String method, User user, String name)
      throws IOException {
    Service toggle = null;
    for (JsonNode allowed : SchemaValidator.shipped().schema("ServiceEnabled").path("enum")) {
      if (allowed.asText().equals(name)) {
        toggle = Service.fromWireName(name).orElse(null);
      }
    }
    if (toggle == null) {
      throw fail(400, 70008, "The serviceName parameter must be a valid enum value.");
    }
    if (method.equals("PUT")) {
      require(user, EnumSet.of(AdminRole.APPLIANCE_ADMIN));
      requirePrimary();
      JsonNode body = readJson(ex, 60245);
      if (!body.isBoolean()) {
        reject(List.of(new Violation("$", "is not a boolean; the body must be true or false")));
      }
      services = services.toBuilder().enabled(toggle, body.asBoolean()).build();
    } else if (!method.equals("GET")) {
      throw notFound();
    }
    SimulatorServer.respond(
        ex, 200, Json.mapper().getNodeFactory().booleanNode(services.isEnabled(toggle)));
  }

  private ObjectNode projectAny(ObjectNode node, String fields, String schema) {
    Set<String> props = new LinkedHashSet<>();
    SchemaValidator.shipped()
        .schema(schema)
        .path("properties")
        .fieldNames()
        .forEachRemaining(props::add);
    return new QueryEngine(props).project(node, fields);
  }

  private ApplianceStatus status() {
    synchronized (lock) {
      Instant now = clock.instant();
      boolean joined =
          rows.values().stream().anyMatch(r -> !r.disconnected && r.connection.trusted());
      return ApplianceStatus.builder()
          .applianceCurrentState(ApplianceState.ONLINE)
          .applianceId(
              "SIM-" + Integer.toHexString(System.identityHashCode(this)).toUpperCase(Locale.ROOT))
          .applianceName("spp-simulator")
          .appliancePreviousState(ApplianceState.INITIALIZING)
          .applianceVersion(
              version.major()
                  + "."
                  + version.minor()
                  + "."
                  + version.revision()
                  + "."
                  + version.build())
          .currentTime(now)
          .lastStateChangeTime(now)
          .isIsolated(false)
          .isMaintenance(false)
          .isPrimary(!replica)
          .isQuarantine(false)
          .isReadOnly(false)
          .isReplica(replica)
          .isSessionsExternal(everLinked)
          .ipAddress("127.0.0.1")
          .isVirtual(true)
          .isSessionModuleJoined(joined)
          .build();
    }
  }

  // ------------------------------------------------------------------ session modules

  private void sessionModules(
      HttpExchange ex, String method, User user, String[] seg, Map<String, String> query)
      throws IOException {
    if (seg.length == 0) {
      if (method.equals("GET")) {
        require(user, READERS);
        boolean includeDisconnected =
            Boolean.parseBoolean(query.getOrDefault("includeDisconnected", "false"));
        List<ObjectNode> list = new ArrayList<>();
        for (Row r : rows.values()) {
          if (includeDisconnected || !r.disconnected) {
            list.add(Json.mapper().valueToTree(r.connection));
          }
        }
        SimulatorServer.respond(ex, 200, connectionQuery.apply(list, query));
      } else if (method.equals("POST")) {
        require(user, EnumSet.of(AdminRole.APPLIANCE_ADMIN));
        requirePrimary();
        JsonNode body = validBody(ex, "SessionModuleConnection");
        SessionModuleConnection req =
            Json.mapper().treeToValue(body, SessionModuleConnection.class);
        SimulatorServer.respond(ex, 200, Json.mapper().valueToTree(link(req, user)));
      } else {
        throw notFound();
      }
      return;
    }
    switch (seg[0]) {
      case "AccessRequestBroker" -> {
        if (method.equals("GET")) {
          require(user, BROKER_READERS);
        } else if (method.equals("PUT")) {
          require(user, EnumSet.of(AdminRole.POLICY_ADMIN));
          JsonNode body = validBody(ex, "AccessRequestBroker");
          accessRequestBroker = body.path("Enabled").asBoolean(accessRequestBroker);
        } else {
          throw notFound();
        }
        SimulatorServer.respond(
            ex, 200, Json.mapper().createObjectNode().put("Enabled", accessRequestBroker));
        return;
      }
      case "ConnectionPolicies" -> {
        require(user, READERS);
        List<ObjectNode> all = new ArrayList<>();
        for (Row r : rows.values()) {
          if (!r.disconnected) {
            all.addAll(policies(r, query));
          }
        }
        SimulatorServer.respond(
            ex, 200, policyQuery().apply(all, without(query, "protocol", "refresh")));
        return;
      }
      case "Members" -> {
        require(user, READERS);
        List<ObjectNode> members = new ArrayList<>();
        for (Row r : rows.values()) {
          if (!r.disconnected) {
            r.members.forEach(mm -> members.add(Json.mapper().valueToTree(mm)));
          }
        }
        SimulatorServer.respond(ex, 200, memberQuery().apply(members, query));
        return;
      }
      default -> {}
    }
    int id;
    try {
      id = Integer.parseInt(seg[0]);
    } catch (NumberFormatException e) {
      throw fail(400, 70000, "The request is invalid: id '" + seg[0] + "' is not an int32.");
    }
    Row row = rows.get(id);
    if (seg.length == 1) {
      oneConnection(ex, method, user, id, row, query);
      return;
    }
    require(user, method.equals("GET") ? READERS : EnumSet.of(AdminRole.APPLIANCE_ADMIN));
    if (row == null || row.disconnected) {
      throw notFound();
    }
    if (seg[1].equals("ConnectionPolicies") && method.equals("GET")) {
      List<ObjectNode> ps = policies(row, query);
      if (seg.length == 2) {
        SimulatorServer.respond(
            ex, 200, policyQuery().apply(ps, without(query, "protocol", "refresh")));
        return;
      }
      String policyId = URLDecoder.decode(seg[2], StandardCharsets.UTF_8);
      for (ObjectNode p : ps) {
        if (policyId.equals(p.path("Id").asText())) {
          SimulatorServer.respond(ex, 200, p);
          return;
        }
      }
      throw notFound();
    }
    if (seg[1].equals("Members")) {
      members(ex, method, row, Arrays.copyOfRange(seg, 2, seg.length), query);
      return;
    }
    throw notFound();
  }

  private static Map<String, String> without(Map<String, String> q, String... keys) {
    Map<String, String> copy = new LinkedHashMap<>(q);
    for (String k : keys) {
      copy.remove(k);
    }
    return copy;
  }

  private QueryEngine policyQuery() {
    Set<String> props = new LinkedHashSet<>();
    SchemaValidator.shipped()
        .schema("SessionModuleConnectionPolicy")
        .path("properties")
        .fieldNames()
        .forEachRemaining(props::add);
    return new QueryEngine(props);
  }

  private QueryEngine memberQuery() {
    Set<String> props = new LinkedHashSet<>();
    SchemaValidator.shipped()
        .schema("NetworkMember")
        .path("properties")
        .fieldNames()
        .forEachRemaining(props::add);
    return new QueryEngine(props);
  }

  private List<ObjectNode> policies(Row r, Map<String, String> query) {
    SessionModuleConnectionProtocol protocol = SessionModuleConnectionProtocol.SSH;
    String p = query.get("protocol");
    if (p != null) {
      protocol =
          SessionModuleConnectionProtocol.fromWireName(p)
              .orElseThrow(
                  () -> fail(400, 70008, "The protocol parameter must be a valid enum value."));
    }
    List<ObjectNode> out = new ArrayList<>();
    for (SessionModuleConnectionPolicy policy : r.policies) {
      if (policy.protocol() == protocol) {
        out.add(Json.mapper().valueToTree(policy));
      }
    }
    return out;
  }

  private void members(
      HttpExchange ex, String method, Row row, String[] seg, Map<String, String> query)
      throws IOException {
    if (seg.length == 0 && method.equals("GET")) {
      List<ObjectNode> list = new ArrayList<>();
      row.members.forEach(mm -> list.add(Json.mapper().valueToTree(mm)));
      SimulatorServer.respond(ex, 200, memberQuery().apply(list, query));
      return;
    }
    if (seg.length == 0) {
      throw notFound();
    }
    String memberId = URLDecoder.decode(seg[0], StandardCharsets.UTF_8);
    NetworkMember member =
        row.members.stream()
            .filter(mm -> memberId.equals(mm.id()))
            .findFirst()
            .orElseThrow(SppSimulator::notFound);
    if (seg.length == 1 && method.equals("GET")) {
      ObjectNode n = Json.mapper().valueToTree(member);
      SimulatorServer.respond(
          ex, 200, query.containsKey("fields") ? memberQuery().project(n, query.get("fields")) : n);
      return;
    }
    if (!seg[1].equals("ManagedNetworks")) {
      throw notFound();
    }
    if (method.equals("PUT")) {
      requirePrimary();
      JsonNode body = readJson(ex, 60245);
      reject(SchemaValidator.shipped().validateArray("ManagedNetwork", body));
      List<ManagedNetwork> given = new ArrayList<>();
      for (JsonNode n : body) {
        given.add(Json.mapper().treeToValue(n, ManagedNetwork.class));
      }
      List<ManagedNetwork> current = row.networks.computeIfAbsent(memberId, k -> new ArrayList<>());
      if (seg.length == 2) {
        current.clear();
        current.addAll(given);
      } else if (seg[2].equals("Add")) {
        for (ManagedNetwork g : given) {
          if (current.stream().noneMatch(c -> java.util.Objects.equals(c.name(), g.name()))) {
            current.add(g);
          }
        }
      } else if (seg[2].equals("Remove")) {
        current.removeIf(
            c -> given.stream().anyMatch(g -> java.util.Objects.equals(g.name(), c.name())));
      } else {
        throw fail(400, 70008, "The operation parameter must be a valid enum value.");
      }
    } else if (!method.equals("GET") || seg.length != 2) {
      throw notFound();
    }
    // The OpenAPI file declares NetworkMember[]: the members that share this member's networks.
    Set<String> names = new LinkedHashSet<>();
    row.networks.getOrDefault(memberId, List.of()).forEach(n -> names.add(n.name()));
    ArrayNode out = Json.mapper().createArrayNode();
    for (NetworkMember mm : row.members) {
      boolean shares =
          row.networks.getOrDefault(mm.id(), List.of()).stream()
              .anyMatch(n -> names.contains(n.name()));
      if (shares) {
        out.add(Json.mapper().valueToTree(mm));
      }
    }
    SimulatorServer.respond(ex, 200, out);
  }

  private void oneConnection(
      HttpExchange ex,
      String method,
      User user,
      int id,
      @Nullable Row row,
      Map<String, String> query)
      throws IOException {
    switch (method) {
      case "GET" -> {
        require(user, READERS);
        if (row == null) {
          throw notFound();
        }
        ObjectNode n = Json.mapper().valueToTree(row.connection);
        SimulatorServer.respond(
            ex,
            200,
            query.containsKey("fields") ? connectionQuery.project(n, query.get("fields")) : n);
        return;
      }
      case "PUT" -> {
        require(user, EnumSet.of(AdminRole.APPLIANCE_ADMIN));
        requirePrimary();
        if (row == null) {
          throw notFound();
        }
        JsonNode body = validBody(ex, "SessionModuleConnection");
        if (body.hasNonNull("Id") && body.get("Id").asInt() != id) {
          throw fail(400, 60102, "The entity's key value does not match the resource URI.");
        }
        SessionModuleConnection edit =
            Json.mapper().treeToValue(body, SessionModuleConnection.class);
        if (!java.util.Objects.equals(row.connection.nodeId(), edit.nodeId())) {
          throw fail(
              400,
              60657,
              "The session connection has a missing, invalid, or non-unique value [ NodeId ].");
        }
        // Only the description, the network address and UseHostNameForLaunch may change.
        row.connection =
            row.connection.toBuilder()
                .description(edit.description())
                .spsNetworkAddress(edit.spsNetworkAddress())
                .useHostNameForLaunch(edit.useHostNameForLaunch())
                .build();
        SimulatorServer.respond(ex, 200, Json.mapper().valueToTree(row.connection));
        return;
      }
      case "DELETE" -> {
        require(user, EnumSet.of(AdminRole.APPLIANCE_ADMIN));
        requirePrimary();
        if (row == null) {
          throw notFound();
        }
        if (row.disconnected) {
          rows.remove(id);
        } else {
          row.disconnected = true;
          row.connection =
              row.connection.toBuilder()
                  .trusted(false)
                  .certificateUserThumbprint(null)
                  .clientCertificateThumbprint(null)
                  .oneTimeToken(null)
                  .build();
        }
        SimulatorServer.respondEmpty(ex, 204);
        return;
      }
      default -> throw notFound();
    }
  }

  private SessionModuleConnection link(SessionModuleConnection req, User user) {
    Row existing = null;
    for (Row r : rows.values()) {
      if (java.util.Objects.equals(r.connection.nodeId(), req.nodeId())) {
        existing = r;
      }
    }
    if (existing != null && !existing.disconnected) {
      throw fail(
          400,
          60657,
          "The session connection has a missing, invalid, or non-unique value [ NodeId ].");
    }
    String certificatePem = null;
    String thumbprint;
    if (req.certificateUserCsr() != null) {
      X509Certificate signed;
      try {
        signed = ca.signCsr(req.certificateUserCsr(), "SPS-" + req.nodeId());
      } catch (IllegalArgumentException e) {
        throw fail(
            400,
            60657,
            "The session connection has a missing, invalid, or non-unique value [ CertificateUserCsr ].");
      }
      certificatePem = Certificates.toPem(signed);
      thumbprint = CertificateAuthority.thumbprint(signed);
    } else {
      byte[] b = new byte[20];
      RANDOM.nextBytes(b);
      thumbprint = HexFormat.of().formatHex(b).toUpperCase(Locale.ROOT);
    }
    SessionModuleConnection.Builder b;
    Row row;
    if (existing != null) {
      // Relink: the soft-deleted row and its Id come back, so policies referring to it still work.
      row = existing;
      b = existing.connection.toBuilder();
      if (req.description() != null) {
        b.description(req.description());
      }
    } else {
      int id = nextId++;
      b =
          SessionModuleConnection.builder()
              .id(id)
              .nodeId(req.nodeId())
              .description(req.description())
              .certificateUserId(nextUserId++)
              .createdDate(clock.instant())
              .createdByUserId(user.id)
              .createdByUserDisplayName(user.name);
      row = new Row(b.build());
      rows.put(id, row);
    }
    b.spsNetworkAddress(req.spsNetworkAddress())
        .spsHostName(req.spsHostName())
        .firmwareVersion(req.firmwareVersion())
        .useHostNameForLaunch(req.useHostNameForLaunch() || b.build().useHostNameForLaunch())
        .certificateUserCsr(req.certificateUserCsr())
        .certificateUserPemEncodedCertificate(certificatePem)
        .certificateUser("SPS-" + req.nodeId())
        .certificateUserThumbprint(thumbprint)
        .clientCertificateThumbprint(thumbprint)
        .sppSslPemEncodedCertificateChain(certificateChainPem())
        .oneTimeToken(newToken())
        // [I] The trust validation step is not published; the simulator trusts at once.
        .trusted(true);
    row.connection = b.build();
    row.disconnected = false;
    if (row.members.isEmpty()) {
      row.members.add(
          NetworkMember.builder()
              .id(req.nodeId())
              .name(req.spsHostName())
              .ipv4Address(req.spsNetworkAddress())
              .isSessionMember(true)
              .sessionMemberStatus(SessionMemberStatus.AVAILABLE)
              .sessionMemberRoles(List.of("CentralManagement"))
              .syncStatus("Synchronized")
              .build());
    }
    everLinked = true;
    return row.connection;
  }

  /** Builds an {@link SppSimulator} and starts it; not thread-safe. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Duration tokenLifetime = Duration.ofDays(1);
    private int maxApiVersion = 4;
    private boolean resourceOwnerGrantEnabled;
    private boolean deviceCodeGrantEnabled;
    private int deviceCodeInterval = 5;
    private Duration deviceCodeLifetime = Duration.ofMinutes(5);
    private boolean deviceCodeSlowDown;
    private boolean replica;
    private List<String> certificateNames = List.of("localhost", "127.0.0.1");
    private int port;
    private ProductVersion version =
        ProductVersion.builder()
            .major(7)
            .minor(5)
            .revision(0)
            .build(21662)
            .buildDate(Instant.parse("2026-06-01T00:00:00Z"))
            .buildVariant("Release")
            .buildPlatform("x64")
            .rsmsVersion("7.5.0")
            .osPatchLevel(0)
            .build();

    private Builder() {}

    /**
     * Sets the clock tokens expire on. Default: the system UTC clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the user token lifetime. Default: one day, as documented.
     *
     * @param lifetime positive
     * @return this builder
     */
    public Builder tokenLifetime(Duration lifetime) {
      if (lifetime.isZero() || lifetime.isNegative()) {
        throw new IllegalArgumentException("tokenLifetime " + lifetime + " must be positive");
      }
      this.tokenLifetime = lifetime;
      return this;
    }

    /**
     * Sets the newest API version served; 3 simulates an appliance without v4 (v4 answers 404).
     * Default: 4.
     *
     * @param version 3 or 4
     * @return this builder
     */
    public Builder maxApiVersion(int version) {
      if (version != 3 && version != 4) {
        throw new IllegalArgumentException("maxApiVersion " + version + " must be 3 or 4");
      }
      this.maxApiVersion = version;
      return this;
    }

    /**
     * Sets whether the OAuth2 resource owner password grant is allowed ({@code ResourceOwner} in
     * {@code Allowed OAuth2 Grant Types}). Default: false, as on current appliances; refused with
     * HTTP 400 and the appliance's text "OAuth2 resource owner password credentials grant type is
     * not allowed".
     *
     * @param enabled whether allowed
     * @return this builder
     */
    public Builder resourceOwnerGrantEnabled(boolean enabled) {
      this.resourceOwnerGrantEnabled = enabled;
      return this;
    }

    /**
     * Sets whether the device code grant is allowed ({@code DeviceCode}). Default: false [I: the
     * vendor's SDK documents it as something an administrator must enable].
     *
     * @param enabled whether allowed
     * @return this builder
     */
    public Builder deviceCodeGrantEnabled(boolean enabled) {
      this.deviceCodeGrantEnabled = enabled;
      return this;
    }

    /**
     * Sets the device login's {@code interval} in seconds. Default: 5; tests use 0.
     *
     * @param seconds 0..60
     * @return this builder
     */
    public Builder deviceCodeInterval(int seconds) {
      if (seconds < 0 || seconds > 60) {
        throw new IllegalArgumentException("deviceCodeInterval " + seconds + " is outside 0..60");
      }
      this.deviceCodeInterval = seconds;
      return this;
    }

    /**
     * Sets how long a device code lives ({@code expires_in}), on the simulator's clock. Default: 5
     * minutes.
     *
     * @param lifetime positive, whole seconds
     * @return this builder
     */
    public Builder deviceCodeLifetime(Duration lifetime) {
      if (lifetime.isZero() || lifetime.isNegative()) {
        throw new IllegalArgumentException("deviceCodeLifetime " + lifetime + " must be positive");
      }
      this.deviceCodeLifetime = lifetime;
      return this;
    }

    /**
     * Makes the first poll of every device code answer {@code slow_down}. Default: false.
     *
     * @param slowDown whether to
     * @return this builder
     */
    public Builder deviceCodeSlowDown(boolean slowDown) {
      this.deviceCodeSlowDown = slowDown;
      return this;
    }

    /**
     * Starts as a replica (writes fail with 60418). Default: false, the primary.
     *
     * @param replica whether a replica
     * @return this builder
     */
    public Builder replica(boolean replica) {
      this.replica = replica;
      return this;
    }

    /**
     * Sets the DNS names and IP addresses of the server certificate; the first is {@link #host()}.
     * Default: {@code localhost}, {@code 127.0.0.1}.
     *
     * @param names at least one name
     * @return this builder
     */
    public Builder certificateNames(List<String> names) {
      if (names.isEmpty()) {
        throw new IllegalArgumentException("certificateNames is empty");
      }
      this.certificateNames = List.copyOf(names);
      return this;
    }

    /**
     * Sets the version {@code Version} and {@code Status} report. Default: 7.5.0.21662.
     *
     * @param version the version
     * @return this builder
     */
    public Builder version(ProductVersion version) {
      this.version = requireNonNull(version, "version");
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
    public SppSimulator build() {
      return new SppSimulator(this);
    }
  }
}
