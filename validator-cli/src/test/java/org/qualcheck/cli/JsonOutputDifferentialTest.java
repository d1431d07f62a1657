package org.qualcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qualcheck.check.Checker;
import org.qualcheck.check.Plan;
import org.qualcheck.framework.Framework;
import org.qualcheck.framework.check.FrameworkChecker;
import org.qualcheck.lint.Linter;
import org.qualcheck.model.Group;
import org.qualcheck.model.PrintableText;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.UnitReference;
import org.qualcheck.model.Variant;
import org.qualcheck.plan.PlanOptions;
import org.qualcheck.plan.Planner;
import org.qualcheck.progress.RecordChecker;
import org.qualcheck.record.AchievementEntry;
import org.qualcheck.record.LearnerRecord;
import org.qualcheck.record.QualificationEntry;
import org.qualcheck.record.RecordReader;
import org.qualcheck.record.UnitEntry;
import org.qualcheck.record.Via;
import org.qualcheck.spec.FrameworkReader;
import org.qualcheck.spec.SpecException;
import org.qualcheck.spec.SpecReader;
import org.qualcheck.synthetic.StructureGenerator;
import org.qualcheck.synthetic.StructureGenerator.Settings;

/**
 * The commands write their JSON field by field on Jackson's streaming generator; before, Jackson's
 * data binding wrote the same records. Every shape, written both ways, must give the same text to
 * the byte: over every shipped spec and test fixture, over seeded random plans, records and
 * structures whose titles hold quotes, backslashes, control characters and letters beyond ASCII,
 * and over records of every shape filled at random. {@code -Dqualcheck.json.seeds=N} runs N seeds.
 */
class JsonOutputDifferentialTest {
  /**
   * Jackson's data binding, configured as the commands configured it: indented, and with {@code
   * setSerializationInclusion(NON_NULL)}, which leaves out null fields and null map values alike.
   */
  private static final ObjectMapper BINDING =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .setDefaultPropertyInclusion(JsonInclude.Value.construct(
              JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));

  private static final SpecReader READER = new SpecReader();
  private static final Path FRAMEWORK =
      Path.of("../specs/frameworks/customer-service-apprenticeship-l2.yaml");
  private static final Path CS = Path.of("../specs/ocr-03455-customer-service-l2.yaml");

  /** Text that JSON must escape or that is easy to mangle: quotes, controls, surrogate pairs. */
  private static final String[] HOSTILE = {
    "\"", "\\", "/", "\u0000", "\u0001", "\u0007", "\b", "\t", "\n", "\f", "\r", "\u001b",
    "\u001f", "\u007f", "\u0085", "\u009f", "\u00a0", "\u2028", "\u2029", "\ufeff", "é", "ł",
    "ß", "Ω", "中", "\ud83d\ude00", "'", "<", ">", "&", "{", "}", "[", "]", ":", ",", " "
  };

  static long seedCount() {
    return Long.getLong("qualcheck.json.seeds", 12);
  }

  static LongStream seeds() {
    return LongStream.rangeClosed(1, seedCount());
  }

