// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The pamkit authors

package io.pamkit.testing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Assertions on a named module's descriptor, so that a module test states the exact set of exported
 * packages (STYLE: "a test asserts the exact set of exported packages") instead of checking that
 * some are there.
 *
 * <pre>{@code
 * ModuleDescriptorAssert.assertThatModuleOf(FakeClock.class)
 *     .hasName("io.pamkit.testing")
 *     .exportsExactly("io.pamkit.testing")
 *     .exportsNoInternalPackageToEveryone();
 * }</pre>
 *
 * <p>This example is compiled and run by the testing module's {@code JavadocExamplesTest}.
 *
 * <p>It also checks that each exported package's {@code package-info.java} lists the package's
 * public top-level types ({@link #listsPublicTypesInPackageInfos(Path)}), so that a type cannot
 * become public API without someone writing down why.
 *
 * <p>Failures throw {@link AssertionError} with the expected and the actual sets, so it works with
 * any test framework. Immutable.
 */
public final class ModuleDescriptorAssert {
  /** The heading that opens a package-info's list of public types. */
  private static final String HEADING = "<h2>Public types</h2>";

  private static final Pattern LISTED = Pattern.compile("<li>\\s*\\{@link\\s+([\\w.]+)\\s*}");

  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "\\bpublic\\b[^;]*?(?<![\\w@])(?:class|interface|enum|record|@\\s*interface)\\s+(\\w+)");

  private final ModuleDescriptor descriptor;

  private ModuleDescriptorAssert(ModuleDescriptor descriptor) {
    this.descriptor = descriptor;
  }

  /**
   * Starts assertions on the module that holds a class.
   *
   * @param type a class of the module
   * @return the assertions
   * @throws AssertionError if the class is not in a named module (the test runs on the class path)
   */
  public static ModuleDescriptorAssert assertThatModuleOf(Class<?> type) {
    Module m = requireNonNull(type, "type").getModule();
    ModuleDescriptor d = m.getDescriptor();
    if (!m.isNamed() || d == null) {
      throw new AssertionError(
          type.getName() + " is not in a named module; run the test on the" + " module path");
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
   * Asserts the exact set of packages exported to every module (qualified exports are not counted).
   *
   * @param packages the expected packages
   * @return this
   */
  public ModuleDescriptorAssert exportsExactly(String... packages) {
    Set<String> actual =
        descriptor.exports().stream()
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
    ModuleDescriptor.Exports e =
        descriptor.exports().stream()
            .filter(x -> x.source().equals(pkg))
            .findFirst()
            .orElseThrow(() -> new AssertionError(descriptor.name() + " does not export " + pkg));
    if (!e.isQualified()) {
      throw new AssertionError(
          pkg + " is exported to everyone; expected only to " + Set.of(modules));
    }
    same(
        "targets of the export of " + pkg,
        new TreeSet<>(Set.of(modules)),
        new TreeSet<>(e.targets()));
    return this;
  }

  /**
   * Asserts that no package whose name has an {@code internal} segment is exported to everyone.
   *
   * @return this
   */
  public ModuleDescriptorAssert exportsNoInternalPackageToEveryone() {
    Set<String> leaked =
        descriptor.exports().stream()
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
    Set<String> actual =
        descriptor.provides().stream()
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
      throw new AssertionError(
          descriptor.name()
              + " "
              + what
              + ": expected "
              + expected
              + " but was "
              + actual
              + " (missing "
              + missing
              + ", unexpected "
              + extra
              + ")");
    }
  }

  /**
   * Asserts that the module exports no package to named modules only ({@code exports ... to}); with
   * {@link #exportsExactly(String...)} this states the module's whole export list.
   *
   * @return this
   */
  public ModuleDescriptorAssert exportsNothingQualified() {
    Set<String> qualified =
        descriptor.exports().stream()
            .filter(ModuleDescriptor.Exports::isQualified)
            .map(e -> e.source() + " to " + new TreeSet<>(e.targets()))
            .collect(Collectors.toCollection(TreeSet::new));
    if (!qualified.isEmpty()) {
      throw new AssertionError(descriptor.name() + " has qualified exports: " + qualified);
    }
    return this;
  }

  /**
   * Asserts that every package this module exports to everyone lists its public top-level types in
   * its {@code package-info.java}; see {@link #assertPackageInfosListPublicTypes(Path, Set)}.
   *
   * @param sourceRoot the module's main source root, such as {@code Path.of("src/main/java")}
   *     (tests run in the module's directory)
   * @return this
   */
  public ModuleDescriptorAssert listsPublicTypesInPackageInfos(Path sourceRoot) {
    assertPackageInfosListPublicTypes(
        sourceRoot,
        descriptor.exports().stream()
            .filter(e -> !e.isQualified())
            .map(ModuleDescriptor.Exports::source)
            .collect(Collectors.toSet()));
    return this;
  }

  /**
   * Asserts that the {@code package-info.java} of each package lists exactly the package's public
   * top-level types. The list is the section that starts with the heading {@code <h2>Public
   * types</h2>}: an HTML list whose items each open with {@code {@link Name}} (the simple name, or
   * the qualified one) and go on to say why the type is public, up to the list's {@code </ul>}.
   *
   * <pre>{@code
   * <h2>Public types</h2>
   *
   * <ul>
   *   <li>{@link EventDispatcher}: the engine users build and publish events to.
   * </ul>
   * }</pre>
   *
   * <p>Types are read from the sources without compiling them: a type counts when a {@code .java}
   * file directly in the package's directory declares it {@code public} outside every brace
   * (comments, strings and character literals are skipped). Nested types are not listed.
   *
   * @param sourceRoot the main source root, such as {@code Path.of("src/main/java")}
   * @param packages the packages to check, for example the ones the module exports
   * @throws AssertionError naming, per package, every public type missing from the list and every
   *     listed name that is not a public top-level type of the package (or naming the package whose
   *     package-info or list is missing)
   * @throws UncheckedIOException if a source file cannot be read
   */
  public static void assertPackageInfosListPublicTypes(Path sourceRoot, Set<String> packages) {
    requireNonNull(sourceRoot, "sourceRoot");
    List<String> failures = new ArrayList<>();
    for (String pkg : new TreeSet<>(requireNonNull(packages, "packages"))) {
      Path dir = sourceRoot.resolve(pkg.replace('.', '/'));
      Path info = dir.resolve("package-info.java");
      if (!Files.isRegularFile(info)) {
        failures.add(pkg + ": no " + info);
        continue;
      }
      String doc = read(info);
      int at = doc.indexOf(HEADING);
      if (at < 0) {
        failures.add(pkg + ": package-info.java has no " + HEADING + " section");
        continue;
      }
      int end = doc.indexOf("</ul>", at);
      Matcher m = LISTED.matcher(end < 0 ? doc.substring(at) : doc.substring(at, end));
      Set<String> listed = new TreeSet<>();
      while (m.find()) {
        String name = m.group(1);
        listed.add(name.substring(name.lastIndexOf('.') + 1));
      }
      Set<String> actual = publicTopLevelTypes(dir);
      Set<String> missing = new TreeSet<>(actual);
      missing.removeAll(listed);
      Set<String> stale = new TreeSet<>(listed);
      stale.removeAll(actual);
      if (!missing.isEmpty()) {
        failures.add(pkg + ": public types not listed in package-info.java: " + missing);
      }
      if (!stale.isEmpty()) {
        failures.add(
            pkg
                + ": listed in package-info.java but not a public top-level type of"
                + " the package: "
                + stale);
      }
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          "package-info \"Public types\" lists are out of date:\n  "
              + String.join("\n  ", failures));
    }
  }

  private static Set<String> publicTopLevelTypes(Path dir) {
    Set<String> types = new TreeSet<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".java")
            || name.equals("package-info.java")
            || name.equals("module-info.java")) {
          continue;
        }
        Matcher m = PUBLIC_TYPE.matcher(topLevelCode(read(f)));
        while (m.find()) {
          types.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return types;
  }

  /**
   * Returns the code outside every brace, without comments and literals, so that what remains are
   * the package and import statements and the top-level declarations' headers.
   */
  static String topLevelCode(String src) {
    StringBuilder out = new StringBuilder(src.length());
    int depth = 0;
    int i = 0;
    int n = src.length();
    while (i < n) {
      char c = src.charAt(i);
      if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
        int eol = src.indexOf('\n', i);
        i = eol < 0 ? n : eol;
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
        int close = src.indexOf("*/", i + 2);
        i = close < 0 ? n : close + 2;
        out.append(' ');
      } else if (src.startsWith("\"\"\"", i)) {
        int close = i + 3;
        while (close < n && !src.startsWith("\"\"\"", close)) {
          close += src.charAt(close) == '\\' ? 2 : 1;
        }
        i = Math.min(n, close + 3);
        out.append(' ');
      } else if (c == '"' || c == '\'') {
        int j = i + 1;
        while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
          j += src.charAt(j) == '\\' ? 2 : 1;
        }
        i = j + 1;
        out.append(' ');
      } else {
        if (c == '{') {
          depth++;
          out.append(' ');
        } else if (c == '}') {
          depth = Math.max(0, depth - 1);
          out.append(' ');
        } else if (depth == 0) {
          out.append(c);
        }
        i++;
      }
    }
    return out.toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
