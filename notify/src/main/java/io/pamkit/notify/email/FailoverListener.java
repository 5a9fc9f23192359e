// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.email;

import io.pamkit.core.dispatch.DeliveryException;
import io.pamkit.core.dispatch.Notification;
import java.util.List;

/**
 * Told when an {@link EmailProviderChain} delivered only after one or more providers failed, so
 * that a failing primary raises an alert even though mail still flows. Called on the sending
 * thread; must be quick and must not throw (what it throws is logged and ignored).
 */
@FunctionalInterface
public interface FailoverListener {

  /** A listener that does nothing. */
  FailoverListener NONE = (notification, failures, deliveredBy) -> {};

  /**
   * Called after a fallback provider delivered.
   *
   * @param notification the notification
   * @param failures the failures of the providers tried before, in order
   * @param deliveredBy the name of the provider that delivered
   */
  void failedOver(Notification notification, List<DeliveryException> failures, String deliveredBy);

  /**
   * Called after a fallback provider delivered, with the names of the providers that failed (an
   * {@link EmailProviderChain} calls this one). The default calls {@link #failedOver(Notification,
   * List, String)}.
   *
   * @param notification the notification
   * @param failures the failures of the providers tried before, in order
   * @param failedProviders the names of those providers, in the same order
   * @param deliveredBy the name of the provider that delivered
   */
  default void failedOver(
      Notification notification,
      List<DeliveryException> failures,
      List<String> failedProviders,
      String deliveredBy) {
    failedOver(notification, failures, deliveredBy);
  }
}
