/** JMH benchmarks of pamkit. */
package io.pamkit.benchmarks;
