// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.policy.ServiceState;
import io.pamkit.sessionlink.internal.Json;
import io.pamkit.sessionlink.internal.SchemaValidator;
import io.pamkit.sessionlink.internal.ServicesConfigJson;
import io.pamkit.sessionlink.model.ApiError;
import io.pamkit.sessionlink.model.ApplianceStatus;
import io.pamkit.sessionlink.model.LoginResponse;
import io.pamkit.sessionlink.model.ManagedNetwork;
import io.pamkit.sessionlink.model.NetworkMember;
import io.pamkit.sessionlink.model.NetworkSubnet;
import io.pamkit.sessionlink.model.ProductVersion;
import io.pamkit.sessionlink.model.SessionModuleConnection;
import io.pamkit.sessionlink.model.SessionModuleConnectionPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field of every OpenAPI schema the link uses survives read then write: a sample document
 * with a non-default value in each field is generated from the shipped OpenAPI file, read into the
 * value type and written back.
 */
final class JsonRoundTripTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  static Stream<Arguments> schemas() {
    Map<String, Class<?>> types = new java.util.LinkedHashMap<>();
    types.put("SessionModuleConnection", SessionModuleConnection.class);
    types.put("SessionModuleConnectionPolicy", SessionModuleConnectionPolicy.class);
    types.put("NetworkMember", NetworkMember.class);
    types.put("ManagedNetwork", ManagedNetwork.class);
    types.put("NetworkSubnet", NetworkSubnet.class);
    types.put("ApiError", ApiError.class);
    types.put("LoginResponse", LoginResponse.class);
    types.put("ProductVersion", ProductVersion.class);
    types.put("Status", ApplianceStatus.class);
    return types.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void readThenWrite_keepsEveryField(String schema, Class<?> type) throws Exception {
    ObjectNode sample = (ObjectNode) sample(SchemaValidator.shipped().schema(schema), 0);
    assertEquals(
        fieldNames(SchemaValidator.shipped().schema(schema).path("properties")),
        fieldNames(sample),
        "the sample fills every field of " + schema);
    assertEquals(
        List.of(), SchemaValidator.shipped().validate(schema, sample), "the sample is valid");
    Object value = Json.mapper().treeToValue(sample, type);
    JsonNode written = Json.mapper().valueToTree(value);
    assertEquals(sample, written, schema + " lost or changed a field");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("schemas")
  void enumsOfSchema_allReadAndWriteBack(String schema, Class<?> type) throws Exception {
    JsonNode props = SchemaValidator.shipped().schema(schema).path("properties");
    for (Map.Entry<String, JsonNode> p : props.properties()) {
      JsonNode s = resolve(p.getValue());
      if (!s.has("enum")) {
        continue;
      }
      for (JsonNode v : s.get("enum")) {
        ObjectNode doc = (ObjectNode) sample(SchemaValidator.shipped().schema(schema), 0);
        doc.set(p.getKey(), v);
        JsonNode written = Json.mapper().valueToTree(Json.mapper().treeToValue(doc, type));
        assertEquals(v, written.get(p.getKey()), schema + "." + p.getKey() + " = " + v);
      }
    }
    assertTrue(props.size() > 0);
  }

  @Test
  void servicesConfig_everyFieldReadOntoCoreServicesAndWrittenBack() {
    ObjectNode sample = (ObjectNode) sample(SchemaValidator.shipped().schema("ServicesConfig"), 0);
    assertEquals(List.of(), SchemaValidator.shipped().validate("ServicesConfig", sample));
    ServiceState state = ServicesConfigJson.read(sample, ServiceState.defaults());
    assertEquals(
        sample, ServicesConfigJson.write(state), "ServicesConfig lost or changed a switch");
  }

  @Test
  void servicesConfig_unknownOrNonBooleanField_validationExceptionWithPath() {
    ObjectNode bad = F.objectNode().put("PasswordChangeEnabled", 1).put("NoSuchEnabled", true);
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> ServicesConfigJson.read(bad, ServiceState.defaults()));
    assertEquals(
        List.of("$.PasswordChangeEnabled", "$.NoSuchEnabled"),
        e.violations().stream().map(Violation::path).toList());
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    names.sort(null);
    return names;
  }

  private static JsonNode resolve(JsonNode schema) {
    JsonNode s = schema;
    while (s.has("$ref")) {
      String ref = s.get("$ref").asText();
      s = SchemaValidator.shipped().schema(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return s;
  }

  /** A value for every field, each different from the schema default. */
  static JsonNode sample(JsonNode rawSchema, int depth) {
    JsonNode s = resolve(rawSchema);
    if (s.has("enum")) {
      return s.get("enum").get(s.get("enum").size() - 1);
    }
    switch (s.path("type").asText()) {
      case "object":
        ObjectNode o = F.objectNode();
        for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
          if (depth >= 2 && resolve(p.getValue()).path("type").asText().equals("object")) {
            continue;
          }
          o.set(p.getKey(), sampleField(p.getKey(), p.getValue(), depth));
        }
        return o;
      case "array":
        ArrayNode a = F.arrayNode();
        a.add(sample(s.get("items"), depth + 1));
        return a;
      case "integer":
        return F.numberNode(7);
      case "boolean":
        return F.booleanNode(!s.path("default").asBoolean(false));
      case "string":
        return "date-time".equals(s.path("format").asText())
            ? F.textNode("2026-01-02T03:04:05Z")
            : F.textNode("value");
      default:
        throw new AssertionError("unexpected schema " + s);
    }
  }

  private static JsonNode sampleField(String name, JsonNode schema, int depth) {
    JsonNode v = sample(schema, depth + 1);
    return v.isTextual() && v.asText().equals("value") ? F.textNode("v-" + name) : v;
  }
}
