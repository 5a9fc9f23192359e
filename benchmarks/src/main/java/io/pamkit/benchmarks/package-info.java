// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

/** JMH benchmarks of pamkit. */
package io.pamkit.benchmarks;
