// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.policy;

/**
 * Learns when open release requests (password, SSH key, API key, file) are put on hold because
 * their service was switched off, and when they are released because it was switched back on.
 *
 * <p>Called on the thread that changed the switch, in the order of the changes, after the change
 * took effect. A listener must be quick and must not change the switches itself; its exceptions are
 * logged and do not undo the change.
 */
public interface RequestHoldListener {

  /** A listener that does nothing. */
  RequestHoldListener NONE = new RequestHoldListener() {};

  /**
   * An open request was put on hold.
   *
   * @param service the request service that was switched off
   * @param requestId the request's id
   */
  default void onHold(Service service, String requestId) {}

  /**
   * A request on hold was released.
   *
   * @param service the request service that was switched back on
   * @param requestId the request's id
   */
  default void onReleased(Service service, String requestId) {}
}
