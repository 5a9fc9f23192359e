// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.cert.HostnameMatch;
import io.pamkit.core.cert.TlsContexts;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceState;
import io.pamkit.core.secret.Secret;
import io.pamkit.sessionlink.internal.ApplianceHttp;
import io.pamkit.sessionlink.internal.ErrorMapper;
import io.pamkit.sessionlink.internal.Json;
import io.pamkit.sessionlink.internal.LimitedBody;
import io.pamkit.sessionlink.internal.Rsts;
import io.pamkit.sessionlink.internal.Sanitize;
import io.pamkit.sessionlink.internal.SchemaValidator;
import io.pamkit.sessionlink.internal.ServicesConfigJson;
import io.pamkit.sessionlink.internal.TlsProbe;
import io.pamkit.sessionlink.model.ApplianceStatus;
import io.pamkit.sessionlink.model.LoginResponse;
import io.pamkit.sessionlink.model.LoginResponseStatus;
import io.pamkit.sessionlink.model.ManagedNetwork;
import io.pamkit.sessionlink.model.NetworkMember;
import io.pamkit.sessionlink.model.ProductVersion;
import io.pamkit.sessionlink.model.SessionModuleConnection;
import io.pamkit.sessionlink.model.SessionModuleConnectionPolicy;
import io.pamkit.sessionlink.model.SessionModuleConnectionProtocol;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client of the password appliance's (SPP) REST API for everything the session link needs: login
 * and token renewal, session connections (list, get, link, edit, soft and hard delete, split-state
 * detection), their connection policies, members and managed networks, the link's switches ({@code
 * AccessRequestBroker}, {@code AuditLog/StreamService}, {@code ServicesConfig}), the appliance
 * version and status.
 *
 * <p>URLs are {@code https://{host}/service/{core|appliance|notification}/v4/...}; when the
 * appliance answers the login or an anonymous probe on v4 with 404, the client falls back to v3 for
 * every later call. TLS certificate and host-name verification are always on. The user token is
 * renewed before it expires: every authenticated request asks for {@code X-TokenLifetimeRemaining},
 * and when less than {@link Builder#renewBefore(Duration)} is left the client logs in again (one
 * thread renews, the others wait for it) and logs the old token out once no call in flight uses it.
 * A call rejected with 401 is sent again with a new token only when it is idempotent (GET, PUT).
 * Only idempotent calls are retried, at most {@link Builder#maxRetries(int)} times, on transport
 * failures and HTTP 502/503/504. Answers are read up to 8 MiB. {@link #close()} logs out.
 *
 * <p>How it logs in is a {@link SppAuthentication}: PKCE with a user name and password by default
 * (it works with the appliance's default settings, where the resource owner grant is off), a second
 * factor through a {@link SecondFactorPrompt}, the resource owner grant when asked for, a client
 * certificate, an issued token, or a device code.
 *
 * <p>Thread-safe. Errors are {@link SessionLinkException}s; invalid arguments are {@link
 * ValidationException}s naming the field, checked against the appliance's OpenAPI schemas before
 * anything is sent.
 *
 * <pre>{@code
 * try (SppClient spp = SppClient.builder()
 *     .host("spp.example.com")
 *     .authentication(SppAuthentication.password("admin", Secret.of(password))) // PKCE
 *     .build()) {
 *   List<SessionModuleConnection> links = spp.sessionConnections(SessionConnectionQuery.defaults());
 * }
 * }</pre>
 *
 * <p>This example is compiled and run by the simulator module's {@code JavadocExamplesTest}.
 */
public final class SppClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SppClient.class);
  private static final String LIFETIME_HEADER = "X-TokenLifetimeRemaining";
  private static final Set<Integer> RETRYABLE_STATUS = Set.of(502, 503, 504);

  /** Ten days: a larger lifetime header is not believed. */
  private static final long MAX_LIFETIME_MINUTES = 14_400;

  private final ApplianceHttp appliance;
  private final SppAuthentication authentication;
  private final Clock clock;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final int maxRetries;
  private final Duration retryBackoff;
  private final Duration renewBefore;
  private final String userAgent;
  private final boolean logoutOnClose;
  private final HttpClient http;

  private final Rsts rsts;
  private final Object tokenLock = new Object();

  /** The token in use; null before the first login and after a rejected one. */
  private @Nullable HeldToken current;

  private volatile int apiVersion = 4;
  private volatile boolean apiVersionKnown;
  private volatile boolean closed;

  /**
   * A user token with the calls that use it: a renewal retires it, and it is logged out only when
   * its last call has ended, so a renewal never logs out a token another thread is using.
   */
  private static final class HeldToken {
    final Secret token;
    @Nullable Instant expiry;
    int inFlight;
    boolean retired;
    boolean done;

    HeldToken(Secret token, @Nullable Instant expiry) {
      this.token = token;
      this.expiry = expiry;
    }
  }

  private SppClient(Builder b) {
    this.authentication = requireNonNull(b.authentication, "authentication");
    SSLContext context = b.sslContext;
    if (authentication instanceof SppAuthentication.Certificate c && c.clientKey() != null) {
      if (b.customContext) {
        throw new IllegalStateException(
            "a certificate login with a KeyMaterial builds its own SSL context: "
                + "use trustedCertificates(...) instead of sslContext(...), or put the key in your context and use "
                + "SppAuthentication.certificate()");
      }
      TlsContexts.Builder tb = TlsContexts.builder().clientKey(c.clientKey());
      if (b.anchors != null) {
        tb.trustAnchors(b.anchors);
      }
      context = tb.build();
    }
    this.appliance =
        new ApplianceHttp(requireNonNull(b.host, "host"), b.port, context, b.connectTimeout, null);
    this.clock = b.clock;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.maxRetries = b.maxRetries;
    this.retryBackoff = b.retryBackoff;
    this.renewBefore = b.renewBefore;
    this.userAgent = b.userAgent;
    this.logoutOnClose = b.logoutOnClose == null ? authentication.renewable() : b.logoutOnClose;
    if (authentication instanceof SppAuthentication.AccessToken a) {
      this.current = new HeldToken(a.userToken(), null);
    }
    this.http = appliance.http();
    this.rsts = new Rsts(appliance, requestTimeout, userAgent, clock);
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- authentication

  /**
   * Logs in now (otherwise the first call that needs a token does): an rSTS access token by the
   * authentication's grant, then {@code Token/LoginResponse}. A no-op for an issued token.
   *
   * @return the login response (for an issued token, a synthetic {@code Success} without token);
   *     its {@code toString} hides the token
   * @throws LoginFailedException if the appliance refuses the login; {@link
   *     LoginFailedException#reason()} says why (e.g. {@code GRANT_DISABLED})
   */
  public LoginResponse login() {
    synchronized (tokenLock) {
      if (authentication instanceof SppAuthentication.AccessToken) {
        return LoginResponse.builder().status(LoginResponseStatus.SUCCESS).build();
      }
      return doLogin();
    }
  }

  /**
   * Returns the current user token, logging in first if needed; the session appliance's join needs
   * it ({@code spp_api_token}).
   *
   * @return the token
   */
  public Secret userToken() {
    synchronized (tokenLock) {
      return ensureToken().token;
    }
  }

  /**
   * Returns when the token expires, as last reported by the appliance.
   *
   * @return the expiry, or empty before the appliance reported a lifetime
   */
  public Optional<Instant> tokenExpiry() {
    synchronized (tokenLock) {
      return Optional.ofNullable(current == null ? null : current.expiry);
    }
  }

  /**
   * Returns the API version in use, 4 unless the appliance answered v4 with 404.
   *
   * @return 4 or 3
   */
  public int apiVersion() {
    return apiVersion;
  }

  /**
   * Returns the address this client talks to, {@code host} or {@code host:port}.
   *
   * @return the authority
   */
  public String address() {
    return authority();
  }

  /**
   * Returns the appliance's TLS certificate chain, as verified by this client's SSL context (leaf
   * first) and checked against the host name the client uses; the session appliance's join needs it
   * ({@code spp_cert_chain}) and pins it.
   *
   * @return the chain
   * @throws TlsHostnameMismatchException if the certificate does not name the host
   * @throws TlsException if the chain cannot be obtained or is not trusted
   */
  public List<X509Certificate> serverCertificateChain() {
    // Chain and host name are verified on this handshake as on the client's own connections:
    // the chain is pinned on the session appliance (security review M8).
    List<X509Certificate> chain =
        TlsProbe.verifiedChain(
            appliance.sslContext(),
            appliance.host(),
            appliance.port(),
            (int) connectTimeout.toMillis());
    if (chain == null) {
      HostnameMatch mismatch = appliance.hostnameMismatch(null);
      if (mismatch != null) {
        throw new TlsHostnameMismatchException(mismatch, appliance.uri("/"), null);
      }
      throw new TlsException(
          "could not read a trusted certificate chain from " + authority(),
          0,
          null,
          null,
          "trust the appliance's certificate authority",
          null);
    }
    // Belt and braces: core's RFC 6125 check too.
    HostnameMatch match = HostnameMatch.check(chain.get(0), appliance.host());
    if (!match.matches()) {
      throw new TlsHostnameMismatchException(match, appliance.uri("/"), null);
    }
    return chain;
  }

  // ---------------------------------------------------------------- session connections

  /**
   * Lists session connections ({@code GET Cluster/SessionModules}).
   *
   * @param query the options; {@link SessionConnectionQuery#defaults()} for the linked ones
   * @return the connections
   */
  public List<SessionModuleConnection> sessionConnections(SessionConnectionQuery query) {
    requireNonNull(query, "query");
    return read(
        get("core", "Cluster/SessionModules", query.parameters()),
        new TypeReference<List<SessionModuleConnection>>() {});
  }

  /**
   * Counts the session connections a query matches ({@code count=true}); paging and {@code fields}
   * are ignored.
   *
   * @param query the options
   * @return the number of matching connections
   */
  public int countSessionConnections(SessionConnectionQuery query) {
    requireNonNull(query, "query");
    Map<String, String> params = new java.util.LinkedHashMap<>(query.parameters());
    params.keySet().removeAll(Set.of("page", "limit", "fields", "orderby"));
    params.put("count", "true");
    return read(get("core", "Cluster/SessionModules", params), Integer.class);
  }

  /**
   * Returns one session connection, soft-deleted ones included.
   *
   * @param id the connection's {@code Id}
   * @return the connection
   * @throws NotFoundException if there is none
   */
  public SessionModuleConnection sessionConnection(int id) {
    return read(
        get("core", "Cluster/SessionModules/" + id, Map.of()), SessionModuleConnection.class);
  }

  /**
   * Links a session appliance: {@code POST Cluster/SessionModules}, as the session appliance does
   * when it joins. On the primary only (else {@link NotPrimaryException}); a {@code NodeId} that is
   * already linked fails with {@link SessionConnectionValueException}; one that was soft deleted is
   * linked again on its old row.
   *
   * @param connection the connection; {@code NodeId} is required (1..255 characters)
   * @return the connection as stored, with its {@code Id}
   * @throws ValidationException if the connection breaks the schema
   */
  public SessionModuleConnection link(SessionModuleConnection connection) {
    requireNonNull(connection, "connection");
    JsonNode body = body("SessionModuleConnection", connection);
    return read(
        send("POST", "core", "Cluster/SessionModules", Map.of(), body, false),
        SessionModuleConnection.class);
  }

  /**
   * Edits a session connection's description, network address and {@code UseHostNameForLaunch} (the
   * fields the appliance lets change): reads it, applies the edit, writes it back with PUT.
   *
   * @param id the connection's {@code Id}
   * @param description the new description, or null to keep it
   * @param spsNetworkAddress the new {@code SpsNetworkAddress}, or null to keep it
   * @param useHostNameForLaunch the new {@code UseHostNameForLaunch}, or null to keep it
   * @return the connection as stored
   * @throws ValidationException if a value breaks the schema (e.g. a description over 255
   *     characters)
   */
  public SessionModuleConnection editSessionConnection(
      int id,
      @Nullable String description,
      @Nullable String spsNetworkAddress,
      @Nullable Boolean useHostNameForLaunch) {
    SessionModuleConnection current = sessionConnection(id);
    SessionModuleConnection.Builder b = current.toBuilder();
    if (description != null) {
      b.description(description);
    }
    if (spsNetworkAddress != null) {
      b.spsNetworkAddress(spsNetworkAddress);
    }
    if (useHostNameForLaunch != null) {
      b.useHostNameForLaunch(useHostNameForLaunch);
    }
    return updateSessionConnection(b.build());
  }

  /**
   * Writes a whole session connection back ({@code PUT Cluster/SessionModules/{id}}).
   *
   * @param connection the connection, with its {@code Id}
   * @return the connection as stored
   * @throws ValidationException if {@code Id} is missing or a value breaks the schema
   */
  public SessionModuleConnection updateSessionConnection(SessionModuleConnection connection) {
    requireNonNull(connection, "connection");
    if (connection.id() == null) {
      throw new ValidationException("$.Id", "is missing; PUT needs the connection's Id");
    }
    JsonNode body = body("SessionModuleConnection", connection);
    return read(
        send("PUT", "core", "Cluster/SessionModules/" + connection.id(), Map.of(), body, false),
        SessionModuleConnection.class);
  }

  /**
   * Soft deletes a linked connection (the first DELETE): it disappears from the default list but
   * keeps its values, so a relink of the same session appliance reuses them and access request
   * policies that refer to it keep working.
   *
   * <p>The appliance hard deletes a connection that is DELETEd while already soft deleted, so this
   * method first checks that the connection is live (listed without {@code includeDisconnected})
   * and refuses a soft-deleted one. Running it again after a time-out therefore never destroys the
   * row.
   *
   * @param id the connection's {@code Id}
   * @throws AlreadySoftDeletedException if the connection is already soft deleted; use {@link
   *     #hardDelete(int)} to remove it
   * @throws NotFoundException if no connection, linked or soft deleted, has this id
   */
  public void softDelete(int id) {
    if (findById(id, false) == null) {
      if (findById(id, true) != null) {
        throw new AlreadySoftDeletedException(id);
      }
      throw noSuchConnection(id);
    }
    delete(id);
  }

  /**
   * Hard deletes a connection, the documented two-step in one explicit call: soft delete it if it
   * is linked, then find it with {@code includeDisconnected=true} and DELETE it again. Use it when
   * a relink is not wanted or the retained values prevent a session appliance from (re)linking.
   *
   * @param id the connection's {@code Id}
   * @return the number of DELETE requests sent (1 when it was already soft deleted, else 2)
   * @throws NotFoundException if no connection, linked or soft deleted, has this id
   */
  public int hardDelete(int id) {
    int deletes = 0;
    if (findById(id, false) != null) {
      delete(id);
      deletes++;
    }
    if (findById(id, true) != null) {
      delete(id);
      deletes++;
    } else if (deletes == 0) {
      throw noSuchConnection(id);
    }
    return deletes;
  }

  private static NotFoundException noSuchConnection(int id) {
    return new NotFoundException(
        "no session connection with Id " + id + ", linked or disconnected",
        404,
        null,
        null,
        null,
        null);
  }

  private void delete(int id) {
    send("DELETE", "core", "Cluster/SessionModules/" + id, Map.of(), null, false);
  }

  private @Nullable SessionModuleConnection findById(int id, boolean includeDisconnected) {
    List<SessionModuleConnection> found =
        sessionConnections(
            SessionConnectionQuery.builder()
                .includeDisconnected(includeDisconnected)
                .filter("Id eq " + id)
                .build());
    return found.stream().filter(c -> c.id() != null && c.id() == id).findFirst().orElse(null);
  }

  /**
   * Returns the connections in split state: soft deleted (listed only with {@code
   * includeDisconnected=true}) or without a certificate user thumbprint, which is how the appliance
   * tools recognise a connection whose session appliance went away.
   *
   * @return the split connections
   */
  public List<SessionModuleConnection> splitSessionConnections() {
    Set<Integer> live =
        sessionConnections(SessionConnectionQuery.defaults()).stream()
            .map(SessionModuleConnection::id)
            .collect(Collectors.toSet());
    List<SessionModuleConnection> out = new ArrayList<>();
    for (SessionModuleConnection c :
        sessionConnections(SessionConnectionQuery.builder().includeDisconnected(true).build())) {
      if (!live.contains(c.id()) || c.certificateUserThumbprint() == null) {
        out.add(c);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- policies, members, networks

  /**
   * Lists the connection policies of every linked session appliance.
   *
   * @param protocol the protocol to list; null for the appliance's default (SSH)
   * @param refresh whether the appliance should fetch them from the session appliances again
   * @return the policies
   */
  public List<SessionModuleConnectionPolicy> connectionPolicies(
      @Nullable SessionModuleConnectionProtocol protocol, boolean refresh) {
    return read(
        get("core", "Cluster/SessionModules/ConnectionPolicies", policyQuery(protocol, refresh)),
        new TypeReference<List<SessionModuleConnectionPolicy>>() {});
  }

  /**
   * Lists the connection policies of one session connection.
   *
   * @param id the connection's {@code Id}
   * @param protocol the protocol; null for the default (SSH)
   * @param refresh whether to refresh them from the session appliance
   * @return the policies
   */
  public List<SessionModuleConnectionPolicy> connectionPolicies(
      int id, @Nullable SessionModuleConnectionProtocol protocol, boolean refresh) {
    return read(
        get(
            "core",
            "Cluster/SessionModules/" + id + "/ConnectionPolicies",
            policyQuery(protocol, refresh)),
        new TypeReference<List<SessionModuleConnectionPolicy>>() {});
  }

  /**
   * Returns one connection policy of a session connection.
   *
   * @param id the connection's {@code Id}
   * @param policyId the policy's {@code Id}
   * @param protocol the protocol; null for the default (SSH)
   * @return the policy
   */
  public SessionModuleConnectionPolicy connectionPolicy(
      int id, String policyId, @Nullable SessionModuleConnectionProtocol protocol) {
    return read(
        get(
            "core",
            "Cluster/SessionModules/" + id + "/ConnectionPolicies/" + segment("policyId", policyId),
            policyQuery(protocol, false)),
        SessionModuleConnectionPolicy.class);
  }

  private static Map<String, String> policyQuery(
      @Nullable SessionModuleConnectionProtocol protocol, boolean refresh) {
    Map<String, String> q = new java.util.LinkedHashMap<>();
    if (protocol != null) {
      q.put("protocol", protocol.wireName());
    }
    if (refresh) {
      q.put("refresh", "true");
    }
    return q;
  }

  /**
   * Lists every session appliance node of every link ({@code Cluster/SessionModules/Members}).
   *
   * @return the members
   */
  public List<NetworkMember> members() {
    return read(
        get("core", "Cluster/SessionModules/Members", Map.of()),
        new TypeReference<List<NetworkMember>>() {});
  }

  /**
   * Lists the session appliance nodes of one connection.
   *
   * @param id the connection's {@code Id}
   * @return the members
   */
  public List<NetworkMember> members(int id) {
    return read(
        get("core", "Cluster/SessionModules/" + id + "/Members", Map.of()),
        new TypeReference<List<NetworkMember>>() {});
  }

  /**
   * Returns one session appliance node of a connection.
   *
   * @param id the connection's {@code Id}
   * @param memberId the member's {@code Id}
   * @return the member
   */
  public NetworkMember member(int id, String memberId) {
    return read(
        get(
            "core",
            "Cluster/SessionModules/" + id + "/Members/" + segment("memberId", memberId),
            Map.of()),
        NetworkMember.class);
  }

  /**
   * Returns the managed-network view of a member. The OpenAPI description declares the response as
   * an array of {@code NetworkMember} (the members sharing the member's managed networks), not of
   * {@code ManagedNetwork}; the OpenAPI file wins over intuition here.
   *
   * @param id the connection's {@code Id}
   * @param memberId the member's {@code Id}
   * @return the members, as the appliance returns them
   */
  public List<NetworkMember> managedNetworks(int id, String memberId) {
    return read(
        get("core", managedNetworksPath(id, memberId), Map.of()),
        new TypeReference<List<NetworkMember>>() {});
  }

  /**
   * Assigns a member to exactly these managed networks (PUT).
   *
   * @param id the connection's {@code Id}
   * @param memberId the member's {@code Id}
   * @param networks the networks; each needs its {@code Name}
   * @return the members, as the appliance returns them
   */
  public List<NetworkMember> setManagedNetworks(
      int id, String memberId, List<ManagedNetwork> networks) {
    JsonNode body = arrayBody("ManagedNetwork", networks);
    return read(
        send("PUT", "core", managedNetworksPath(id, memberId), Map.of(), body, true),
        new TypeReference<List<NetworkMember>>() {});
  }

  /**
   * Adds managed networks to, or removes them from, a member ({@code .../ManagedNetworks/Add} or
   * {@code Remove}).
   *
   * @param id the connection's {@code Id}
   * @param memberId the member's {@code Id}
   * @param add true to add, false to remove
   * @param networks the networks
   * @return the members, as the appliance returns them
   */
  public List<NetworkMember> changeManagedNetworks(
      int id, String memberId, boolean add, List<ManagedNetwork> networks) {
    JsonNode body = arrayBody("ManagedNetwork", networks);
    return read(
        send(
            "PUT",
            "core",
            managedNetworksPath(id, memberId) + (add ? "/Add" : "/Remove"),
            Map.of(),
            body,
            true),
        new TypeReference<List<NetworkMember>>() {});
  }

  private static String managedNetworksPath(int id, String memberId) {
    return "Cluster/SessionModules/"
        + id
        + "/Members/"
        + segment("memberId", memberId)
        + "/ManagedNetworks";
  }

  // ---------------------------------------------------------------- switches

  /**
   * Reads the sessions-initiated password access switch ({@code AccessRequestBroker}, the UI's
   * Session Module Password Access Enabled).
   *
   * @return whether it is on; an absent {@code Enabled} reads as off
   */
  public boolean accessRequestBroker() {
    return enabled(get("core", "Cluster/SessionModules/AccessRequestBroker", Map.of()));
  }

  /**
   * Sets the sessions-initiated password access switch; needs PolicyAdmin.
   *
   * @param enabled the new state
   * @return the state as stored
   */
  public boolean setAccessRequestBroker(boolean enabled) {
    JsonNode body = body("AccessRequestBroker", enabledBody(enabled));
    return enabled(
        send("PUT", "core", "Cluster/SessionModules/AccessRequestBroker", Map.of(), body, true));
  }

  /**
   * Reads the Audit Log Stream Service switch ({@code AuditLog/StreamService}).
   *
   * @return whether it is on; an absent {@code Enabled} reads as off
   */
  public boolean auditLogStreamService() {
    return enabled(get("core", "AuditLog/StreamService", Map.of()));
  }

  /**
   * Sets the Audit Log Stream Service switch; needs ApplianceAdmin or PolicyAdmin.
   *
   * @param enabled the new state
   * @return the state as stored
   */
  public boolean setAuditLogStreamService(boolean enabled) {
    JsonNode body = body("AuditLogStreamService", enabledBody(enabled));
    return enabled(send("PUT", "core", "AuditLog/StreamService", Map.of(), body, true));
  }

  /** The {@code {"Enabled": b}} body of the two single-switch schemas. */
  private static Map<String, Boolean> enabledBody(boolean enabled) {
    return Map.of("Enabled", enabled);
  }

  /** Reads {@code Enabled} of a single-switch answer; absent or null is off. */
  private static boolean enabled(byte[] body) {
    return read(body, JsonNode.class).path("Enabled").asBoolean(false);
  }

  /**
   * Reads the Enable or Disable Services configuration ({@code GET ServicesConfig}) onto core's
   * service model: the switches the appliance sent, every other service at its default. Feed it to
   * {@link io.pamkit.core.policy.ServiceToggles} with {@code setEnabled} per service so each change
   * is enforced and emits its event as a local change would.
   *
   * @return the state; only its {@link Service#inServicesConfig()} switches come from the appliance
   */
  public ServiceState servicesConfig() {
    return ServicesConfigJson.read(
        read(get("core", "ServicesConfig", Map.of()), JsonNode.class), ServiceState.defaults());
  }

  /**
   * Writes the whole services configuration ({@code PUT ServicesConfig}, every switch of the page);
   * needs ApplianceAdmin. Only the {@link Service#inServicesConfig()} switches of the state are
   * sent: the Audit Log Stream and Application to Application services have endpoints of their own.
   *
   * @param state the switches to write, e.g. {@code toggles.snapshot()}
   * @return the configuration as stored (other services at their defaults)
   */
  public ServiceState updateServicesConfig(ServiceState state) {
    requireNonNull(state, "state");
    JsonNode body = body("ServicesConfig", ServicesConfigJson.write(state));
    return ServicesConfigJson.read(
        read(send("PUT", "core", "ServicesConfig", Map.of(), body, true), JsonNode.class),
        ServiceState.defaults());
  }

  /**
   * Reads one service's switch ({@code ServicesConfig/{serviceName}}).
   *
   * @param service the switch; must be settable one by one
   * @return whether it is on
   * @throws IllegalArgumentException for a service that is not on the {@code ServicesConfig} page,
   *     and for {@code FileCheckEnabled} and {@code FileChangeEnabled}, which the endpoint does not
   *     accept
   */
  public boolean serviceEnabled(Service service) {
    return read(get("core", servicePath(service), Map.of()), Boolean.class);
  }

  /**
   * Sets one service's switch; needs ApplianceAdmin.
   *
   * @param service the switch; must be settable one by one
   * @param enabled the new state
   * @return the state as stored
   * @throws IllegalArgumentException as {@link #serviceEnabled(Service)}
   */
  public boolean setServiceEnabled(Service service, boolean enabled) {
    return read(
        send(
            "PUT",
            "core",
            servicePath(service),
            Map.of(),
            Json.mapper().getNodeFactory().booleanNode(enabled),
            true),
        Boolean.class);
  }

  private static String servicePath(Service service) {
    return "ServicesConfig/" + ServicesConfigJson.endpointName(service);
  }

  /**
   * The authenticated request of {@link ApplianceSettings}: one call to {@code
   * /service/core/v{N}/path} with this client's token, renewal, retries and error mapping.
   */
  byte[] coreRequest(
      String method,
      String path,
      Map<String, String> query,
      @Nullable JsonNode body,
      boolean idempotent) {
    return send(method, "core", path, query, body, idempotent);
  }

  // ---------------------------------------------------------------- anonymous

  /**
   * Tells whether a session appliance is linked to this password appliance: at least one session
   * connection that is not disconnected. {@code SppClient::linkStatus} is the {@link
   * io.pamkit.core.policy.LinkStatusSource} the core service-toggle engine asks before it lets the
   * Audit Log Stream Service be switched on.
   *
   * @return linked, naming the session appliance, or not linked with the reason (including an
   *     appliance that cannot be asked)
   */
  public io.pamkit.core.policy.LinkStatus linkStatus() {
    List<SessionModuleConnection> live;
    try {
      live = sessionConnections(SessionConnectionQuery.defaults());
    } catch (SessionLinkException e) {
      return io.pamkit.core.policy.LinkStatus.notLinked(
          "cannot ask " + address() + " for its session connections: " + e.getMessage());
    }
    if (live.isEmpty()) {
      return io.pamkit.core.policy.LinkStatus.notLinked(
          "no session appliance is linked to " + address());
    }
    SessionModuleConnection c = live.get(0);
    String name = c.spsHostName() != null ? c.spsHostName() : c.spsNetworkAddress();
    return io.pamkit.core.policy.LinkStatus.linked(
        "session appliance "
            + name
            + " ("
            + live.size()
            + " connection"
            + (live.size() == 1 ? "" : "s")
            + ")");
  }

  /**
   * Returns the appliance's software version ({@code GET /service/appliance/v4/Version},
   * anonymous).
   *
   * @return the version
   */
  public ProductVersion version() {
    return read(anonymousProbe("appliance", "Version"), ProductVersion.class);
  }

  /**
   * Returns the appliance's status ({@code GET /service/notification/v4/Status}, anonymous),
   * including {@code IsPrimary} and {@code IsSessionModuleJoined}.
   *
   * @return the status
   */
  public ApplianceStatus status() {
    return read(anonymousProbe("notification", "Status"), ApplianceStatus.class);
  }

  private byte[] anonymousProbe(String service, String path) {
    if (!apiVersionKnown && apiVersion == 4) {
      try {
        byte[] b = sendOnce("GET", url(service, path, Map.of(), 4), null, false, true);
        apiVersionKnown = true;
        return b;
      } catch (NotFoundException e) {
        fallBackToV3();
      }
    }
    return send("GET", service, path, Map.of(), null, true, true);
  }

  /**
   * Logs out ({@code Token/Logout}) when the client logged in itself (or when {@link
   * Builder#logoutOnClose(boolean)} says so). Idempotent; failures are logged, not thrown.
   */
  @Override
  public void close() {
    synchronized (tokenLock) {
      if (closed) {
        return;
      }
      closed = true;
      if (logoutOnClose && current != null && !current.done) {
        current.done = true;
        logout(current.token);
      }
      current = null;
    }
  }

  // ---------------------------------------------------------------- plumbing

  private void fallBackToV3() {
    LOG.info("SPP at {} answered v4 with 404; using API v3", authority());
    apiVersion = 3;
    apiVersionKnown = true;
  }

  /** Logs in; the caller holds {@link #tokenLock}. */
  private LoginResponse doLogin() {
    String stsToken = rsts.accessToken(authentication);
    ObjectNode req = Json.mapper().createObjectNode().put("StsAccessToken", stsToken);
    byte[] body;
    while (true) {
      try {
        body =
            sendOnce(
                "POST", url("core", "Token/LoginResponse", Map.of(), apiVersion), req, false, true);
        apiVersionKnown = true;
        break;
      } catch (NotFoundException e) {
        if (apiVersion == 3) {
          throw e;
        }
        fallBackToV3();
      } catch (SessionLinkException e) {
        if (e instanceof LinkTransportException) {
          throw e;
        }
        throw new LoginFailedException(
            "Token/LoginResponse refused the rSTS token: " + e.getMessage(),
            e.httpStatus(),
            e.apiError().orElse(null),
            e.uri().orElse(null),
            "check that the account may log in to the API",
            e);
      }
    }
    LoginResponse response = read(body, LoginResponse.class);
    if (response.status() != LoginResponseStatus.SUCCESS || response.userToken() == null) {
      throw new LoginFailedException(
          LoginFailedException.Reason.SECOND_FACTOR_REQUIRED,
          "Token/LoginResponse answered Status "
              + response.status()
              + " (a second factor through provider "
              + response.secondaryProviderId()
              + ")",
          200,
          null,
          null,
          "log in with SppAuthentication.pkce(...) and a SecondFactorPrompt, which answers the second factor at the rSTS",
          null);
    }
    HeldToken old = current;
    // Until the appliance reports the lifetime, assume the documented one day.
    current =
        new HeldToken(Secret.of(response.userToken()), clock.instant().plus(Duration.ofDays(1)));
    LOG.debug("logged in to SPP at {} ({})", authority(), authentication);
    if (old != null) {
      retire(old);
    }
    return response;
  }

  /** Retires a replaced token; logs it out now if no call uses it. Caller holds the lock. */
  private void retire(HeldToken old) {
    old.retired = true;
    if (old.inFlight == 0 && !old.done) {
      old.done = true;
      logout(old.token);
    }
  }

  /** Takes the current token for one call, logging in or renewing first when needed. */
  private HeldToken acquire() {
    synchronized (tokenLock) {
      HeldToken h = ensureToken();
      h.inFlight++;
      return h;
    }
  }

  /** Ends one call's use of a token; the last call of a retired token logs it out. */
  private void release(HeldToken h) {
    synchronized (tokenLock) {
      h.inFlight--;
      if (h.retired && h.inFlight == 0 && !h.done) {
        h.done = true;
        logout(h.token);
      }
    }
  }

  /** The appliance rejected this token (401): forget it unless another thread already renewed. */
  private void rejected(HeldToken used) {
    synchronized (tokenLock) {
      used.done = true;
      used.retired = true;
      if (current == used) {
        current = null;
      }
    }
  }

  private void logout(Secret token) {
    try {
      URI uri = url("core", "Token/Logout", Map.of(), apiVersion);
      HttpRequest req =
          baseRequest(uri)
              .header("Authorization", "Bearer " + token.reveal())
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      HttpResponse<byte[]> r = http.send(req, LimitedBody.upTo(64 * 1024));
      LOG.debug("logout at {}: HTTP {}", authority(), r.statusCode());
    } catch (IOException e) {
      LOG.warn("logout at {} failed: {}", authority(), e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Returns a usable token, logging in or renewing first; the caller holds the lock. */
  private HeldToken ensureToken() {
    if (closed) {
      throw new IllegalStateException("the SppClient is closed");
    }
    HeldToken h = current;
    if (h == null) {
      if (!authentication.renewable()) {
        throw new AuthorizationException(
            "the issued user token was rejected and cannot be renewed",
            401,
            null,
            null,
            ErrorMapper.TOKEN_RESOLUTION,
            null);
      }
      doLogin();
      return requireNonNull(current);
    }
    if (authentication.renewable()
        && h.expiry != null
        && !clock.instant().isBefore(h.expiry.minus(renewBefore))) {
      LOG.debug("renewing the SPP user token before it expires at {}", h.expiry);
      doLogin();
      return requireNonNull(current);
    }
    return h;
  }

  /**
   * Returns the client of access-request actions ({@code AccessRequests}) on this connection: read
   * a request, approve or deny it as the authenticated user.
   *
   * @return the access request client, sharing this client's token and TLS settings
   */
  public AccessRequestClient accessRequests() {
    return new AccessRequestClient(this);
  }

  /** A core-service call for {@link AccessRequestClient}; the answer's body on 2xx. */
  byte[] core(String method, String path, @Nullable JsonNode body, boolean idempotent) {
    return send(method, "core", path, Map.of(), body, idempotent);
  }

  private byte[] get(String service, String path, Map<String, String> query) {
    return send("GET", service, path, query, null, true);
  }

  private byte[] send(
      String method,
      String service,
      String path,
      Map<String, String> query,
      @Nullable JsonNode body,
      boolean idempotent) {
    return send(method, service, path, query, body, idempotent, false);
  }

  private byte[] send(
      String method,
      String service,
      String path,
      Map<String, String> query,
      @Nullable JsonNode body,
      boolean idempotent,
      boolean anonymous) {
    if (!anonymous && !apiVersionKnown) {
      synchronized (tokenLock) {
        ensureToken();
      }
    }
    boolean renewedAfter401 = false;
    while (true) {
      URI uri = url(service, path, query, apiVersion);
      Exchanged ex = exchange(method, uri, body, idempotent, !anonymous);
      int status = ex.response().statusCode();
      if (status >= 200 && status < 300) {
        return ex.response().body();
      }
      SessionLinkException e =
          ErrorMapper.toException(
              status, ex.response().body(), uri, method + " " + uri.getPath() + ": ");
      HeldToken used = ex.token();
      if (used == null
          || !(e instanceof AuthorizationException a)
          || !a.tokenRejected()
          || !authentication.renewable()
          || renewedAfter401) {
        if (used != null && e instanceof AuthorizationException a && a.tokenRejected()) {
          rejected(used);
        }
        throw e;
      }
      rejected(used);
      if (!idempotent) {
        // A 401 should mean nothing was done, but a call that changes state is never sent twice.
        throw new AuthorizationException(
            String.valueOf(e.getMessage()),
            e.httpStatus(),
            e.apiError().orElse(null),
            uri,
            "the token was rejected and will be renewed by the next call; this call changes state and was not"
                + " repeated: check whether it took effect, then run it again",
            e);
      }
      renewedAfter401 = true;
    }
  }

  /** One answer and the token it was sent with. */
  private record Exchanged(HttpResponse<byte[]> response, @Nullable HeldToken token) {}

  private byte[] sendOnce(
      String method, URI uri, @Nullable JsonNode body, boolean idempotent, boolean anonymous) {
    HttpResponse<byte[]> resp = exchange(method, uri, body, idempotent, !anonymous).response();
    int status = resp.statusCode();
    if (status >= 200 && status < 300) {
      return resp.body();
    }
    throw ErrorMapper.toException(status, resp.body(), uri, method + " " + uri.getPath() + ": ");
  }

  private Exchanged exchange(
      String method, URI uri, @Nullable JsonNode body, boolean idempotent, boolean authenticated) {
    byte[] payload;
    try {
      payload = body == null ? null : Json.mapper().writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the request body", e);
    }
    int attempt = 0;
    while (true) {
      HttpRequest.Builder rb = baseRequest(uri);
      HeldToken held = null;
      if (authenticated) {
        held = acquire();
        rb.header("Authorization", "Bearer " + held.token.reveal()).header(LIFETIME_HEADER, "");
      }
      rb.method(
          method,
          payload == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(payload));
      try {
        HttpResponse<byte[]> resp = http.send(rb.build(), LimitedBody.standard());
        LOG.debug("{} {} -> HTTP {}", method, uri.getPath(), resp.statusCode());
        if (held != null) {
          noteLifetime(resp, held);
        }
        if (idempotent && RETRYABLE_STATUS.contains(resp.statusCode()) && attempt < maxRetries) {
          attempt++;
          backoff(attempt);
          continue;
        }
        return new Exchanged(resp, held);
      } catch (LimitedBody.TooLargeException e) {
        throw new ApplianceErrorException(
            method + " " + uri.getPath() + ": " + e.getMessage(),
            0,
            null,
            uri,
            "check that " + authority() + " is the appliance",
            e);
      } catch (SSLHandshakeException e) {
        throw tlsFailure(uri, e);
      } catch (IOException e) {
        SSLHandshakeException handshake = handshakeCause(e);
        if (handshake != null) {
          throw tlsFailure(uri, handshake);
        }
        if (idempotent && attempt < maxRetries) {
          attempt++;
          LOG.debug(
              "{} {} failed ({}), retry {}/{}",
              method,
              uri.getPath(),
              e.toString(),
              attempt,
              maxRetries);
          backoff(attempt);
          continue;
        }
        String what =
            e instanceof HttpTimeoutException
                ? "timed out"
                : e instanceof ConnectException ? "could not connect" : "failed";
        throw new LinkTransportException(
            method
                + " "
                + uri.getPath()
                + " "
                + what
                + ": "
                + Sanitize.oneLine(String.valueOf(e.getMessage())),
            0,
            null,
            uri,
            "check that " + authority() + " is reachable over HTTPS (TCP 443) from this host",
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LinkTransportException(
            method + " " + uri.getPath() + " interrupted", 0, null, uri, null, e);
      } finally {
        if (held != null) {
          release(held);
        }
      }
    }
  }

  private static @Nullable SSLHandshakeException handshakeCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLHandshakeException h) {
        return h;
      }
    }
    return null;
  }

  private void noteLifetime(HttpResponse<byte[]> resp, HeldToken used) {
    Optional<String> remaining = resp.headers().firstValue(LIFETIME_HEADER);
    if (remaining.isPresent()) {
      try {
        long minutes = Long.parseLong(remaining.get().trim());
        if (minutes < 0 || minutes > MAX_LIFETIME_MINUTES) {
          LOG.debug("ignoring an out-of-range {} header: {}", LIFETIME_HEADER, minutes);
          return;
        }
        synchronized (tokenLock) {
          used.expiry = clock.instant().plus(Duration.ofMinutes(minutes));
        }
      } catch (NumberFormatException e) {
        LOG.debug("ignoring a malformed {} header", LIFETIME_HEADER);
      }
    }
  }

  private void backoff(int attempt) {
    long millis = retryBackoff.toMillis() * attempt;
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LinkTransportException(
          "interrupted while waiting to retry", 0, null, null, null, e);
    }
  }

  private TlsException tlsFailure(URI uri, SSLHandshakeException e) {
    HostnameMatch mismatch = appliance.hostnameMismatch(null);
    if (mismatch != null) {
      return new TlsHostnameMismatchException(mismatch, uri, e);
    }
    return new TlsException(
        "TLS handshake with "
            + authority()
            + " failed: "
            + Sanitize.oneLine(String.valueOf(e.getMessage())),
        0,
        null,
        uri,
        "trust the appliance's certificate authority (Builder.trustedCertificates or an SSLContext); "
            + "certificate verification is never turned off",
        e);
  }

  private HttpRequest.Builder baseRequest(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(requestTimeout)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .header("User-Agent", userAgent);
  }

  private URI url(String service, String path, Map<String, String> query, int version) {
    StringBuilder sb =
        new StringBuilder("https://")
            .append(authority())
            .append("/service/")
            .append(service)
            .append("/v")
            .append(version)
            .append('/')
            .append(path);
    char sep = '?';
    for (Map.Entry<String, String> e : query.entrySet()) {
      sb.append(sep).append(e.getKey()).append('=').append(ApplianceHttp.encode(e.getValue()));
      sep = '&';
    }
    return URI.create(sb.toString());
  }

  private String authority() {
    return appliance.authority();
  }

  private static String segment(String name, String value) {
    return ApplianceHttp.segment(name, value);
  }

  private static JsonNode body(String schema, Object value) {
    JsonNode node = Json.mapper().valueToTree(value);
    List<Violation> violations = SchemaValidator.shipped().validate(schema, node);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    return node;
  }

  private static JsonNode arrayBody(String itemSchema, List<?> values) {
    requireNonNull(values, "values");
    JsonNode node = Json.mapper().valueToTree(values);
    List<Violation> violations = SchemaValidator.shipped().validateArray(itemSchema, node);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
    return node;
  }

  private static <T> T read(byte[] body, Class<T> type) {
    try {
      T v = Json.mapper().readValue(body, type);
      if (v == null) {
        throw new IOException("empty body");
      }
      return v;
    } catch (IOException e) {
      throw ApplianceErrorException.unreadable("a " + type.getSimpleName(), e);
    }
  }

  private static <T> T read(byte[] body, TypeReference<T> type) {
    try {
      return Json.mapper().readValue(body, type);
    } catch (IOException e) {
      throw ApplianceErrorException.unreadable("the expected list", e);
    }
  }

  /** Builds an {@link SppClient}; not thread-safe. */
  public static final class Builder {
    private @Nullable String host;
    private int port = 443;
    private SSLContext sslContext;
    private @Nullable List<X509Certificate> anchors;
    private boolean customContext;
    private @Nullable SppAuthentication authentication;
    private Clock clock = Clock.systemUTC();
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int maxRetries = 2;
    private Duration retryBackoff = Duration.ofMillis(250);
    private Duration renewBefore = Duration.ofMinutes(10);
    private String userAgent = "pamkit-sessionlink";
    private @Nullable Boolean logoutOnClose;

    private Builder() {
      sslContext = ApplianceHttp.defaultContext();
    }

    /**
     * Sets the appliance's host name or IPv4 address (the address its certificate names). Required.
     * The address follows the appliance's rules: an IPv4 address, a DNS name, or an IPv6 address in
     * square brackets.
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
     * @throws IllegalArgumentException if out of range
     */
    public Builder port(int port) {
      this.port = ApplianceHttp.port(port);
      return this;
    }

    /**
     * Sets the SSL context: its trust managers verify the appliance, its key manager (if any)
     * presents the client certificate of a certificate login. Default: the JDK's default context
     * (the JDK's trust store). Host-name verification is always on.
     *
     * @param sslContext the context
     * @return this builder
     */
    public Builder sslContext(SSLContext sslContext) {
      this.sslContext = requireNonNull(sslContext, "sslContext");
      this.customContext = true;
      this.anchors = null;
      return this;
    }

    /**
     * Trusts exactly the given certificates (e.g. the appliance's CA) instead of the JDK's trust
     * store; replaces the SSL context.
     *
     * @param anchors the trust anchors
     * @return this builder
     * @throws IllegalArgumentException if empty
     */
    public Builder trustedCertificates(Collection<X509Certificate> anchors) {
      this.sslContext = ApplianceHttp.trusting(anchors);
      this.anchors = List.copyOf(anchors);
      this.customContext = false;
      return this;
    }

    /**
     * Sets how to log in. Required.
     *
     * @param authentication the login
     * @return this builder
     */
    public Builder authentication(SppAuthentication authentication) {
      this.authentication = requireNonNull(authentication, "authentication");
      return this;
    }

    /**
     * Sets the clock that decides when the token is renewed. Default: the system UTC clock.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the TCP connect timeout. Default: 10 seconds.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets the timeout of each request, until the response headers. Default: 30 seconds.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive("requestTimeout", timeout);
      return this;
    }

    /**
     * Sets how often an idempotent call (GET, PUT) is retried after a transport failure or HTTP
     * 502/503/504. POST and DELETE are never retried. Default: 2.
     *
     * @param maxRetries 0..10
     * @return this builder
     */
    public Builder maxRetries(int maxRetries) {
      if (maxRetries < 0 || maxRetries > 10) {
        throw new IllegalArgumentException("maxRetries " + maxRetries + " is outside 0..10");
      }
      this.maxRetries = maxRetries;
      return this;
    }

    /**
     * Sets the wait before retry n, multiplied by n. Default: 250 ms.
     *
     * @param backoff zero or positive
     * @return this builder
     */
    public Builder retryBackoff(Duration backoff) {
      requireNonNull(backoff, "backoff");
      if (backoff.isNegative()) {
        throw new IllegalArgumentException("retryBackoff " + backoff + " is negative");
      }
      this.retryBackoff = backoff;
      return this;
    }

    /**
     * Sets how long before the token's expiry it is renewed. Default: 10 minutes.
     *
     * @param renewBefore a positive duration
     * @return this builder
     */
    public Builder renewBefore(Duration renewBefore) {
      this.renewBefore = positive("renewBefore", renewBefore);
      return this;
    }

    /**
     * Sets the User-Agent. Default: {@code pamkit-sessionlink}.
     *
     * @param userAgent the value; no control characters
     * @return this builder
     */
    public Builder userAgent(String userAgent) {
      this.userAgent = Sanitize.headerSafe("userAgent", requireNonNull(userAgent, "userAgent"));
      return this;
    }

    /**
     * Sets whether {@link SppClient#close()} logs the token out. Default: true when the client logs
     * in itself, false for an issued token (which belongs to someone else).
     *
     * @param logoutOnClose whether to log out
     * @return this builder
     */
    public Builder logoutOnClose(boolean logoutOnClose) {
      this.logoutOnClose = logoutOnClose;
      return this;
    }

    /**
     * Builds the client. No request is sent until the first call.
     *
     * @return the client
     * @throws IllegalStateException if the host or the authentication is missing
     */
    public SppClient build() {
      if (host == null) {
        throw new IllegalStateException("host is required");
      }
      if (authentication == null) {
        throw new IllegalStateException("authentication is required");
      }
      return new SppClient(this);
    }

    private static Duration positive(String name, Duration d) {
      requireNonNull(d, name);
      if (d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " " + d + " must be positive");
      }
      return d;
    }
  }
}
