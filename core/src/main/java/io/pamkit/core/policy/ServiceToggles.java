// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static java.util.Objects.requireNonNull;

import io.pamkit.core.ValidationException;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventCatalog;
import io.pamkit.core.event.EventDefinition;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.event.EventPublisher;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service-toggle engine: every switch of the appliance's Enable or Disable Services page (see
 * {@link Service}), with its documented effect enforced.
 *
 * <ul>
 *   <li>{@link #isEnabled(Service)} is the hot-path check: a volatile read of an immutable state
 *       and a bit test, lock-free and allocation-free.
 *   <li>Session requests: {@link #requireSessionRequest(int)}, {@link #requireSessionLaunch()}.
 *   <li>Release requests (password, SSH key, API key, file): {@link #openRequest(Service, String)}
 *       refuses new ones while off; open ones are put on hold and released again, and every {@link
 *       RequestHoldListener} learns of both moves.
 *   <li>Tasks (check, change, discovery, directory sync): {@link #gate(Service)}.
 *   <li>The Audit Log Stream Service can be switched on only while the {@link LinkStatusSource}
 *       reports a linked session appliance.
 *   <li>Application to Application is per appliance: {@link
 *       #setApplicationToApplicationEnabled(String, boolean, String)}; {@link
 *       Service#APPLICATION_TO_APPLICATION_ENABLED} means this engine's own appliance.
 *   <li>"Disable all enabled services": {@link #requestDisableAll()} then {@link
 *       #disableAll(String, String)}; there is no "enable all".
 *   <li>Every change publishes an {@link ApplianceEvent} ({@code ServicesConfigUpdated}, {@code
 *       AuditLogStreamServiceUpdated}, {@code A2AServiceEnabled} or {@code A2AServiceDisabled})
 *       with the properties {@code ServiceName}, {@code OldValue}, {@code NewValue} and {@code
 *       UserName}. The event is published before the change takes effect: if the publisher refuses
 *       it, the change is not made and the publisher's exception propagates.
 *   <li>{@link #snapshot()} returns the state as a plain value for the configuration document;
 *       {@link Builder#state(ServiceState)} restores it.
 * </ul>
 *
 * <p>Thread-safe. Changes are serialised by a lock and numbered by {@link #version()}; checks never
 * take it. Every check is linearisable: it observes the state of one version between its start and
 * its end.
 *
 * <pre>{@code
 * ServiceToggles toggles = ServiceToggles.builder("SPP-1").publisher(dispatcher).build();
 * toggles.setEnabled(Service.PASSWORD_CHANGE_ENABLED, false, "admin");
 * try (TaskGate.Permit permit = toggles.gate(Service.PASSWORD_CHECK_ENABLED).acquire()) {
 *   // run the check task
 * }
 * }</pre>
 *
 * <p>This example is compiled and run by core's {@code JavadocExamplesTest}.
 */
public final class ServiceToggles {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceToggles.class);
  private static final int MAX_SESSIONS_PER_REQUEST = 1000;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** One immutable version of the state; replaced as a whole on every change. */
  private static final class Current {
    final ServiceState state;
    final long bits;
    final long version;

    Current(ServiceState state, String localApplianceId, long version) {
      this.state = state;
      long b = state.bits();
      if (state.isApplicationToApplicationEnabled(localApplianceId)) {
        b |= ServiceState.mask(Service.APPLICATION_TO_APPLICATION_ENABLED);
      }
      this.bits = b;
      this.version = version;
    }
  }

  private final String applianceId;
  private final EventPublisher publisher;
  private final LinkStatusSource linkStatus;
  private final Clock clock;
  private final Duration confirmationTimeout;
  private final List<RequestHoldListener> listeners;
  private final EventCatalog catalog = EventCatalog.defaults();
  private final Map<Service, TaskGate> gates = new EnumMap<>(Service.class);
  private final Map<String, Service> openRequests = new ConcurrentHashMap<>();
  private final Map<String, Instant> pendingConfirmations = new ConcurrentHashMap<>();
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile Current current;

  private ServiceToggles(Builder b) {
    this.applianceId = b.applianceId;
    this.publisher = requireNonNull(b.publisher, "publisher");
    this.linkStatus = b.linkStatus;
    this.clock = b.clock;
    this.confirmationTimeout = b.confirmationTimeout;
    this.listeners = List.copyOf(b.listeners);
    this.current = new Current(b.state, applianceId, 0);
    for (Service s : Service.values()) {
      if (s.kind() == ServiceKind.TASK) {
        gates.put(s, new TaskGate(s, this));
      }
    }
  }

  /**
   * Starts a builder for the engine of one appliance.
   *
   * @param applianceId the id of the appliance this engine runs on (the one {@link
   *     Service#APPLICATION_TO_APPLICATION_ENABLED} refers to, and the events' appliance id)
   * @return a new builder
   * @throws IllegalArgumentException if the id is blank or contains a control character
   */
  public static Builder builder(String applianceId) {
    return new Builder(checkText("applianceId", applianceId));
  }

  /**
   * Returns the appliance this engine runs on.
   *
   * @return the appliance id
   */
  public String applianceId() {
    return applianceId;
  }

  // ---------------------------------------------------------------- checks (hot path)

  /**
   * Returns whether a service is on. Lock-free and allocation-free.
   *
   * @param service the service; {@link Service#APPLICATION_TO_APPLICATION_ENABLED} means this
   *     engine's appliance
   * @return true when on
   */
  public boolean isEnabled(Service service) {
    return (current.bits & (1L << service.ordinal())) != 0;
  }

  /**
   * Returns whether the Application to Application service is on for an appliance of the cluster.
   * Lock-free and allocation-free.
   *
   * @param applianceId the appliance id
   * @return true when on (the default for an appliance never switched)
   */
  public boolean isApplicationToApplicationEnabled(String applianceId) {
    return current.state.isApplicationToApplicationEnabled(applianceId);
  }

  /**
   * Returns whether a service may run for an account or asset: the service is on and the object's
   * services are enabled.
   *
   * @param service the service
   * @param target the account or asset
   * @return true when both are on
   */
  public boolean mayRun(Service service, ObjectServices target) {
    return isEnabled(service) && target.enabled();
  }

  /**
   * Refuses an operation of a service that is off.
   *
   * @param service the service
   * @throws ServiceDisabledException if the service is off; for session requests its message is the
   *     appliance's "This feature is temporarily disabled. See your appliance administrator for
   *     details."
   */
  public void require(Service service) {
    if (!isEnabled(service)) {
      throw disabled(service);
    }
  }

  /**
   * Checks that a new session access request for the given number of sessions may be made.
   *
   * @param sessionCount the number of sessions on the request; 1 to 1,000
   * @throws ValidationException if the count is outside 1..1,000 (the limit of sessions on a single
   *     access request)
   * @throws ServiceDisabledException if session requests are off
   */
  public void requireSessionRequest(int sessionCount) {
    if (sessionCount < 1 || sessionCount > MAX_SESSIONS_PER_REQUEST) {
      throw new ValidationException(
          "SessionCount",
          sessionCount
              + " is outside 1..1000: a single access request holds at most 1,000 sessions");
    }
    require(Service.SESSION_REQUESTS_ENABLED);
  }

  /**
   * Checks that an existing session access request may be launched.
   *
   * @throws ServiceDisabledException if session requests are off
   */
  public void requireSessionLaunch() {
    require(Service.SESSION_REQUESTS_ENABLED);
  }

  /**
   * Returns the current state as a plain value for the configuration document.
   *
   * @return an immutable snapshot
   */
  public ServiceState snapshot() {
    return current.state;
  }

  /**
   * Returns the number of changes made since the engine was built; every change adds one.
   *
   * @return the version, starting at 0
   */
  public long version() {
    return current.version;
  }

  // ---------------------------------------------------------------- release requests

  /**
   * Registers a new release request.
   *
   * @param service {@code PasswordRequestsEnabled}, {@code SshKeyRequestsEnabled}, {@code
   *     ApiKeyRequestsEnabled} or {@code FileRequestsEnabled}
   * @param requestId the request's id; not blank, not already open
   * @throws IllegalArgumentException if the service is not a release-request service, or the id is
   *     blank or already open
   * @throws ServiceDisabledException if the service is off: no new request may be made
   */
  public void openRequest(Service service, String requestId) {
    requireNonNull(service, "service");
    checkText("requestId", requestId);
    if (service.kind() != ServiceKind.RELEASE_REQUESTS) {
      throw new IllegalArgumentException(
          service + " is not a release-request service (kind " + service.kind() + ")");
    }
    writeLock.lock();
    try {
      require(service);
      if (openRequests.putIfAbsent(requestId, service) != null) {
        throw new IllegalArgumentException("request " + requestId + " is already open");
      }
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Forgets a request that was completed, denied or cancelled.
   *
   * @param requestId the request's id
   * @return true when it was open
   */
  public boolean closeRequest(String requestId) {
    return openRequests.remove(requireNonNull(requestId, "requestId")) != null;
  }

  /**
   * Returns the status of an open request.
   *
   * @param requestId the request's id
   * @return {@link RequestStatus#ON_HOLD} while its service is off, {@link RequestStatus#OPEN}
   *     otherwise; empty when no such request is open
   */
  public Optional<RequestStatus> requestStatus(String requestId) {
    Service s = openRequests.get(requireNonNull(requestId, "requestId"));
    if (s == null) {
      return Optional.empty();
    }
    return Optional.of(isEnabled(s) ? RequestStatus.OPEN : RequestStatus.ON_HOLD);
  }

  // ---------------------------------------------------------------- tasks

  /**
   * Returns the gate of a task service.
   *
   * @param service a service of kind {@link ServiceKind#TASK}
   * @return the gate (one per service, for the engine's lifetime)
   * @throws IllegalArgumentException if the service is not a task service
   */
  public TaskGate gate(Service service) {
    TaskGate g = gates.get(requireNonNull(service, "service"));
    if (g == null) {
      throw new IllegalArgumentException(
          service + " is not a task service (kind " + service.kind() + ")");
    }
    return g;
  }

  // ---------------------------------------------------------------- changes

  /**
   * Switches a service on or off.
   *
   * @param service the service; {@link Service#APPLICATION_TO_APPLICATION_ENABLED} means this
   *     engine's appliance
   * @param enabled the new state
   * @param actor who makes the change (user name), recorded in the event; not blank
   * @return true when the state changed, false when it already was {@code enabled}
   * @throws ToggleRefusedException when switching the Audit Log Stream Service on without a linked
   *     session appliance
   * @throws io.pamkit.core.PamkitException the publisher's, when it refuses the event (nothing
   *     changed)
   */
  public boolean setEnabled(Service service, boolean enabled, String actor) {
    requireNonNull(service, "service");
    checkText("actor", actor);
    if (service == Service.APPLICATION_TO_APPLICATION_ENABLED) {
      return setApplicationToApplicationEnabled(applianceId, enabled, actor);
    }
    if (service == Service.AUDIT_LOG_STREAM_SERVICE && enabled && !isEnabled(service)) {
      checkLinked();
    }
    writeLock.lock();
    try {
      return apply(service, applianceId, enabled, actor);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Switches the Application to Application service of one appliance on or off.
   *
   * @param applianceId the appliance; not blank
   * @param enabled the new state
   * @param actor who makes the change; not blank
   * @return true when the state changed
   */
  public boolean setApplicationToApplicationEnabled(
      String applianceId, boolean enabled, String actor) {
    checkText("applianceId", applianceId);
    checkText("actor", actor);
    writeLock.lock();
    try {
      return apply(Service.APPLICATION_TO_APPLICATION_ENABLED, applianceId, enabled, actor);
    } finally {
      writeLock.unlock();
    }
  }

  /**
   * Opens the confirmation of "Disable all enabled services".
   *
   * @return the services that would be switched off and the token to confirm with; the token is
   *     accepted once, until the confirmation timeout
   * @throws ToggleRefusedException if no service is on
   */
  public DisableAllConfirmation requestDisableAll() {
    Set<Service> on = enabledNow();
    if (on.isEmpty()) {
      throw new ToggleRefusedException(
          null,
          "no service is enabled: \"Disable all enabled services\" needs at least one enabled"
              + " service",
          null);
    }
    Instant now = clock.instant();
    pendingConfirmations.values().removeIf(expiry -> expiry.isBefore(now));
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    Instant expiresAt = now.plus(confirmationTimeout);
    pendingConfirmations.put(token, expiresAt);
    return new DisableAllConfirmation(token, on, expiresAt);
  }

  /**
   * Confirms "Disable all enabled services": switches every service that is on off (this
   * appliance's Application to Application included), each with its event. Services are re-enabled
   * one by one with {@link #setEnabled(Service, boolean, String)}.
   *
   * <p>If the publisher refuses an event, the services already switched off stay off and the
   * exception propagates.
   *
   * @param token the token of a {@link DisableAllConfirmation}
   * @param actor who confirms; not blank
   * @return the services switched off
   * @throws ToggleRefusedException if the token is unknown, already used or expired, or no service
   *     is on any more
   */
  public Set<Service> disableAll(String token, String actor) {
    requireNonNull(token, "token");
    checkText("actor", actor);
    Instant expiresAt = pendingConfirmations.remove(token);
    if (expiresAt == null) {
      throw new ToggleRefusedException(
          null,
          "unknown or already used confirmation token for \"Disable all enabled services\"",
          null);
    }
    if (clock.instant().isAfter(expiresAt)) {
      throw new ToggleRefusedException(
          null,
          "the confirmation of \"Disable all enabled services\" expired at "
              + expiresAt
              + "; ask for a new one",
          null);
    }
    writeLock.lock();
    try {
      Set<Service> on = enabledNow();
      if (on.isEmpty()) {
        throw new ToggleRefusedException(
            null, "no service is enabled any more: nothing to disable", null);
      }
      for (Service s : on) {
        apply(s, applianceId, false, actor);
      }
      return Collections.unmodifiableSet(on);
    } finally {
      writeLock.unlock();
    }
  }

  // ---------------------------------------------------------------- internals

  private Set<Service> enabledNow() {
    Current c = current;
    Set<Service> on = EnumSet.noneOf(Service.class);
    for (Service s : Service.values()) {
      if ((c.bits & ServiceState.mask(s)) != 0) {
        on.add(s);
      }
    }
    return on;
  }

  private void checkLinked() {
    LinkStatus status;
    try {
      status = requireNonNull(linkStatus.linkStatus(), "linkStatus() returned null");
    } catch (RuntimeException e) {
      throw new ToggleRefusedException(
          Service.AUDIT_LOG_STREAM_SERVICE,
          "AuditLogStreamService cannot be switched on: the link status of the session appliance"
              + " is unknown ("
              + e.getClass().getSimpleName()
              + "); SPP and SPS must be linked to use this feature",
          e);
    }
    if (!status.linked()) {
      throw new ToggleRefusedException(
          Service.AUDIT_LOG_STREAM_SERVICE,
          "AuditLogStreamService cannot be switched on: SPP and SPS must be linked to use this"
              + " feature ("
              + status.detail()
              + ")",
          null);
    }
  }

  /** Publishes the event, then installs the new version. Caller holds the write lock. */
  private boolean apply(Service service, String targetAppliance, boolean enabled, String actor) {
    Current c = current;
    ServiceState.Builder next = c.state.toBuilder();
    boolean old;
    if (service == Service.APPLICATION_TO_APPLICATION_ENABLED) {
      old = c.state.isApplicationToApplicationEnabled(targetAppliance);
      next.applicationToApplication(targetAppliance, enabled);
    } else {
      old = c.state.isEnabled(service);
      next.enabled(service, enabled);
    }
    if (old == enabled) {
      return false;
    }
    publisher.publish(event(service, targetAppliance, old, enabled, actor));
    current = new Current(next.build(), applianceId, c.version + 1);
    LOG.info(
        "{} switched {} by {} (appliance {})",
        service.wireName(),
        enabled ? "on" : "off",
        actor,
        targetAppliance);
    if (service.kind() == ServiceKind.RELEASE_REQUESTS) {
      notifyRequests(service, enabled);
    }
    return true;
  }

  private void notifyRequests(Service service, boolean released) {
    List<String> ids = new ArrayList<>();
    openRequests.forEach(
        (id, s) -> {
          if (s == service) {
            ids.add(id);
          }
        });
    Collections.sort(ids);
    for (String id : ids) {
      for (RequestHoldListener l : listeners) {
        try {
          if (released) {
            l.onReleased(service, id);
          } else {
            l.onHold(service, id);
          }
        } catch (RuntimeException e) {
          LOG.warn("request hold listener {} failed for {} {}", l, service.wireName(), id, e);
        }
      }
    }
  }

  private ApplianceEvent event(
      Service service, String targetAppliance, boolean old, boolean enabled, String actor) {
    String name;
    if (service == Service.APPLICATION_TO_APPLICATION_ENABLED) {
      name = enabled ? "A2AServiceEnabled" : "A2AServiceDisabled";
    } else if (service == Service.AUDIT_LOG_STREAM_SERVICE) {
      name = "AuditLogStreamServiceUpdated";
    } else {
      name = "ServicesConfigUpdated";
    }
    EventLevel level =
        catalog.find(name).map(EventDefinition::defaultLevel).orElse(EventLevel.INFO);
    ApplianceEvent.Builder b =
        ApplianceEvent.builder(name)
            .time(clock.instant())
            .applianceId(applianceId)
            .level(level)
            .property("ServiceName", service.wireName())
            .property("OldValue", Boolean.toString(old))
            .property("NewValue", Boolean.toString(enabled))
            .property("UserName", actor);
    if (service == Service.APPLICATION_TO_APPLICATION_ENABLED) {
      b.object("A2AService", targetAppliance);
    }
    return b.build();
  }

  private ServiceDisabledException disabled(Service service) {
    if (service == Service.SESSION_REQUESTS_ENABLED) {
      return new ServiceDisabledException(service, ServiceDisabledException.TEMPORARILY_DISABLED);
    }
    return new ServiceDisabledException(
        service,
        service.title()
            + " is disabled ("
            + service.wireName()
            + " is off). "
            + ServiceDisabledException.TEMPORARILY_DISABLED);
  }

  private static String checkText(String field, @Nullable String value) {
    requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new IllegalArgumentException(
            field + " must not contain control characters (found one at index " + i + ")");
      }
    }
    return value;
  }

  /** Returns the appliance id and the current state. */
  @Override
  public String toString() {
    Current c = current;
    return "ServiceToggles{appliance="
        + applianceId
        + ", version="
        + c.version
        + ", "
        + c.state
        + "}";
  }

  /** Builds a {@link ServiceToggles} engine. Not thread-safe; the last call to a setter wins. */
  public static final class Builder {
    private final String applianceId;
    private @Nullable EventPublisher publisher;
    private LinkStatusSource linkStatus =
        () -> LinkStatus.notLinked("no link-status source is configured");
    private Clock clock = Clock.systemUTC();
    private ServiceState state = ServiceState.defaults();
    private Duration confirmationTimeout = Duration.ofMinutes(2);
    private final List<RequestHoldListener> listeners = new ArrayList<>();

    private Builder(String applianceId) {
      this.applianceId = applianceId;
    }

    /**
     * Sets where change events go (normally the event dispatcher). Required.
     *
     * @param publisher the publisher
     * @return this builder
     */
    public Builder publisher(EventPublisher publisher) {
      this.publisher = requireNonNull(publisher, "publisher");
      return this;
    }

    /**
     * Sets the source asked whether a session appliance is linked when the Audit Log Stream Service
     * is switched on. Default: a source that always answers "not linked".
     *
     * @param linkStatus the source
     * @return this builder
     */
    public Builder linkStatus(LinkStatusSource linkStatus) {
      this.linkStatus = requireNonNull(linkStatus, "linkStatus");
      return this;
    }

    /**
     * Sets the initial state, for instance read back from the configuration document. It is taken
     * as is (the Audit Log Stream Service may be on without asking the link source). Default:
     * {@link ServiceState#defaults()}.
     *
     * @param state the state
     * @return this builder
     */
    public Builder state(ServiceState state) {
      this.state = requireNonNull(state, "state");
      return this;
    }

    /**
     * Sets the clock for event times and confirmation expiry. Default: {@link Clock#systemUTC()}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how long a "disable all" confirmation token is accepted. Default: 2 minutes.
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder confirmationTimeout(Duration timeout) {
      requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("confirmationTimeout must be positive, was " + timeout);
      }
      this.confirmationTimeout = timeout;
      return this;
    }

    /**
     * Adds a listener for requests put on hold and released. Default: none.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(RequestHoldListener listener) {
      listeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return a new engine
     * @throws IllegalStateException if no publisher was set
     */
    public ServiceToggles build() {
      if (publisher == null) {
        throw new IllegalStateException(
            "publisher is required: every change of a service switch emits an event");
      }
      return new ServiceToggles(this);
    }
  }
}
