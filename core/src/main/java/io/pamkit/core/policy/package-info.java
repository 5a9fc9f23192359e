/**
 * Policy: the service-toggle engine (every switch of the appliance's Enable or Disable Services page) and the trusted servers, CORS and redirect rules.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null, value types are
 * immutable and thread-safe, and builders are not thread-safe.
 */
@NullMarked
package io.pamkit.core.policy;

import org.jspecify.annotations.NullMarked;