  /** Every shipped spec (not frameworks) and every YAML fixture of the command line's tests. */
  static Stream<Path> specFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root : List.of(Path.of("../specs"), Path.of("src/test/resources"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".yaml"))
            .filter(p -> !p.startsWith("../specs/frameworks"))
            .sorted()
            .forEach(files::add);
      }
    }
    assertThat(files).hasSizeGreaterThan(40).contains(CS);
    return files.stream();
  }

  private static List<Qualification> loadable() throws IOException {
    List<Qualification> out = new ArrayList<>();
    for (Path file : specFiles().toList()) {
      try {
        out.add(READER.read(file));
      } catch (SpecException e) {
        // a catalogue or a spec with problems: lint covers it
      }
    }
    return out;
  }

  /** The shape written field by field and by data binding; the two must be the same text. */
  private static void same(JsonWriter.Shape shape, String what) throws IOException {
    String bound = BINDING.writeValueAsString(shape);
    assertThat(JsonOutput.write(shape)).as(what).isEqualTo(bound);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("specFiles")
  void everyShapeOfEverySpecIsWrittenAsDataBindingWroteIt(Path file) throws IOException {
    LintCommand.Linted linted;
    Qualification q = null;
    try {
      q = READER.readSpecOrCatalogue(file);
      linted = new LintCommand.Linted(file, Linter.lint(q), List.of(), false);
    } catch (SpecException e) {
      linted = new LintCommand.Linted(file, null, e.problems(), false);
    }
    same(LintOutput.json(List.of(linted)), file + " lint json");
    same(LintOutput.sarif(List.of(linted)), file + " lint sarif");
    if (q == null) {
      return;
    }
    Checker checker = Checker.of(q);
    List<String> numbers = new ArrayList<>(q.units().keySet());
    for (List<String> units : List.of(List.<String>of(), numbers.subList(0, 1), numbers)) {
      Plan plan = Plan.resolve(q, units);
      same(JsonOutput.checkResult(q, checker.check(plan)), file + " validate " + units);
      plan(q, checker, plan, 2, null, file + " plan " + units);
    }
    count(q, checker, file.toString());
  }

  @Test
  void lintOfManyFilesAtOnceIsWrittenAsDataBindingWroteIt() throws IOException {
    List<LintCommand.Linted> all = new ArrayList<>();
    for (Path file : specFiles().toList()) {
      try {
        all.add(new LintCommand.Linted(
            file, Linter.lint(READER.readSpecOrCatalogue(file)), List.of(), false));
      } catch (SpecException e) {
        all.add(new LintCommand.Linted(file, null, e.problems(), false));
      }
    }
    all.add(new LintCommand.Linted(Path.of("no such \"spec\".yaml"), null, List.of(), true));
    assertThat(all).anyMatch(l -> l.loaded() && !l.report().findings().isEmpty())
        .anyMatch(l -> !l.loaded() && !l.missing());
    same(LintOutput.json(all), "lint json of every file");
    same(LintOutput.sarif(all), "lint sarif of every file");
  }

  @Test
  void shippedRecordsAndTheFrameworkAreWrittenAsDataBindingWroteThem() throws IOException {
    Map<String, Path> records = new LinkedHashMap<>();
    records.put("../specs/examples/records/03455-transfer.json", CS);
    records.put("../specs/examples/records/access-on-track.json",
        Path.of("../specs/access-to-he-creative-visual-arts-records.yaml"));
    records.put("src/test/resources/records/prior-learning-beyond-the-caps.json",
        Path.of("../specs/access-to-he-creative-visual-arts-records.yaml"));
    records.put("../examples/apprentice-L2001.json", CS);
    for (Map.Entry<String, Path> e : records.entrySet()) {
      Qualification q = READER.read(e.getValue());
      LearnerRecord record = new RecordReader().read(Path.of(e.getKey()));
      for (String on : List.of("2025-01-01", "2026-02-10", "2026-03-31", "2031-03-01")) {
        same(RecordReport.json(q, record, RecordChecker.of(q).check(record, LocalDate.parse(on))),
            e.getKey() + " on " + on);
      }
    }
    Framework framework = new FrameworkReader().read(FRAMEWORK);
    LearnerRecord apprentice =
        new RecordReader().read(Path.of("../examples/apprentice-L2001.json"));
    for (List<Qualification> specs : List.of(List.<Qualification>of(), List.of(READER.read(CS)))) {
      for (String on : List.of("2025-01-01", "2026-06-01")) {
        same(FrameworkOutput.json(
                FrameworkChecker.of(framework, specs).check(apprentice, LocalDate.parse(on))),
            "framework with " + specs.size() + " specs on " + on);
      }
    }
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void randomPlansAndRecordsAreWrittenAsDataBindingWroteThem(long seed) throws IOException {
    System.out.println("JsonOutputDifferentialTest seed " + seed);
    Random rnd = new Random(seed);
    List<Qualification> qualifications = new ArrayList<>(loadable());
    qualifications.add(hostile(seed, rnd));
    for (Qualification q : qualifications) {
      String what = "seed " + seed + " " + q.code();
      Checker checker = Checker.of(q);
      List<String> chosen = randomUnits(q, rnd);
      Plan plan = Plan.resolve(q, chosen);
      same(JsonOutput.checkResult(q, checker.check(plan)), what + " validate " + chosen);
      String endorsement = q.endorsements().isEmpty() || rnd.nextBoolean() ? null
          : q.endorsements().get(rnd.nextInt(q.endorsements().size())).id();
      plan(q, checker, plan, rnd.nextInt(4), endorsement, what + " plan " + chosen);
      LearnerRecord record = randomRecord(q, rnd);
      LocalDate on = LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(6 * 365));
      same(RecordReport.json(q, record, RecordChecker.of(q).check(record, on)),
          what + " record " + record + " on " + on);
    }
    count(qualifications.get(qualifications.size() - 1), Checker.of(
        qualifications.get(qualifications.size() - 1)), "seed " + seed + " hostile");
    Framework framework = new FrameworkReader().read(FRAMEWORK);
    LearnerRecord record = randomFrameworkRecord(rnd);
    same(FrameworkOutput.json(FrameworkChecker.of(framework, rnd.nextBoolean() ? List.of()
            : List.of(READER.read(CS))).check(record, LocalDate.of(2026, 1 + rnd.nextInt(12), 1))),
        "seed " + seed + " framework " + record);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void shapesFilledAtRandomAreWrittenAsDataBindingWroteThem(long seed) throws Exception {
    System.out.println("JsonOutputDifferentialTest seed " + seed);
    Random rnd = new Random(seed);
    for (Class<?> shape : List.of(JsonOutput.CheckResultJson.class, PlanCommand.PlanJson.class,
        RecordReport.RecordResultJson.class, LintOutput.LintJson.class, LintOutput.Sarif.class,
        FrameworkOutput.ResultJson.class)) {
      for (int i = 0; i < 5; i++) {
        same((JsonWriter.Shape) randomValue(shape, rnd, 0), "seed " + seed + " " + shape);
      }
    }
  }

  /** Breaking the escaping of one field on the written side is caught. */
  @Test
  void aStringWrittenWithoutEscapingIsCaught() throws IOException {
    String title = "a \"quoted\" title\\ with\ttab é \ud83d\ude00";
    JsonOutput.QualificationRef ref = new JsonOutput.QualificationRef("Q", title);
    String unescaped = "{\n  \"code\" : \"Q\",\n  \"title\" : \"" + title + "\"\n}";
    assertThat(BINDING.writeValueAsString(ref)).isNotEqualTo(unescaped);
    same(ref, "escaped title");
  }

  private static void plan(Qualification q, Checker checker, Plan plan, int alternatives,
      String endorsement, String what) throws IOException {
    Planner planner =
        endorsement == null ? Planner.of(checker) : Planner.towardEndorsement(checker, endorsement);
    PlanCommand.Answer a = PlanCommand.answer(planner, plan,
        PlanOptions.defaults().withAlternatives(alternatives), !checker.hasVariants());
    same(PlanCommand.json(q, a.answer(), a.repaired(), a.whatIf(), endorsement), what);
  }

  /**
   * count streams its answer through the generator, so it has no record to bind: its text must be
   * what data binding writes for the same tree.
   */
  private static void count(Qualification q, Checker checker, String what) throws IOException {
    for (boolean minimal : new boolean[] {false, true}) {
      if (CountCommand.unsupported(q, checker, minimal) != null
          || minimal && q.units().size() > 14) {
        continue;
      }
      for (Long credits : new Long[] {null, 20L}) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
          CountCommand.writeJson(q, checker, minimal ? null : credits, minimal,
              q.units().size() <= 10, out);
        }
        String written = text.toString();
        assertThat(written).as(what + " count").endsWith(System.lineSeparator());
        assertThat(written.strip())
            .as(what + " count")
            .isEqualTo(BINDING.writeValueAsString(BINDING.readTree(written)));
      }
    }
  }

  private static String hostileText(Random rnd) {
    StringBuilder s = new StringBuilder("T");
    int n = 1 + rnd.nextInt(8);
    for (int i = 0; i < n; i++) {
      s.append(rnd.nextBoolean() ? HOSTILE[rnd.nextInt(HOSTILE.length)]
          : String.valueOf((char) ('a' + rnd.nextInt(26))));
    }
    return s.toString();
  }

  /** Printable hostile text: a learner's identifier may not hold control characters. */
  private static String printableHostileText(Random rnd) {
    StringBuilder s = new StringBuilder();
    hostileText(rnd).codePoints()
        .mapToObj(Character::toString)
        .map(c -> PrintableText.firstControl(c) < 0 ? c : "x")
        .forEach(s::append);
    return s.toString().strip() + "L";
  }

  /**
   * A generated structure with pathways, endorsed titles and the rules records bring, whose
   * titles are hostile text.
   */
  private static Qualification hostile(long seed, Random rnd) {
    Qualification base = StructureGenerator.withVariants(seed,
        StructureGenerator.withRecordRules(seed, Settings.everything(4 + rnd.nextInt(8), 2)),
        rnd.nextInt(3), rnd.nextInt(3));
    Qualification.Builder b =
        Qualification.builder(base.code()).title(hostileText(rnd)).source(hostileText(rnd));
    base.units().values().forEach(b::unit);
    for (Group g : base.groups().values()) {
      b.group(Group.of(g.id(), hostileText(rnd), g.units()));
    }
    base.rules().forEach(b::rule);
    base.timeLimitYears().ifPresent(b::timeLimitYears);
    for (Variant v : base.pathways()) {
      b.pathway(Variant.of(v.id(), hostileText(rnd), v.rules()));
    }
    for (Variant v : base.endorsements()) {
      b.endorsement(Variant.of(v.id(), hostileText(rnd), v.rules()));
    }
    return b.build();
  }

  private static List<String> randomUnits(Qualification q, Random rnd) {
    List<String> out = new ArrayList<>();
    int percent = rnd.nextInt(101);
    for (String u : q.units().keySet()) {
      if (rnd.nextInt(100) < percent) {
        out.add(u);
      }
    }
    return out;
  }

  private static LearnerRecord randomRecord(Qualification q, Random rnd) {
    LocalDate registered = LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(365));
    LearnerRecord.Builder b =
        LearnerRecord.builder(printableHostileText(rnd)).registered(registered);
    for (String u : randomUnits(q, rnd)) {
      Optional<String> reference = q.units().get(u).reference().map(UnitReference::value);
      LocalDate date = registered.plusDays(rnd.nextInt(4 * 365));
      UnitEntry e = switch (rnd.nextInt(4)) {
        case 0 -> UnitEntry.inProgress(u);
        case 1 -> UnitEntry.planned(u);
        default -> {
          Via via = Via.values()[rnd.nextInt(Via.values().length)];
          if (via == Via.TRANSFER && reference.isEmpty()) {
            via = Via.RPL;
          }
          // a transferred unit is named by its reference number, as unit numbers differ
          UnitEntry a = UnitEntry.achieved(via == Via.TRANSFER ? reference.get() : u, date, via);
          if (via == Via.TRANSFER && rnd.nextBoolean()) {
            a = a.withFrom(printableHostileText(rnd));
          }
          yield rnd.nextBoolean() ? a.withEvidence(printableHostileText(rnd)) : a;
        }
      };
      b.unit(e);
    }
    return b.build();
  }

  private static LearnerRecord randomFrameworkRecord(Random rnd) throws IOException {
    LearnerRecord shipped = new RecordReader().read(Path.of("../examples/apprentice-L2001.json"));
    LearnerRecord.Builder b = LearnerRecord.builder(printableHostileText(rnd))
        .registered(LocalDate.of(2025, 9, 1));
    shipped.units().stream().filter(u -> rnd.nextBoolean()).forEach(b::unit);
    for (String code : List.of("principles-of-customer-service-l2", "functional-skills-maths-l1",
        "functional-skills-english-l1", "key-skills-application-of-number-l1")) {
      if (rnd.nextBoolean()) {
        b.qualification(QualificationEntry.achieved(code, LocalDate.of(2025, 10 + rnd.nextInt(3),
            1)));
      }
    }
    for (String id : List.of("employee-rights-and-responsibilities",
        "personal-learning-and-thinking-skills")) {
      if (rnd.nextBoolean()) {
        b.achievement(AchievementEntry.of(id, LocalDate.of(2025, 10, 1)));
      }
    }
    return b.build();
  }

  /**
   * A value of the type, made at random: records component by component, lists of up to three
   * elements, and null wherever a reference may be null, so every field is both written and left
   * out across seeds.
   */
  private static Object randomValue(Type type, Random rnd, int depth) throws Exception {
    if (type instanceof ParameterizedType p) {
      Type raw = p.getRawType();
      if (raw == List.class) {
        List<Object> list = new ArrayList<>();
        int n = depth > 4 ? 0 : rnd.nextInt(4);
        for (int i = 0; i < n; i++) {
          list.add(randomValue(p.getActualTypeArguments()[0], rnd, depth + 1));
        }
        return Collections.unmodifiableList(list);
      }
      if (raw == Map.class) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = rnd.nextInt(4); i > 0; i--) {
          map.put(hostileText(rnd), randomValue(p.getActualTypeArguments()[1], rnd, depth + 1));
        }
        return map;
      }
      throw new AssertionError("no random " + type);
    }
    Class<?> c = (Class<?>) type;
    if (c == boolean.class) {
      return rnd.nextBoolean();
    }
    if (c == int.class) {
      return rnd.nextInt();
    }
    if (c == long.class) {
      return rnd.nextLong();
    }
    if (rnd.nextInt(5) == 0 && c != Long.class && depth > 0) {
      return null;
    }
    if (c == String.class) {
      return hostileText(rnd);
    }
    if (c == Boolean.class || c == Integer.class || c == Long.class) {
      if (rnd.nextInt(3) == 0) {
        return null;
      }
      return c == Boolean.class ? (Object) rnd.nextBoolean()
          : c == Integer.class ? (Object) rnd.nextInt() : (Object) rnd.nextLong();
    }
    if (c.isRecord()) {
      RecordComponent[] parts = c.getRecordComponents();
      Object[] values = new Object[parts.length];
      Class<?>[] types = new Class<?>[parts.length];
      for (int i = 0; i < parts.length; i++) {
        values[i] = randomValue(parts[i].getGenericType(), rnd, depth + 1);
        types[i] = parts[i].getType();
      }
      var constructor = c.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(values);
    }
    throw new AssertionError("no random " + type);
  }
}
