// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.ValidationException;
import io.pamkit.core.Violation;
import io.pamkit.core.policy.Service;
import io.pamkit.core.policy.ServiceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps the password appliance's {@code ServicesConfig} JSON (field name to boolean, the Enable or
 * Disable Services page) onto core's {@link Service} and {@link ServiceState}, so the service
 * switches have one model in pamkit. The field names are core's {@link Service#wireName()}s of the
 * services with {@link Service#inServicesConfig()}.
 */
public final class ServicesConfigJson {
  /**
   * The switches that {@code ServicesConfig/{serviceName}} does not accept (the API's {@code
   * ServiceEnabled} enum lacks them); they change only with the whole configuration.
   */
  private static final Set<Service> NOT_ONE_BY_ONE =
      Set.of(Service.FILE_CHECK_ENABLED, Service.FILE_CHANGE_ENABLED);

  private ServicesConfigJson() {}

  /**
   * Reads a {@code ServicesConfig} object onto a state: the fields present set their switch, an
   * absent field keeps {@code base}'s value.
   *
   * @param node the JSON object
   * @param base the state to start from, e.g. {@link ServiceState#defaults()}
   * @return the state
   * @throws ValidationException naming each field that is not a {@code ServicesConfig} switch or
   *     not a boolean
   */
  public static ServiceState read(JsonNode node, ServiceState base) {
    requireNonNull(node, "node");
    requireNonNull(base, "base");
    List<Violation> problems = new ArrayList<>();
    if (!node.isObject()) {
      throw new ValidationException(List.of(new Violation("$", "must be an object")));
    }
    ServiceState.Builder b = base.toBuilder();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String path = "$." + e.getKey();
      Service s = Service.fromWireName(e.getKey()).filter(Service::inServicesConfig).orElse(null);
      if (s == null) {
        problems.add(new Violation(path, "is not a ServicesConfig switch"));
      } else if (!e.getValue().isBoolean()) {
        problems.add(new Violation(path, "must be a boolean"));
      } else {
        b.enabled(s, e.getValue().booleanValue());
      }
    }
    if (!problems.isEmpty()) {
      throw new ValidationException(problems);
    }
    return b.build();
  }

  /**
   * Writes the {@code ServicesConfig} part of a state: every switch of the page, in core's order.
   *
   * @param state the state
   * @return a new JSON object
   */
  public static ObjectNode write(ServiceState state) {
    requireNonNull(state, "state");
    ObjectNode out = Json.mapper().createObjectNode();
    state.servicesConfig().forEach(out::put);
    return out;
  }

  /**
   * Returns the {@code {serviceName}} path segment of the one-switch endpoint.
   *
   * @param service the switch
   * @return its API name
   * @throws IllegalArgumentException if the endpoint does not accept it (not a {@code
   *     ServicesConfig} switch, or {@code FileCheckEnabled}/{@code FileChangeEnabled})
   */
  public static String endpointName(Service service) {
    requireNonNull(service, "service");
    if (!service.inServicesConfig()) {
      throw new IllegalArgumentException(
          service.wireName() + " is not a ServicesConfig switch; it has an endpoint of its own");
    }
    if (NOT_ONE_BY_ONE.contains(service)) {
      throw new IllegalArgumentException(
          service.wireName()
              + " is not a ServiceEnabled value; change it with updateServicesConfig");
    }
    return service.wireName();
  }
}
