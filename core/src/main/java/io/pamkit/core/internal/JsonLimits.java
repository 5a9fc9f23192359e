// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.core.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The read limits of every Jackson mapper in pamkit that reads outside input (the configuration
 * document, the outbox journal, HTTP response bodies), so that a hostile or broken document fails
 * with a parse error instead of exhausting memory or the stack.
 *
 * <p>Limits: a document of at most 32 MiB, nesting at most 64 levels, strings at most 16 Mi
 * characters, names at most 64 Ki characters, numbers at most 100 characters. Jackson's own
 * defaults leave the document length unlimited and allow 500 levels and 1000-digit numbers.
 */
public final class JsonLimits {
  private JsonLimits() {}

  /**
   * Returns the constraints.
   *
   * @return the stream read constraints pamkit's mappers use
   */
  public static StreamReadConstraints constraints() {
    return StreamReadConstraints.builder()
        .maxDocumentLength(32L * 1024 * 1024)
        .maxNestingDepth(64)
        .maxStringLength(16 * 1024 * 1024)
        .maxNameLength(64 * 1024)
        .maxNumberLength(100)
        .build();
  }

  /**
   * Returns a mapper builder whose factory has the {@link #constraints()}.
   *
   * @return a new builder
   */
  public static JsonMapper.Builder mapperBuilder() {
    return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints()).build());
  }
}
