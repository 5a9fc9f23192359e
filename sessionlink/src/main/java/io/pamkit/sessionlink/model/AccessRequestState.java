// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.pamkit.core.WireNamed;
import io.pamkit.core.internal.WireNames;
import java.util.Map;
import java.util.Optional;

/**
 * The API's {@code AccessRequestState} enumeration (the state of an access request), from the
 * appliance's OpenAPI v4 description ({@code OneIdentity/safeguard-mcp} {@code scripts/Core.json});
 * {@link #wireName()} is the wire value. A value this version does not know reads as {@link
 * #UNKNOWN}.
 */
public enum AccessRequestState implements WireNamed {
  /** A value this version of pamkit does not know. */
  @JsonEnumDefaultValue
  @JsonProperty("Unknown")
  UNKNOWN("Unknown"),

  /** Wire value {@code New}. */
  @JsonProperty("New")
  NEW("New"),

  /** Wire value {@code PendingApproval}. */
  @JsonProperty("PendingApproval")
  PENDING_APPROVAL("PendingApproval"),

  /** Wire value {@code Approved}. */
  @JsonProperty("Approved")
  APPROVED("Approved"),

  /** Wire value {@code PendingTimeRequested}. */
  @JsonProperty("PendingTimeRequested")
  PENDING_TIME_REQUESTED("PendingTimeRequested"),

  /** Wire value {@code RequestAvailable}. */
  @JsonProperty("RequestAvailable")
  REQUEST_AVAILABLE("RequestAvailable"),

  /** Wire value {@code PasswordCheckedOut}. */
  @JsonProperty("PasswordCheckedOut")
  PASSWORD_CHECKED_OUT("PasswordCheckedOut"),

  /** Wire value {@code Reclaimed}. */
  @JsonProperty("Reclaimed")
  RECLAIMED("Reclaimed"),

  /** Wire value {@code RequestCheckedIn}. */
  @JsonProperty("RequestCheckedIn")
  REQUEST_CHECKED_IN("RequestCheckedIn"),

  /** Wire value {@code Expired}. */
  @JsonProperty("Expired")
  EXPIRED("Expired"),

  /** Wire value {@code Terminated}. */
  @JsonProperty("Terminated")
  TERMINATED("Terminated"),

  /** Wire value {@code PendingReview}. */
  @JsonProperty("PendingReview")
  PENDING_REVIEW("PendingReview"),

  /** Wire value {@code Closed}. */
  @JsonProperty("Closed")
  CLOSED("Closed"),

  /** Wire value {@code PendingAcknowledgment}. */
  @JsonProperty("PendingAcknowledgment")
  PENDING_ACKNOWLEDGMENT("PendingAcknowledgment"),

  /** Wire value {@code Complete}. */
  @JsonProperty("Complete")
  COMPLETE("Complete"),

  /** Wire value {@code PendingPasswordReset}. */
  @JsonProperty("PendingPasswordReset")
  PENDING_PASSWORD_RESET("PendingPasswordReset"),

  /** Wire value {@code SessionInitialized}. */
  @JsonProperty("SessionInitialized")
  SESSION_INITIALIZED("SessionInitialized"),

  /** Wire value {@code PendingAccountSuspended}. */
  @JsonProperty("PendingAccountSuspended")
  PENDING_ACCOUNT_SUSPENDED("PendingAccountSuspended"),

  /** Wire value {@code PendingAccountRestored}. */
  @JsonProperty("PendingAccountRestored")
  PENDING_ACCOUNT_RESTORED("PendingAccountRestored"),

  /** Wire value {@code SshKeyCheckedOut}. */
  @JsonProperty("SshKeyCheckedOut")
  SSH_KEY_CHECKED_OUT("SshKeyCheckedOut"),

  /** Wire value {@code PendingSshKeyReset}. */
  @JsonProperty("PendingSshKeyReset")
  PENDING_SSH_KEY_RESET("PendingSshKeyReset"),

  /** Wire value {@code ApiKeyCheckedOut}. */
  @JsonProperty("ApiKeyCheckedOut")
  API_KEY_CHECKED_OUT("ApiKeyCheckedOut"),

  /** Wire value {@code FileCheckedOut}. */
  @JsonProperty("FileCheckedOut")
  FILE_CHECKED_OUT("FileCheckedOut"),

  /** Wire value {@code PendingAccountDemoted}. */
  @JsonProperty("PendingAccountDemoted")
  PENDING_ACCOUNT_DEMOTED("PendingAccountDemoted"),

  /** Wire value {@code PendingAccountElevated}. */
  @JsonProperty("PendingAccountElevated")
  PENDING_ACCOUNT_ELEVATED("PendingAccountElevated");

  private static final Map<String, AccessRequestState> BY_WIRE_NAME = WireNames.index(values());

  private final String wireName;

  AccessRequestState(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the value as the API spells it, its {@linkplain #wireName() wire name}.
   *
   * @return the wire value
   */
  @Override
  public String toString() {
    return wireName;
  }

  /**
   * Looks up a constant by its {@linkplain #wireName() wire name}, spelled exactly as the API
   * spells it.
   *
   * @param wireName the wire value
   * @return the constant, or empty when no constant has that wire value
   */
  public static Optional<AccessRequestState> fromWireName(String wireName) {
    return Optional.ofNullable(BY_WIRE_NAME.get(wireName));
  }
}
