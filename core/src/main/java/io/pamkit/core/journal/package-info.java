// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/**
 * The durable journal: pamkit's record of every accepted notification until it is delivered,
 * dead-lettered (with its reason) or purged, in segmented append-only files with a checksum per
 * record, written by one thread with group commit. {@link io.pamkit.core.journal.Journal} is the
 * entry point; it is an {@link io.pamkit.core.dispatch.Outbox} and a {@link
 * io.pamkit.core.dispatch.DeadLetterSink} for the dispatcher.
 *
 * <h2>Public types</h2>
 *
 * <ul>
 *   <li>{@link FsyncPolicy}: when the journal forces its writes to disk; users choose it when they
 *       open a Journal.
 *   <li>{@link Journal}: the durable journal users open and give the dispatcher as its outbox and
 *       dead-letter sink.
 *   <li>{@link JournalDeadLetter}: a dead letter as the journal keeps it, which users list and
 *       re-drive after a restart.
 *   <li>{@link JournalException}: thrown to users when the journal refuses or fails an operation
 *       (locked, full, corrupt).
 *   <li>{@link RecoveryReport}: what opening a journal found, returned to users by
 *       Journal.recovery().
 * </ul>
 */
@NullMarked
package io.pamkit.core.journal;

import org.jspecify.annotations.NullMarked;
