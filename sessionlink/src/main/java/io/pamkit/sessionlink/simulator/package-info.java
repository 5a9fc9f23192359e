/**
 * An embeddable HTTPS simulator of the appliance side of the link protocol, for tests and demos.
 *
 * <p>Unless a type says otherwise, parameters and return values are never null.
 */
@NullMarked
package io.pamkit.sessionlink.simulator;

import org.jspecify.annotations.NullMarked;
