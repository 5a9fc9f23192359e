/**
 * Clients of the password appliance's (SPP) and the session appliance's (SPS) link API, on {@code
 * java.net.http}, and the link rules as code.
 *
 * <p>Entry points: {@link io.pamkit.sessionlink.SppClient} (login and token renewal, session
 * connections, their policies, members and managed networks, the link's switches, the services
 * configuration mapped onto core's {@link io.pamkit.core.policy.ServiceState}, version and status),
 * {@link io.pamkit.sessionlink.SpsClient} (the SPS side of the join), {@link
 * io.pamkit.sessionlink.LinkRules}, {@link io.pamkit.sessionlink.JoinPreflight} and {@link
 * io.pamkit.sessionlink.SessionsInitiatedWorkflow} (rules, no network). The wire records the
 * clients take and return are in {@link io.pamkit.sessionlink.model}. Every failure is a {@link
 * io.pamkit.sessionlink.SessionLinkException} subtype; bad arguments are {@link
 * io.pamkit.core.ValidationException}s naming the field.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, clients are thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.sessionlink;

import org.jspecify.annotations.NullMarked;
