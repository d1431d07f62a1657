package org.qualcheck.example.apicheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.lang.reflect.Executable;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.qualcheck.api.LoadedQualification;
import org.qualcheck.api.Qualcheck;
import org.qualcheck.check.CheckResult;
import org.qualcheck.check.Plan;
import org.qualcheck.check.PlanException;
import org.qualcheck.check.PlanProblem;
import org.qualcheck.check.RuleOutcome;
import org.qualcheck.model.Level;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.rule.Bounds;
import org.qualcheck.rule.Measure;
import org.qualcheck.rule.Scope;
import org.qualcheck.rule.Total;
import org.qualcheck.spec.SpecException;

/**
 * Each fault an MIS developer met in the API, checked against the installed jars from a module
 * that reads nothing but the engine and the model: only {@code java.util} types, one way in for
 * plans with one exception, structured problems, case-free unit numbers, an optional maximum, the
 * Javadoc and sources installed, and a library that prints nothing.
 */
class ApiCheckTest {
  /** The spec, relative to the repository root, where the tests run; set in the pom. */
  static final Path SPEC = Path.of(System.getProperty("qualcheck.spec"));
  static final List<String> MET = List.of("F1", "F2", "A3", "B2", "C3", "D2");
  static LoadedQualification nvq;

  @BeforeAll
  static void load() {
    nvq = Qualcheck.load(SPEC);
  }

  static List<PlanProblem> refusal(Runnable call) {
    PlanException e = catchThrowableOfType(PlanException.class, call::run);
    assertThat(e).as("refused with a PlanException").isNotNull();
    return e.problems();
  }

