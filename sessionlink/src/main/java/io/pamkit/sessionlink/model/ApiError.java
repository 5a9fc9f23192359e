// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The password appliance's error body, {@code {"Code":60108,"Message":"...","InnerError":null}}.
 *
 * <p>{@code ModelState} is not part of the OpenAPI {@code ApiError} schema (which declares {@code
 * additionalProperties: false}), but validation errors of the 70000 series carry it on real
 * appliances (see spp-api.md §3): it maps a field path to its problems. The OpenAPI file wins where
 * the two disagree, so it is read when present and written only when non-empty; the three schema
 * fields are always written.
 *
 * @param code the appliance's numeric error code, e.g. 60657; 0 when the body had none
 * @param message the appliance's message; null when absent
 * @param innerError the nested error, if any
 * @param modelState field path to messages for validation errors; empty when absent
 */
public record ApiError(
    @JsonProperty("Code") int code,
    @JsonProperty("Message") @Nullable String message,
    @JsonProperty("InnerError") @Nullable ApiError innerError,
    @JsonProperty("ModelState") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, List<String>> modelState) {

  /** Copies the model state; null becomes empty. */
  public ApiError {
    if (modelState == null) {
      modelState = Map.of();
    } else {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      modelState.forEach((k, v) -> copy.put(k, v == null ? List.of() : List.copyOf(v)));
      modelState = java.util.Collections.unmodifiableMap(copy);
    }
  }

  /**
   * Creates an error without inner error or model state.
   *
   * @param code the code
   * @param message the message
   * @return the error
   */
  public static ApiError of(int code, String message) {
    return new ApiError(code, message, null, Map.of());
  }

  /**
   * Returns {@code Code: Message}, plus the inner errors and model state. Never contains a secret
   * (the appliance puts none in its errors).
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append(code).append(": ").append(message);
    if (!modelState.isEmpty()) {
      sb.append(' ').append(modelState);
    }
    if (innerError != null) {
      sb.append(" (inner ").append(innerError).append(')');
    }
    return sb.toString();
  }
}
