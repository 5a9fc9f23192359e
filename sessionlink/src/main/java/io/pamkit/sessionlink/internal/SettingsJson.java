// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * JSON rules shared by the notification settings client, the configuration sync and the simulator:
 * which fields are secrets (never printed) and which are read-only (never sent).
 */
public final class SettingsJson {
  /**
   * Read-only fields of the settings schemas (the OpenAPI descriptions say "(Read-only)"), at any
   * depth. They are left out of every request body and of a pulled configuration document.
   */
  public static final Set<String> READ_ONLY =
      Set.of(
          "UpdatedDate",
          "UpdatedByUserId",
          "UpdatedByUserDisplayName",
          "CreatedDate",
          "CreatedByUserId",
          "CreatedByUserDisplayName",
          "ServiceAccountDomainName",
          "ServiceAccountHasPassword",
          "EffectiveServiceAccountName",
          "UserDisplayName",
          "UserEmailAddress",
          "PartitionOwnerIsSubscribed",
          "AdminRoles",
          "WorkflowUserIsSubscribed",
          "TimeZoneDisplayName",
          "HasAuthenticationPassword",
          "HasEncryptionPassword",
          "IsModified",
          "Event",
          "HasPassword",
          "HasClientSecret");

  private SettingsJson() {}

  /**
   * Tells whether a field holds a secret: a name ending in {@code Password}, {@code Secret}, {@code
   * Token} or {@code Key} (as the configuration writer decides), Remedy's {@code
   * AuthenticationString} and the SNMP {@code Community}.
   *
   * @param field the field's name
   * @return true for a secret
   */
  public static boolean isSecret(String field) {
    String f = field.toLowerCase(Locale.ROOT);
    return f.endsWith("password")
        || f.endsWith("secret")
        || f.endsWith("token")
        || f.endsWith("key")
        || f.equals("authenticationstring")
        || f.equals("community");
  }

  /**
   * Returns a copy without the read-only fields and without {@code null} values, at any depth.
   *
   * @param node an object
   * @return the copy
   */
  public static ObjectNode writable(JsonNode node) {
    ObjectNode copy =
        node.isObject() ? ((ObjectNode) node).deepCopy() : Json.mapper().createObjectNode();
    strip(copy);
    return copy;
  }

  private static void strip(ObjectNode node) {
    node.remove(READ_ONLY);
    java.util.List<String> nulls = new java.util.ArrayList<>();
    node.properties()
        .forEach(
            e -> {
              if (e.getValue().isNull()) {
                nulls.add(e.getKey());
              } else if (e.getValue().isObject()) {
                strip((ObjectNode) e.getValue());
              }
            });
    node.remove(nulls);
  }

  /**
   * Returns a copy with every secret's value replaced by {@code "******"}, at any depth, for
   * printing.
   *
   * @param node any JSON
   * @return the masked copy
   */
  public static JsonNode masked(JsonNode node) {
    JsonNode copy = node.deepCopy();
    mask(copy);
    return copy;
  }

  private static void mask(JsonNode node) {
    if (node instanceof ObjectNode o) {
      java.util.List<String> secrets = new java.util.ArrayList<>();
      o.properties()
          .forEach(
              e -> {
                if (isSecret(e.getKey()) && e.getValue().isTextual()) {
                  secrets.add(e.getKey());
                } else {
                  mask(e.getValue());
                }
              });
      secrets.forEach(s -> o.put(s, "******"));
    } else if (node.isArray()) {
      node.forEach(SettingsJson::mask);
    }
  }
}
