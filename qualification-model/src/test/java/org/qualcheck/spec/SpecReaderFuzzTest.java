package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.qualcheck.model.Group;
import org.qualcheck.model.PrintableText;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.Unit;
import org.qualcheck.rule.Rule;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Raw bytes as a YAML spec: the reader returns a qualification or refuses the input with located
 * problems in plain words, and never throws anything else. A spec it accepts keeps the promises
 * the reader makes: every number YAML 1.1 would read as one is written in plain decimal, names
 * hold no control characters and no plan separators, unit numbers are unique ignoring case and no
 * unit number or reference number names two units, and the counts are within the limits. In a
 * normal build this replays the inputs kept under {@code SpecReaderFuzzTestInputs/}; with {@code
 * JAZZER_FUZZ=1} it fuzzes.
 */
class SpecReaderFuzzTest {
  private static final SpecReader READER = new SpecReader();

  /** What SnakeYAML's YAML 1.1 resolver reads as a whole number or a float. */
  private static final Pattern YAML11_NUMBER =
      Pattern.compile(
          "[-+]?(0b[0-1_]+|0[0-7_]+|(0|[1-9][0-9_]*)|0x[0-9a-fA-F_]+|[1-9][0-9_]*(:[0-5]?[0-9])+)"
              + "|[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+][0-9]+)?|[-+]?\\.(inf|Inf|INF)"
              + "|\\.(nan|NaN|NAN)|[-+]?[0-9][0-9_]*([eE][-+]?[0-9]+)");

  private static final Pattern PLAIN_DECIMAL =
      Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

  @FuzzTest(maxDuration = "60s")
  void readsOrRefusesWithLocatedProblems(byte[] bytes) {
    Qualification q;
    try {
      q = READER.read("fuzz.yaml", new ByteArrayInputStream(bytes));
    } catch (SpecException e) {
      assertThat(e.problems()).isNotEmpty();
      for (SpecProblem p : e.problems()) {
        assertThat(p.location().file()).isEqualTo("fuzz.yaml");
        assertThat(p.location().line()).isPositive();
        assertThat(p.location().column()).isPositive();
        assertThat(p.message()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(PrintableText.firstControl(p.message())).as(p.message()).isNegative();
      }
      return;
    }
    assertThat(q.units()).isNotEmpty();
    numbersArePlainDecimal(new String(bytes, StandardCharsets.UTF_8));
    namesArePrintableAndUnambiguous(q);
    assertThat(q.units().size()).isLessThanOrEqualTo(SpecReader.MAX_UNITS);
    assertThat(q.groups().size()).isLessThanOrEqualTo(SpecReader.MAX_GROUPS);
    assertThat(q.rules().size()).isLessThanOrEqualTo(SpecReader.MAX_RULES);
  }

  /** Every plain scalar an independent YAML 1.1 reader takes for a number is plain decimal. */
  private static void numbersArePlainDecimal(String text) {
    for (Event e : new Yaml(new LoaderOptions()).parse(new StringReader(text))) {
      if (e instanceof ScalarEvent s && s.isPlain() && YAML11_NUMBER.matcher(s.getValue()).matches()) {
        assertThat(s.getValue()).as("a number in an accepted spec").matches(PLAIN_DECIMAL);
      }
    }
  }

  private static void namesArePrintableAndUnambiguous(Qualification q) {
    Set<String> names = new HashSet<>();
    names.add(q.code());
    Set<String> folded = new HashSet<>();
    Set<String> references = new HashSet<>();
    for (Unit u : q.units().values()) {
      names.add(u.number());
      assertThat(u.number()).doesNotContain(",").doesNotContain(";").doesNotContain("#");
      assertThat(folded.add(u.number().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT)))
          .as("unit numbers unique ignoring case").isTrue();
      u.reference().ifPresent(r -> assertThat(references.add(r.value())).isTrue());
    }
    for (Unit u : q.units().values()) {
      u.reference().ifPresent(r -> assertThat(
          q.units().containsKey(r.value()) && !q.units().get(r.value()).equals(u)).isFalse());
    }
    for (Group g : q.groups().values()) {
      names.add(g.id());
      names.addAll(g.units());
    }
    for (Rule r : q.rules()) {
      names.add(r.id());
      names.addAll(Qualification.unitsNamedBy(r));
      names.addAll(Qualification.groupsNamedBy(r));
    }
    for (String name : names) {
      assertThat(PrintableText.firstControl(name)).as("control character in %s", name).isNegative();
    }
  }
}
