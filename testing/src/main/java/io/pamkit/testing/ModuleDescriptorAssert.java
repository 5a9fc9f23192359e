package io.pamkit.testing;

import static java.util.Objects.requireNonNull;

import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Assertions on a named module's descriptor, so that a module test states the exact set of
 * exported packages (STYLE: "a test asserts the exact set of exported packages") instead of
 * checking that some are there.
 *
 * <pre>{@code
 * ModuleDescriptorAssert.assertThatModuleOf(SyslogTransport.class)
 *     .hasName("io.pamkit.notify")
 *     .exportsExactly("io.pamkit.notify", "io.pamkit.notify.syslog")
 *     .exportsNoInternalPackageToEveryone();
 * }</pre>
 *
 * <p>Failures throw {@link AssertionError} with the expected and the actual sets, so it works
 * with any test framework. Immutable.
 */
public final class ModuleDescriptorAssert {
  private final ModuleDescriptor descriptor;

  private ModuleDescriptorAssert(ModuleDescriptor descriptor) {
    this.descriptor = descriptor;
  }

  /**
   * Starts assertions on the module that holds a class.
   *
   * @param type a class of the module
   * @return the assertions
   * @throws AssertionError if the class is not in a named module (the test runs on the class
   *     path)
   */
  public static ModuleDescriptorAssert assertThatModuleOf(Class<?> type) {
    Module m = requireNonNull(type, "type").getModule();
    ModuleDescriptor d = m.getDescriptor();
    if (!m.isNamed() || d == null) {
      throw new AssertionError(type.getName() + " is not in a named module; run the test on the"
          + " module path");
    }
    return new ModuleDescriptorAssert(d);
  }

  /**
   * Returns the descriptor, for assertions this class does not offer.
   *
   * @return the descriptor
   */
  public ModuleDescriptor descriptor() {
    return descriptor;
  }

  /**
   * Asserts the module's name.
   *
   * @param name the expected name
   * @return this
   */
  public ModuleDescriptorAssert hasName(String name) {
    if (!descriptor.name().equals(name)) {
      throw new AssertionError("module name: expected " + name + " but was " + descriptor.name());
    }
    return this;
  }

  /**
   * Asserts the exact set of packages exported to every module (qualified exports are not
   * counted).
   *
   * @param packages the expected packages
   * @return this
   */
  public ModuleDescriptorAssert exportsExactly(String... packages) {
    Set<String> actual = descriptor.exports().stream()
        .filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
    same("packages exported to everyone", new TreeSet<>(Set.of(packages)), actual);
    return this;
  }

  /**
   * Asserts that a package is exported to exactly the given modules, and to no one else.
   *
   * @param pkg the package
   * @param modules the expected target modules
   * @return this
   */
  public ModuleDescriptorAssert exportsOnlyTo(String pkg, String... modules) {
    ModuleDescriptor.Exports e = descriptor.exports().stream()
        .filter(x -> x.source().equals(pkg))
        .findFirst()
        .orElseThrow(() -> new AssertionError(descriptor.name() + " does not export " + pkg));
    if (!e.isQualified()) {
      throw new AssertionError(pkg + " is exported to everyone; expected only to "
          + Set.of(modules));
    }
    same("targets of the export of " + pkg, new TreeSet<>(Set.of(modules)),
        new TreeSet<>(e.targets()));
    return this;
  }

  /**
   * Asserts that no package whose name has an {@code internal} segment is exported to everyone.
   *
   * @return this
   */
  public ModuleDescriptorAssert exportsNoInternalPackageToEveryone() {
    Set<String> leaked = descriptor.exports().stream()
        .filter(e -> !e.isQualified())
        .map(ModuleDescriptor.Exports::source)
        .filter(p -> p.endsWith(".internal") || p.contains(".internal."))
        .collect(Collectors.toCollection(TreeSet::new));
    if (!leaked.isEmpty()) {
      throw new AssertionError("internal packages exported to everyone: " + leaked);
    }
    return this;
  }

  /**
   * Asserts the exact set of providers the module declares for a service.
   *
   * @param service the service's binary name
   * @param providers the expected provider class names
   * @return this
   */
  public ModuleDescriptorAssert providesExactly(String service, String... providers) {
    Set<String> actual = descriptor.provides().stream()
        .filter(p -> p.service().equals(service))
        .flatMap(p -> p.providers().stream())
        .collect(Collectors.toCollection(TreeSet::new));
    same("providers of " + service, new TreeSet<>(Set.of(providers)), actual);
    return this;
  }

  private void same(String what, Set<String> expected, Set<String> actual) {
    if (!expected.equals(actual)) {
      Set<String> missing = new TreeSet<>(expected);
      missing.removeAll(actual);
      Set<String> extra = new TreeSet<>(actual);
      extra.removeAll(expected);
      throw new AssertionError(descriptor.name() + " " + what + ": expected " + expected
          + " but was " + actual + " (missing " + missing + ", unexpected " + extra + ")");
    }
  }
}
