// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.notify.approval;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.notify.email.ApprovalDecision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The durable memory of the approval workflow: the reply messages already processed and the access
 * requests already decided (per approver), so that a replayed reply, or a second reply for a
 * decided request, is refused after a restart too. Tokens need no state; this is all that must
 * survive.
 *
 * <p>The state is one small JSON file, rewritten whole on every change: written to a temporary file
 * in the same directory, forced to disk ({@code fsync}), renamed over the old file atomically, and
 * the directory forced so that the rename itself is durable. A crash leaves either the old or the
 * new file, never a torn one. Each entry keeps the expiry of the token it belongs to; entries whose
 * expiry has passed are pruned on every write (a replay of them is refused anyway, as its token has
 * expired). The store is bounded: when it holds {@code maxEntries} live entries a new one is
 * refused with an {@link IllegalStateException} rather than forgetting a live one, since forgetting
 * would reopen a replay.
 *
 * <p>One process should use a file at a time. Thread-safe.
 */
public final class ApprovalStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A decided request. */
  private record Decided(ApprovalDecision decision, String approver, Instant expires) {}

  private final Path file;
  private final int maxEntries;
  private final Map<String, Instant> messages = new LinkedHashMap<>();
  private final Map<String, Decided> requests = new LinkedHashMap<>();

  private ApprovalStore(Path file, int maxEntries) {
    this.file = file;
    this.maxEntries = maxEntries;
  }

  /**
   * Opens (or creates on first write) the store at {@code file}, bounded to 100,000 entries.
   *
   * @param file the state file; its directory must exist
   * @return the store
   * @throws io.pamkit.core.ValidationException if the file exists but is not a store
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ApprovalStore open(Path file) {
    return open(file, 100_000);
  }

  /**
   * Opens (or creates on first write) the store at {@code file}.
   *
   * @param file the state file; its directory must exist
   * @param maxEntries the most live entries (messages plus requests) it keeps, at least 1
   * @return the store
   * @throws IllegalArgumentException if {@code maxEntries} is below 1
   * @throws io.pamkit.core.ValidationException if the file exists but is not a store
   * @throws UncheckedIOException if the file cannot be read
   */
  public static ApprovalStore open(Path file, int maxEntries) {
    requireNonNull(file, "file");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1, got " + maxEntries);
    }
    ApprovalStore s = new ApprovalStore(file.toAbsolutePath(), maxEntries);
    s.load();
    return s;
  }

  /**
   * Returns the state file.
   *
   * @return the path
   */
  public Path file() {
    return file;
  }

  /**
   * Returns whether a reply message was processed already.
   *
   * @param messageKey the reply's {@code Message-ID} (or the workflow's digest of a message without
   *     one)
   * @return true if it was recorded
   */
  public synchronized boolean processed(String messageKey) {
    return messages.containsKey(requireNonNull(messageKey, "messageKey"));
  }

  /**
   * Returns the decision recorded for an access request: {@link ApprovalDecision#REJECTED} if any
   * approver rejected it, else {@link ApprovalDecision#APPROVED} if any approved it.
   *
   * @param requestId the access request id
   * @return the decision, or empty when none is recorded
   */
  public synchronized Optional<ApprovalDecision> decision(String requestId) {
    requireNonNull(requestId, "requestId");
    ApprovalDecision found = null;
    for (Map.Entry<String, Decided> e : requests.entrySet()) {
      if (requestOf(e.getKey()).equals(requestId)) {
        if (e.getValue().decision() == ApprovalDecision.REJECTED) {
          return Optional.of(ApprovalDecision.REJECTED);
        }
        found = e.getValue().decision();
      }
    }
    return Optional.ofNullable(found);
  }

  /**
   * Returns the decision one approver gave on an access request.
   *
   * @param requestId the access request id
   * @param approver the approver's address
   * @return the decision, or empty when that approver has not decided
   */
  public synchronized Optional<ApprovalDecision> decision(String requestId, String approver) {
    Decided d = requests.get(key(requestId, approver));
    return d == null ? Optional.empty() : Optional.of(d.decision());
  }

  /** Entries are per request and approver, so that a request needing two approvals gets both. */
  private static String key(String requestId, String approver) {
    return requireNonNull(requestId, "requestId") + " " + requireNonNull(approver, "approver");
  }

  private static String requestOf(String key) {
    return key.substring(0, key.lastIndexOf(' '));
  }

  /**
   * Records a processed reply message (whatever its outcome) and makes it durable.
   *
   * @param messageKey the reply's key
   * @param keepUntil when the entry may be pruned (the expiry of the token it carried)
   * @param now the current time, for pruning
   * @throws IllegalStateException if the store is full of live entries
   * @throws UncheckedIOException if the file cannot be written
   */
  public synchronized void recordMessage(String messageKey, Instant keepUntil, Instant now) {
    requireNonNull(messageKey, "messageKey");
    requireNonNull(keepUntil, "keepUntil");
    prune(now);
    if (!messages.containsKey(messageKey)) {
      ensureRoom();
    }
    messages.put(messageKey, keepUntil);
    save();
  }

  /**
   * Records a decided request together with the reply that decided it, and makes both durable.
   *
   * @param requestId the access request id
   * @param approver the approver who decided
   * @param decision approved or rejected
   * @param messageKey the deciding reply's key
   * @param keepUntil when the entries may be pruned (the token's expiry)
   * @param now the current time, for pruning
   * @throws IllegalStateException if the store is full of live entries
   * @throws UncheckedIOException if the file cannot be written
   */
  public synchronized void recordDecision(
      String requestId,
      String approver,
      ApprovalDecision decision,
      String messageKey,
      Instant keepUntil,
      Instant now) {
    requireNonNull(requestId, "requestId");
    requireNonNull(approver, "approver");
    requireNonNull(decision, "decision");
    requireNonNull(messageKey, "messageKey");
    requireNonNull(keepUntil, "keepUntil");
    prune(now);
    String k = key(requestId, approver);
    if (!requests.containsKey(k)) {
      ensureRoom();
    }
    requests.put(k, new Decided(decision, approver, keepUntil));
    if (!messages.containsKey(messageKey)) {
      ensureRoom();
    }
    messages.put(messageKey, keepUntil);
    save();
  }

  /**
   * Returns how many live entries (messages plus requests) the store holds.
   *
   * @return the count
   */
  public synchronized int size() {
    return messages.size() + requests.size();
  }

  /** Returns the file and the number of entries. */
  @Override
  public synchronized String toString() {
    return "ApprovalStore{file=" + file + ", entries=" + size() + "}";
  }

  private void ensureRoom() {
    if (size() >= maxEntries) {
      throw new IllegalStateException(
          "the approval store "
              + file
              + " holds "
              + maxEntries
              + " live entries; raise maxEntries or shorten the token lifetime");
    }
  }

  private void prune(Instant now) {
    requireNonNull(now, "now");
    for (Iterator<Instant> it = messages.values().iterator(); it.hasNext(); ) {
      if (!now.isBefore(it.next())) {
        it.remove();
      }
    }
    for (Iterator<Decided> it = requests.values().iterator(); it.hasNext(); ) {
      if (!now.isBefore(it.next().expires())) {
        it.remove();
      }
    }
  }

  private void load() {
    if (!Files.exists(file)) {
      return;
    }
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new io.pamkit.core.ValidationException(
          "$", "the approval store " + file + " is not readable JSON: " + e.getMessage());
    }
    if (root == null || root.path("Version").asInt() != 1) {
      throw new io.pamkit.core.ValidationException(
          "$.Version", "the approval store " + file + " must have Version 1");
    }
    root.path("Messages")
        .properties()
        .forEach(e -> messages.put(e.getKey(), Instant.ofEpochSecond(e.getValue().asLong())));
    root.path("Requests")
        .properties()
        .forEach(
            e -> {
              JsonNode d = e.getValue();
              ApprovalDecision decision;
              try {
                decision = ApprovalDecision.valueOf(d.path("Decision").asText());
              } catch (IllegalArgumentException ex) {
                throw new io.pamkit.core.ValidationException(
                    "$.Requests." + e.getKey() + ".Decision", "must be APPROVED or REJECTED");
              }
              requests.put(
                  e.getKey(),
                  new Decided(
                      decision,
                      d.path("Approver").asText(),
                      Instant.ofEpochSecond(d.path("Expires").asLong())));
            });
  }

  private void save() {
    ObjectNode root = JSON.createObjectNode();
    root.put("Version", 1);
    ObjectNode m = root.putObject("Messages");
    messages.forEach((k, v) -> m.put(k, v.getEpochSecond()));
    ObjectNode r = root.putObject("Requests");
    requests.forEach(
        (k, v) ->
            r.putObject(k)
                .put("Decision", v.decision().name())
                .put("Approver", v.approver())
                .put("Expires", v.expires().getEpochSecond()));
    Path dir = file.getParent();
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      byte[] bytes = JSON.writeValueAsBytes(root);
      try (FileChannel ch =
          FileChannel.open(
              tmp,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      if (dir != null) {
        forceDirectory(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the approval store " + file, e);
    }
  }

  private static void forceDirectory(Path dir) {
    // Makes the rename durable on Linux and macOS; Windows cannot open a directory, and there the
    // rename is journaled by NTFS.
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      // best effort, see above
    }
  }
}
