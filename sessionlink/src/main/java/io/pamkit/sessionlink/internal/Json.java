// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The one Jackson configuration of the wire: PascalCase names come from the value types'
 * annotations, nulls are not written, date-times are ISO-8601 instants, and reading is tolerant of
 * fields and enum values a newer appliance may add (the simulator, not the client, is strict).
 * Reading is bounded by Jackson's {@link StreamReadConstraints}: {@link #MAX_DOCUMENT_BYTES}, a
 * nesting depth of 64 and strings of at most a million characters.
 */
public final class Json {
  /** The largest JSON document (and HTTP body) the appliance clients read, in bytes. */
  public static final int MAX_DOCUMENT_BYTES = 8 * 1024 * 1024;

  private static final ObjectMapper MAPPER = create();

  private Json() {}

  /**
   * Returns the shared, thread-safe mapper.
   *
   * @return the mapper
   */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  private static ObjectMapper create() {
    SimpleModule time = new SimpleModule("pamkit-instant");
    time.addSerializer(
        Instant.class,
        new JsonSerializer<Instant>() {
          @Override
          public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers)
              throws IOException {
            gen.writeString(value.toString());
          }
        });
    time.addDeserializer(
        Instant.class,
        new JsonDeserializer<Instant>() {
          @Override
          public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
              return parseInstant(text);
            } catch (DateTimeParseException e) {
              return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not a date-time");
            }
          }
        });
    // Appliance answers are small; a hostile or broken peer must not make the client build
    // unbounded documents (security review M14).
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxDocumentLength(MAX_DOCUMENT_BYTES)
                    .maxNestingDepth(64)
                    .maxStringLength(1_000_000)
                    .maxNumberLength(64)
                    .maxNameLength(1_000)
                    .build())
            .build();
    return JsonMapper.builder(factory)
        .addModule(time)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
  }

  /**
   * Parses an OpenAPI {@code date-time}: with an offset, or (as the appliance also writes them)
   * without one, meaning UTC.
   *
   * @param text the value
   * @return the instant
   * @throws DateTimeParseException if the text is not a date-time
   */
  public static Instant parseInstant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC);
    }
  }
}
