// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.dispatch;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pamkit.core.event.ApplianceEvent;
import io.pamkit.core.event.EventLevel;
import io.pamkit.core.internal.JsonLimits;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file-backed {@link Outbox}: an append-only journal of JSON lines, one {@code "append"} record
 * per accepted notification and one {@code "complete"} record per finished one, each forced to disk
 * ({@code fsync}) before the call returns. Opening the file replays the journal (a torn last line,
 * left by a crash in the middle of a write, is ignored) and rewrites it with only the pending
 * entries; the journal is compacted the same way whenever finished records outnumber pending ones
 * by far.
 *
 * <p>The file holds events with their properties: protect it as you protect the appliance's events.
 * Durability costs one {@code fsync} per accepted notification and one per finished one.
 *
 * <p>Thread-safe (operations are serialised).
 */
public final class FileOutbox implements Outbox {
  private static final Logger LOG = LoggerFactory.getLogger(FileOutbox.class);
  private static final int COMPACT_AFTER = 10_000;

  private final Path file;
  private final ObjectMapper json = JsonLimits.mapperBuilder().build();
  private final Map<String, Entry> pending = new LinkedHashMap<>();
  private FileChannel channel;
  private int records;
  private boolean closed;

  private FileOutbox(Path file) {
    this.file = file;
    try {
      replay();
      this.channel = rewrite();
    } catch (IOException e) {
      throw new OutboxException("cannot open outbox " + file, e);
    }
  }

  /**
   * Opens (or creates) an outbox file and replays it.
   *
   * @param file the journal; its directory must exist
   * @return the open outbox
   * @throws OutboxException if the file cannot be read or written
   */
  public static FileOutbox open(Path file) {
    return new FileOutbox(requireNonNull(file, "file"));
  }

  /**
   * Returns the journal's path.
   *
   * @return the file
   */
  public Path file() {
    return file;
  }

  @Override
  public synchronized void append(Notification notification) {
    requireNonNull(notification, "notification");
    Entry e =
        new Entry(
            notification.idempotencyKey(),
            notification.channel(),
            notification.subscriber().id(),
            notification.event());
    write(appendRecord(e));
    pending.put(id(e.idempotencyKey(), e.channel()), e);
  }

  @Override
  public synchronized void complete(Notification notification) {
    requireNonNull(notification, "notification");
    String id = id(notification.idempotencyKey(), notification.channel());
    if (pending.remove(id) == null) {
      return;
    }
    ObjectNode record = json.createObjectNode();
    record.put("op", "complete");
    record.put("key", notification.idempotencyKey());
    record.put("channel", notification.channel());
    write(record);
    if (records > COMPACT_AFTER && records > 4 * pending.size()) {
      try {
        channel.close();
        channel = rewrite();
      } catch (IOException ex) {
        throw new OutboxException("cannot compact outbox " + file, ex);
      }
    }
  }

  @Override
  public synchronized List<Entry> pending() {
    return List.copyOf(pending.values());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      throw new OutboxException("cannot close outbox " + file, e);
    }
  }

  @Override
  public synchronized String toString() {
    return "FileOutbox{file=" + file + ", pending=" + pending.size() + "}";
  }

  private void write(ObjectNode record) {
    if (closed) {
      throw new IllegalStateException("outbox " + file + " is closed");
    }
    try {
      byte[] line = (json.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8);
      ByteBuffer buffer = ByteBuffer.wrap(line);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(false);
      records++;
    } catch (IOException e) {
      throw new OutboxException("cannot write outbox " + file, e);
    }
  }

  private void replay() throws IOException {
    if (!Files.exists(file)) {
      return;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      JsonNode record;
      try {
        record = json.readTree(line);
        String key = text(record, "key");
        String channelId = text(record, "channel");
        String op = text(record, "op");
        if (op.equals("append")) {
          pending.put(
              id(key, channelId),
              new Entry(
                  key,
                  channelId,
                  record.path("subscriberId").asInt(),
                  eventFromJson(record.path("event"))));
        } else if (op.equals("complete")) {
          pending.remove(id(key, channelId));
        } else {
          throw new IOException("unknown op '" + op + "' on line " + (i + 1));
        }
      } catch (JsonProcessingException | IllegalArgumentException e) {
        if (i == lines.size() - 1) {
          LOG.warn("Outbox {}: ignoring a torn last line (line {})", file, i + 1);
          continue;
        }
        throw new IOException("line " + (i + 1) + " of " + file + " is not a journal record", e);
      }
    }
  }

  private ObjectNode appendRecord(Entry e) {
    ObjectNode record = json.createObjectNode();
    record.put("op", "append");
    record.put("key", e.idempotencyKey());
    record.put("channel", e.channel());
    record.put("subscriberId", e.subscriberId());
    record.set("event", eventToJson(e.event()));
    return record;
  }

  /** Writes the pending entries to a new journal and atomically replaces the old one. */
  private FileChannel rewrite() throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
    try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
      StringBuilder sb = new StringBuilder();
      for (Entry e : pending.values()) {
        sb.append(json.writeValueAsString(appendRecord(e))).append('\n');
      }
      ByteBuffer buffer = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
      while (buffer.hasRemaining()) {
        out.write(buffer);
      }
      out.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    records = pending.size();
    return FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
  }

  private ObjectNode eventToJson(ApplianceEvent e) {
    ObjectNode node = json.createObjectNode();
    node.put("id", e.id());
    node.put("name", e.name());
    node.put("time", e.time().toString());
    node.put("applianceId", e.applianceId());
    node.put("level", e.level().name());
    if (e.objectType() != null && e.objectId() != null) {
      node.put("objectType", e.objectType());
      node.put("objectId", e.objectId());
    }
    ObjectNode props = node.putObject("properties");
    e.properties().forEach(props::put);
    return node;
  }

  private static ApplianceEvent eventFromJson(JsonNode node) {
    ApplianceEvent.Builder b =
        ApplianceEvent.uncheckedBuilder(text(node, "name"))
            .id(text(node, "id"))
            .time(Instant.parse(text(node, "time")))
            .applianceId(node.path("applianceId").asText(""))
            .level(EventLevel.valueOf(text(node, "level")));
    @Nullable String objectType = node.path("objectType").textValue();
    @Nullable String objectId = node.path("objectId").textValue();
    if (objectType != null && objectId != null) {
      b.object(objectType, objectId);
    }
    for (Map.Entry<String, JsonNode> p : node.path("properties").properties()) {
      b.property(p.getKey(), p.getValue().asText());
    }
    return b.build();
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("missing text field '" + field + "'");
    }
    return v.textValue();
  }

  private static String id(String key, String channel) {
    return key + '\n' + channel;
  }
}
