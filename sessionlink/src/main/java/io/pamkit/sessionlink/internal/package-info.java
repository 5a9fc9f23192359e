/** Implementation details of pamkit sessionlink (wire JSON). Not exported; no compatibility promise. */
@NullMarked
package io.pamkit.sessionlink.internal;

import org.jspecify.annotations.NullMarked;
