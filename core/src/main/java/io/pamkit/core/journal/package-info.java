/**
 * The durable journal: pamkit's record of every accepted notification until it is delivered,
 * dead-lettered (with its reason) or purged, in segmented append-only files with a checksum per
 * record, written by one thread with group commit. {@link io.pamkit.core.journal.Journal} is the
 * entry point; it is an {@link io.pamkit.core.dispatch.Outbox} and a {@link
 * io.pamkit.core.dispatch.DeadLetterSink} for the dispatcher.
 */
@NullMarked
package io.pamkit.core.journal;

import org.jspecify.annotations.NullMarked;
