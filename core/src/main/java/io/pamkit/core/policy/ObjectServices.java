// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

import static java.util.Objects.requireNonNull;

/**
 * The services switch of one account or asset. Service accounts, and accounts or assets found by
 * discovery, start with services disabled until they are managed or activated ({@link
 * #activate()}); objects an administrator adds start enabled. A service runs for the object only
 * when both the cluster-wide switch and this one are on ({@link ServiceToggles#mayRun(Service,
 * ObjectServices)}, {@link TaskGate#acquire(ObjectServices)}).
 *
 * <p>Thread-safe.
 */
public final class ObjectServices {
  private final String objectId;
  private final ObjectOrigin origin;
  private volatile boolean enabled;

  private ObjectServices(String objectId, ObjectOrigin origin) {
    this.objectId = objectId;
    this.origin = origin;
    this.enabled = origin.servicesEnabledInitially();
  }

  /**
   * Returns the switch of a new object, in its origin's initial state.
   *
   * @param objectId the account's or asset's id; not blank
   * @param origin how the object came to the appliance
   * @return a new switch
   */
  public static ObjectServices forNew(String objectId, ObjectOrigin origin) {
    requireNonNull(objectId, "objectId");
    requireNonNull(origin, "origin");
    if (objectId.isBlank()) {
      throw new IllegalArgumentException("objectId must not be blank");
    }
    return new ObjectServices(objectId, origin);
  }

  /**
   * Returns the object's id.
   *
   * @return the id
   */
  public String objectId() {
    return objectId;
  }

  /**
   * Returns how the object came to the appliance.
   *
   * @return the origin
   */
  public ObjectOrigin origin() {
    return origin;
  }

  /**
   * Returns whether the object's services are enabled.
   *
   * @return true once managed or activated (or from the start for {@link ObjectOrigin#ADDED})
   */
  public boolean enabled() {
    return enabled;
  }

  /** Enables the object's services: the account or asset is now managed or activated. */
  public void activate() {
    enabled = true;
  }

  /** Disables the object's services again. */
  public void deactivate() {
    enabled = false;
  }

  /** Returns the id, origin and state. */
  @Override
  public String toString() {
    return "ObjectServices{" + objectId + ", " + origin + ", enabled=" + enabled + "}";
  }
}