  @Test
  void resultsAreJavaUtilCollectionsAndImmutable() {
    CheckResult result = nvq.check(MET);
    List<RuleOutcome> outcomes = result.outcomes();
    Map<String, String> placement = result.placement();
    Set<String> units = result.plan().units();
    Map<String, Unit> declared = nvq.qualification().units();
    List<String> reasons = nvq.explain(result);
    assertThat(outcomes).hasSize(8);
    assertThat(placement).containsEntry("F1", "A").containsEntry("A3", "B");
    assertThat(units).containsExactlyElementsOf(MET);
    assertThat(declared).containsKey("F1");
    assertThat(reasons).hasSize(8);
    assertThatThrownBy(() -> outcomes.add(outcomes.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> placement.put("F1", "A"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> units.add("A1")).isInstanceOf(UnsupportedOperationException.class);
  }

  /** Every public signature in the exported packages names only JDK and qualcheck types. */
  @Test
  void theApiSpeaksOnlyJdkAndQualcheckTypes() {
    List<String> foreign = new ArrayList<>();
    List<Class<?>> types = exportedTypes();
    assertThat(types).extracting(Class::getSimpleName).contains("Plan", "Qualification", "Bounds");
    for (Class<?> type : types) {
      List<Type> used = new ArrayList<>();
      used.add(type.getGenericSuperclass());
      used.addAll(List.of(type.getGenericInterfaces()));
      if (type.isRecord()) {
        Stream.of(type.getRecordComponents()).map(RecordComponent::getGenericType).forEach(used::add);
      }
      Stream.of(type.getFields()).map(f -> f.getGenericType()).forEach(used::add);
      List<Executable> members = new ArrayList<>(List.of(type.getDeclaredMethods()));
      members.addAll(List.of(type.getDeclaredConstructors()));
      for (Executable e : members) {
        if (Modifier.isPublic(e.getModifiers()) || Modifier.isProtected(e.getModifiers())) {
          if (e instanceof Method m) {
            used.add(m.getGenericReturnType());
          }
          used.addAll(List.of(e.getGenericParameterTypes()));
        }
      }
      for (Type t : used) {
        for (Class<?> c : classes(t)) {
          String name = c.getName();
          if (!name.startsWith("java.") && !name.startsWith("org.qualcheck.")) {
            foreign.add(type.getName() + " uses " + name);
          }
        }
      }
    }
    assertThat(foreign).isEmpty();
    Module self = getClass().getModule();
    ModuleLayer layer = Qualcheck.class.getModule().getLayer();
    assertThat(layer.findModule("com.google.common"))
        .hasValueSatisfying(guava -> assertThat(self.canRead(guava)).isFalse());
  }

  static List<Class<?>> classes(Type type) {
    List<Class<?>> out = new ArrayList<>();
    if (type instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (!c.isPrimitive()) {
        out.add(c);
      }
    } else if (type instanceof ParameterizedType p) {
      out.addAll(classes(p.getRawType()));
      Stream.of(p.getActualTypeArguments()).map(ApiCheckTest::classes).forEach(out::addAll);
    } else if (type instanceof GenericArrayType g) {
      out.addAll(classes(g.getGenericComponentType()));
    } else if (type instanceof WildcardType w) {
      Stream.of(w.getUpperBounds()).map(ApiCheckTest::classes).forEach(out::addAll);
      Stream.of(w.getLowerBounds()).map(ApiCheckTest::classes).forEach(out::addAll);
    } else if (type instanceof TypeVariable<?> v) {
      Stream.of(v.getBounds()).map(ApiCheckTest::classes).forEach(out::addAll);
    }
    return out;
  }

  static List<Class<?>> exportedTypes() {
    List<Class<?>> types = new ArrayList<>();
    for (Module module : List.of(Qualcheck.class.getModule(), Qualification.class.getModule())) {
      try (ModuleReader reader =
          module.getLayer().configuration().findModule(module.getName()).orElseThrow()
              .reference().open()) {
        for (String entry : reader.list().toList()) {
          if (!entry.endsWith(".class") || entry.endsWith("module-info.class")) {
            continue;
          }
          String name = entry.substring(0, entry.length() - 6).replace('/', '.');
          if (!module.isExported(name.substring(0, name.lastIndexOf('.')))) {
            continue;
          }
          Class<?> type = Class.forName(module, name);
          boolean visible = true;
          for (Class<?> t = type; t != null; t = t.getDeclaringClass()) {
            visible &= Modifier.isPublic(t.getModifiers());
          }
          if (visible) {
            types.add(type);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return types;
  }

  @Test
  void planOfTakesAReferenceNumberAsCheckingAListDoes() {
    CheckResult result = nvq.check(Plan.of("F/601/1609", "F2", "A3", "B2", "C3", "D2"));
    assertThat(result.met()).isTrue();
    assertThat(result.plan().units()).containsExactlyElementsOf(MET);
    assertThat(nvq.meets(Plan.of("F/601/1609", "F2"))).isFalse();
  }

  @Test
  void unitNumbersGoInAnyCase() {
    assertThat(nvq.check(List.of("f1", "f2", "a3", "b2", "c3", "d2")).met()).isTrue();
    assertThat(nvq.plan(List.of("f/601/1609")).units()).containsExactly("F1");
  }

  @Test
  void everyBadPlanIsAPlanExceptionWithProblemsAsData() {
    assertThat(refusal(() -> nvq.check(Arrays.asList("F1", null))))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.kind()).isEqualTo(PlanProblem.Kind.MISSING);
          assertThat(p.position()).isEqualTo(1);
          assertThat(p.message()).isNotBlank().contains("null");
        });
    assertThat(refusal(() -> nvq.check(List.of("", " ", "F1"))))
        .extracting(PlanProblem::kind, PlanProblem::unit)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(PlanProblem.Kind.BLANK, ""),
            org.assertj.core.groups.Tuple.tuple(PlanProblem.Kind.BLANK, " "));
    assertThat(refusal(() -> nvq.check(Plan.of("F1", "Z99"))))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.kind()).isEqualTo(PlanProblem.Kind.UNKNOWN);
          assertThat(p.unit()).isEqualTo("Z99");
          assertThat(p.suggestion()).isEmpty();
        });
    assertThat(refusal(() -> nvq.meets(List.of("FF1"))))
        .singleElement()
        .satisfies(p -> assertThat(p.suggestion()).contains("F1"));
    assertThat(refusal(() -> nvq.complete(List.of("F1", "F/601/1609"))))
        .singleElement()
        .satisfies(p -> {
          assertThat(p.kind()).isEqualTo(PlanProblem.Kind.REPEATED);
          assertThat(p.suggestion()).contains("F1");
        });
  }

  @Test
  void aSpecRefusalSaysWhyAsAKind() {
    SpecException missing =
        catchThrowableOfType(SpecException.class, () -> Qualcheck.load(Path.of("no-such.yaml")));
    assertThat(missing.kind()).isEqualTo(SpecException.Kind.NOT_FOUND);
    SpecException bad =
        catchThrowableOfType(
            SpecException.class,
            () -> Qualcheck.load("bad.yaml", new StringReader("qualification: [\n")));
    assertThat(bad.kind()).isEqualTo(SpecException.Kind.INVALID_CONTENT);
    assertThat(bad.problems()).allSatisfy(p -> assertThat(p.location().file()).isEqualTo("bad.yaml"));
  }

  @Test
  void aRuleWithoutAMaximumHasAnEmptyOne() {
    Qualification q =
        Qualification.builder("MAX")
            .unit(new Unit("U1", Optional.empty(), "one", 2, Level.LEVEL_1, OptionalInt.empty()))
            .unit(new Unit("U2", Optional.empty(), "two", 2, Level.LEVEL_1, OptionalInt.empty()))
            .rule(new Total("some", Measure.CREDITS, Scope.wholePlan(), Optional.empty(),
                Bounds.atLeast(2)))
            .rule(new Total("few", Measure.CREDITS, Scope.wholePlan(), Optional.empty(),
                Bounds.between(1, 3)))
            .build();
    List<RuleOutcome> outcomes = Qualcheck.of(q).check(List.of("U1", "U2")).outcomes();
    assertThat(outcomes.get(0).maximum()).isEqualTo(OptionalLong.empty());
    assertThat(outcomes.get(1).maximum()).isEqualTo(OptionalLong.of(3));
    assertThat(outcomes.get(1).excess()).isEqualTo(1);
  }

  /**
   * The Javadoc and sources jars lie beside the installed engine and model jars, the Javadoc laid
   * out by module as the JDK's is.
   */
  @Test
  void javadocAndSourcesAreInstalled() throws Exception {
    for (Class<?> type : List.of(Qualcheck.class, Qualification.class)) {
      Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
      String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
      Path javadoc = jar.resolveSibling(base + "-javadoc.jar");
      Path sources = jar.resolveSibling(base + "-sources.jar");
      String page =
          type.getModule().getName() + "/" + type.getName().replace('.', '/') + ".html";
      String source = type.getName().replace('.', '/') + ".java";
      try (JarFile docs = new JarFile(javadoc.toFile());
          JarFile code = new JarFile(sources.toFile())) {
        assertThat(docs.getEntry(page)).as("%s in %s", page, javadoc).isNotNull();
        assertThat(code.getEntry(source)).as("%s in %s", source, sources).isNotNull();
      }
    }
  }

  /**
   * The tour in a process of its own, with the module path of this test and no SLF4J binding on it:
   * its answers on standard output, and nothing at all on standard error.
   */
  @Test
  void theLibraryIsQuietWithoutALoggingBinding() throws Exception {
    String modulePath = System.getProperty("jdk.module.path");
    assertThat(modulePath.split(File.pathSeparator))
        .noneMatch(p -> p.matches(".*(slf4j-(nop|simple|jdk14|reload4j)|logback|log4j-slf4j).*"));
    Path classes = Path.of(System.getProperty("qualcheck.classes"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path out = Files.createTempFile("api-tour", ".out");
    Path err = Files.createTempFile("api-tour", ".err");
    Process tour =
        new ProcessBuilder(
                java.toString(),
                "-p",
                classes + File.pathSeparator + modulePath,
                "-m",
                "org.qualcheck.example.apicheck/org.qualcheck.example.apicheck.ApiTour",
                SPEC.toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(tour.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tour.exitValue()).isZero();
    assertThat(Files.readAllLines(out, StandardCharsets.UTF_8))
        .containsExactly(
            "met: true F1,F2,A3,B2,C3,D2",
            "mandatory maximum 2",
            "plan: MISSING at 1 -",
            "plan: BLANK at 0 -",
            "plan: UNKNOWN at 0 F1",
            "spec: NOT_FOUND");
    assertThat(Files.readString(err, StandardCharsets.UTF_8)).as("standard error").isEmpty();
  }
}
