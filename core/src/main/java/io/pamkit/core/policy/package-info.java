/**
 * Policy: the service-toggle engine (every switch of the appliance's Enable or Disable Services
 * page) and the trusted servers, CORS and redirect rules.
 *
 * <p>Entry points:
 *
 * <ul>
 *   <li>{@link io.pamkit.core.policy.ServiceToggles} — the engine; {@link
 *       io.pamkit.core.policy.Service} lists the switches under the API's names, {@link
 *       io.pamkit.core.policy.ServiceState} is the state as a plain value for the configuration
 *       document, {@link io.pamkit.core.policy.TaskGate} guards scheduled and manual tasks.
 *   <li>{@link io.pamkit.core.policy.TrustedServers} — is this CORS origin, this login redirect
 *       or this host trusted; {@link io.pamkit.core.policy.TrustedServer} documents the entry
 *       forms and exactly what a wildcard matches.
 * </ul>
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe. {@code ServiceToggles} is
 * thread-safe: checks are lock-free and allocation-free; changes are serialised and call the
 * event publisher and the request listeners on the changing thread.
 */
@NullMarked
package io.pamkit.core.policy;

import org.jspecify.annotations.NullMarked;
