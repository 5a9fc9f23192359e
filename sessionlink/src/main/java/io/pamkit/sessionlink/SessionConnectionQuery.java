// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.sessionlink;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The query options of {@code GET Cluster/SessionModules}: {@code includeDisconnected}, {@code
 * filter}, {@code orderby}, {@code page}, {@code limit}, {@code fields} and {@code q}, named as the
 * API names them.
 *
 * <p>Immutable and thread-safe; the builder is not.
 */
public final class SessionConnectionQuery {
  private final boolean includeDisconnected;
  private final @Nullable String filter;
  private final @Nullable String orderBy;
  private final @Nullable Integer page;
  private final @Nullable Integer limit;
  private final @Nullable String fields;
  private final @Nullable String q;

  private SessionConnectionQuery(Builder b) {
    this.includeDisconnected = b.includeDisconnected;
    this.filter = b.filter;
    this.orderBy = b.orderBy;
    this.page = b.page;
    this.limit = b.limit;
    this.fields = b.fields;
    this.q = b.q;
  }

  /**
   * Returns the query of the plain list: linked connections only, no options.
   *
   * @return the default query
   */
  public static SessionConnectionQuery defaults() {
    return builder().build();
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder holding this query's options.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.includeDisconnected = includeDisconnected;
    b.filter = filter;
    b.orderBy = orderBy;
    b.page = page;
    b.limit = limit;
    b.fields = fields;
    b.q = q;
    return b;
  }

  /**
   * Returns whether soft-deleted (disconnected) connections are listed too.
   *
   * @return the {@code includeDisconnected} option
   */
  public boolean includeDisconnected() {
    return includeDisconnected;
  }

  /**
   * Returns the query parameters, in API spelling, without the absent ones.
   *
   * @return parameter name to value
   */
  public Map<String, String> parameters() {
    Map<String, String> p = new LinkedHashMap<>();
    if (includeDisconnected) {
      p.put("includeDisconnected", "true");
    }
    if (filter != null) {
      p.put("filter", filter);
    }
    if (orderBy != null) {
      p.put("orderby", orderBy);
    }
    if (page != null) {
      p.put("page", page.toString());
    }
    if (limit != null) {
      p.put("limit", limit.toString());
    }
    if (fields != null) {
      p.put("fields", fields);
    }
    if (q != null) {
      p.put("q", q);
    }
    return p;
  }

  /** Returns the query parameters, for logs (no secrets in them). */
  @Override
  public String toString() {
    return "SessionConnectionQuery" + parameters();
  }

  /** Builds a {@link SessionConnectionQuery}; not thread-safe. */
  public static final class Builder {
    private boolean includeDisconnected;
    private @Nullable String filter;
    private @Nullable String orderBy;
    private @Nullable Integer page;
    private @Nullable Integer limit;
    private @Nullable String fields;
    private @Nullable String q;

    private Builder() {}

    /**
     * Also lists soft-deleted (disconnected) connections. Default: false.
     *
     * @param includeDisconnected whether to include them
     * @return this builder
     */
    public Builder includeDisconnected(boolean includeDisconnected) {
      this.includeDisconnected = includeDisconnected;
      return this;
    }

    /**
     * Sets the {@code filter} expression, e.g. {@code (SpsHostName eq 'sps1') or (SpsNetworkAddress
     * eq '10.0.0.5')}. Default: none.
     *
     * @param filter the expression
     * @return this builder
     */
    public Builder filter(String filter) {
      this.filter = requireNonNull(filter, "filter");
      return this;
    }

    /**
     * Sets {@code orderby}, comma-separated field names, {@code -} for descending. Default: none.
     *
     * @param orderBy the sort fields
     * @return this builder
     */
    public Builder orderBy(String orderBy) {
      this.orderBy = requireNonNull(orderBy, "orderBy");
      return this;
    }

    /**
     * Sets the 0-based {@code page}. Default: none (all).
     *
     * @param page the page
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder page(int page) {
      if (page < 0) {
        throw new IllegalArgumentException("page " + page + " is negative; pages start at 0");
      }
      this.page = page;
      return this;
    }

    /**
     * Sets the page size, {@code limit}. Default: none.
     *
     * @param limit the size
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder limit(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit " + limit + " must be at least 1");
      }
      this.limit = limit;
      return this;
    }

    /**
     * Sets {@code fields}, the comma-separated fields to return ({@code -} prefix to exclude).
     * Default: all.
     *
     * @param fields the fields
     * @return this builder
     */
    public Builder fields(String fields) {
      this.fields = requireNonNull(fields, "fields");
      return this;
    }

    /**
     * Sets {@code q}, a text searched in every string field. Default: none.
     *
     * @param q the text
     * @return this builder
     */
    public Builder q(String q) {
      this.q = requireNonNull(q, "q");
      return this;
    }

    /**
     * Builds the query.
     *
     * @return the query
     * @throws IllegalStateException if a page is set without a limit
     */
    public SessionConnectionQuery build() {
      if (page != null && limit == null) {
        throw new IllegalStateException("page " + page + " needs a limit (the page size)");
      }
      return new SessionConnectionQuery(this);
    }
  }
}
