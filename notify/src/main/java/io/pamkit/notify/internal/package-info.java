/** Implementation details of pamkit notify. Not exported; no compatibility promise. */
@NullMarked
package io.pamkit.notify.internal;

import org.jspecify.annotations.NullMarked;
