// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An access request as the password appliance answers it ({@code AccessRequest} of the OpenAPI v4
 * description, {@code OneIdentity/safeguard-mcp} {@code scripts/Core.json}): the fields an approver
 * workflow reads. Other fields of the schema are ignored when read.
 *
 * @param id the qualified id, e.g. {@code 8518-1-18B1694CF1C0-0026}
 * @param accessRequestType the kind of access ({@code Password}, {@code Ssh}, {@code
 *     RemoteDesktop}, ...), or null
 * @param state the state, or null when absent
 * @param accountId the requested account's id, or null
 * @param accountName the requested account's name, or null
 * @param assetId the asset's id, or null
 * @param assetName the asset's name, or null
 * @param requesterId the requester's user id, or null
 * @param requesterDisplayName the requester's display name, or null
 * @param requesterEmailAddress the requester's email address, or null
 * @param reasonComment why the access is needed, or null
 * @param createdOn when the request was made, or null
 * @param expiresOn when the request expires, or null
 * @param stateChangedOn when the state last changed, or null
 * @param currentApprovalCount the approvals so far, or null
 * @param requiredApprovalCount the approvals needed, or null
 * @param approvedByMe whether the calling user approved it, or null
 * @param wasDenied whether an approver denied it, or null
 */
public record AccessRequest(
    @JsonProperty("Id") String id,
    @JsonProperty("AccessRequestType") @Nullable String accessRequestType,
    @JsonProperty("State") @Nullable AccessRequestState state,
    @JsonProperty("AccountId") @Nullable Integer accountId,
    @JsonProperty("AccountName") @Nullable String accountName,
    @JsonProperty("AssetId") @Nullable Integer assetId,
    @JsonProperty("AssetName") @Nullable String assetName,
    @JsonProperty("RequesterId") @Nullable Integer requesterId,
    @JsonProperty("RequesterDisplayName") @Nullable String requesterDisplayName,
    @JsonProperty("RequesterEmailAddress") @Nullable String requesterEmailAddress,
    @JsonProperty("ReasonComment") @Nullable String reasonComment,
    @JsonProperty("CreatedOn") @Nullable Instant createdOn,
    @JsonProperty("ExpiresOn") @Nullable Instant expiresOn,
    @JsonProperty("StateChangedOn") @Nullable Instant stateChangedOn,
    @JsonProperty("CurrentApprovalCount") @Nullable Integer currentApprovalCount,
    @JsonProperty("RequiredApprovalCount") @Nullable Integer requiredApprovalCount,
    @JsonProperty("ApprovedByMe") @Nullable Boolean approvedByMe,
    @JsonProperty("WasDenied") @Nullable Boolean wasDenied) {

  /**
   * Checks the id.
   *
   * @throws NullPointerException if the id is null
   */
  public AccessRequest {
    java.util.Objects.requireNonNull(id, "Id");
  }
}
