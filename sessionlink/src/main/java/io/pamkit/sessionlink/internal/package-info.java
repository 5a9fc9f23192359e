/**
 * Implementation details of pamkit sessionlink: the wire JSON configuration, the OpenAPI schema
 * validator and its shipped schema subset, error mapping, the in-memory certificate authority of
 * the simulators and the TLS probe. Not exported; no compatibility promise.
 */
@NullMarked
package io.pamkit.sessionlink.internal;

import org.jspecify.annotations.NullMarked;
