package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.qualcheck.framework.Alternative;
import org.qualcheck.framework.Component;
import org.qualcheck.framework.Framework;
import org.qualcheck.framework.Requirement;

/** The framework reader: the shipped framework, and a located sentence for each bad input. */
class FrameworkReaderTest {
  private static final Path SHIPPED =
      Path.of("../specs/frameworks/customer-service-apprenticeship-l2.yaml");
  private static final FrameworkReader READER = new FrameworkReader();

  private static final String HEADER =
      "framework: {code: f1, title: A framework, source: A handbook}\n";

  @Test
  void readsTheShippedCustomerServiceFrameworkAsTheSourcePrintsIt() {
    Framework f = READER.read(SHIPPED);
    assertThat(f.code()).isEqualTo("customer-service-apprenticeship-l2");
    assertThat(f.components())
        .extracting(Component::id)
        .containsExactly("competence", "technical-knowledge", "skills", "employee-rights", "plts");
    assertThat(f.components().get(0))
        .isEqualTo(
            Component.of(
                "competence",
                "Level 2 NVQ Certificate in Customer Service",
                Requirement.qualification("03455")));
    Component skills = f.components().get(2);
    assertThat(skills.isChoice()).isTrue();
    assertThat(skills.alternatives())
        .extracting(Alternative::id)
        .containsExactly("key-skills", "functional-skills");
    assertThat(skills.alternatives().get(1).requirements())
        .extracting(Requirement::name)
        .containsExactly("functional-skills-maths-l1", "functional-skills-english-l1");
    assertThat(f.components().get(3).alternatives().get(0).requirements())
        .containsExactly(Requirement.achievement("employee-rights-and-responsibilities"));
    assertThat(f.qualificationCodes())
        .containsExactly(
            "03455",
            "principles-of-customer-service-l2",
            "key-skills-application-of-number-l1",
            "key-skills-communication-l1",
            "functional-skills-maths-l1",
            "functional-skills-english-l1");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "unknown key|components:\\n  - {id: a, title: A, qualification: q, titel: x}\\n"
            + "|f.yaml:3:41: component \"a\" has an unknown key \"titel\"; did you mean \"title\"?",
        "no kind|components:\\n  - {id: a, title: A}\\n"
            + "|f.yaml:3:5: component \"a\" does not say what it requires; give it one of"
            + " \"qualification\", \"achievement\" or \"one-of\"",
        "two kinds|components:\\n  - {id: a, title: A, qualification: q, achievement: e}\\n"
            + "|f.yaml:3:41: component \"a\" names more than one of \"qualification\" and"
            + " \"achievement\"; give exactly one, and write a choice between them as \"one-of\"",
        "code as a number|components:\\n  - {id: a, title: A, qualification: 3455}\\n"
            + "|f.yaml:3:38: \"qualification\" of component \"a\" must be a qualification code"
            + " written as text of letters and digits, with . _ / or - inside, such as \"03455\""
            + " (codes made of digits go in quotes), not 3455",
        "one alternative|components:\\n  - id: a\\n    title: A\\n    one-of:\\n"
            + "      - {id: x, all-of: [{achievement: e}]}\\n"
            + "|f.yaml:6:7: \"one-of\" of component \"a\" must be a list of 2 to 20 alternatives,"
            + " not a list of 1 entry",
        "requirement without kind|components:\\n  - id: a\\n    title: A\\n    one-of:\\n"
            + "      - {id: x, all-of: [{achievement: e}]}\\n"
            + "      - {id: y, all-of: [{title: T}]}\\n"
            + "|f.yaml:7:26: the 1st requirement of alternative \"y\" of component \"a\" does not"
            + " say what it requires; give it one of \"qualification\" or \"achievement\"",
        "component id twice|components:\\n  - {id: a, title: A, achievement: e}\\n"
            + "  - {id: A, title: B, achievement: f}\\n"
            + "|f.yaml:4:10: the component id \"A\" is given twice in this framework (names are"
            + " compared without regard to case); the first is on line 3",
        "requirement twice|components:\\n  - id: a\\n    title: A\\n    one-of:\\n"
            + "      - {id: x, all-of: [{achievement: e}, {achievement: e}]}\\n"
            + "      - {id: y, all-of: [{achievement: f}]}\\n"
            + "|f.yaml:6:58: the requirement \"achievement e\" is given twice in alternative \"x\""
            + " (names are compared without regard to case); the first is on line 6",
        "id with spaces|components:\\n  - {id: a b, title: A, achievement: e}\\n"
            + "|f.yaml:3:10: \"id\" of component \"a b\" must be an id written as text of letters"
            + " and digits, with . _ / or - inside, such as \"employee-rights\", not \"a b\"",
        "title padded|components:\\n  - {id: a, title: ' A', achievement: e}\\n"
            + "|f.yaml:3:20: \"title\" of component \"a\" must be text without white space around"
            + " it, not \" A\"",
        "duplicate YAML key|components:\\n  - {id: a, id: b, title: A, achievement: e}\\n"
            + "|f.yaml:3:13: the key \"id\" is given twice in the same mapping; the first is on"
            + " line 3",
      })
  void eachBadFrameworkGetsOneLocatedSentence(String name, String body, String expected) {
    String text = HEADER + body.replace("\\n", "\n");
    assertThatThrownBy(() -> READER.read("f.yaml", text))
        .isInstanceOf(SpecException.class)
        .satisfies(
            e ->
                assertThat(((SpecException) e).problems())
                    .extracting(SpecProblem::toString)
                    .containsExactly(expected));
  }

  @Test
  void aFrameworkWithoutItsHeaderIsRefusedAtTheStart() {
    assertThatThrownBy(
            () -> READER.read("f.yaml", "components:\n  - {id: a, title: A, achievement: e}\n"))
        .isInstanceOf(SpecException.class)
        .hasMessage("f.yaml:1:1: the file is missing the required key \"framework\"");
  }

  @Test
  void anchorsAreRefusedAsInSpecs() {
    String text =
        HEADER
            + "components:\n  - &c {id: a, title: A, achievement: e}\n  - *c\n";
    assertThatThrownBy(() -> READER.read("f.yaml", text))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining("f.yaml:3:5: the anchor \"&c\" is not allowed; a framework writes"
            + " every value out in full");
  }

  @Test
  void aQualificationSpecOrAFrameworkInTheWrongReaderIsNamedForWhatItIs() {
    assertThatThrownBy(() -> READER.read(Path.of("../specs/ocr-03455-customer-service-l2.yaml")))
        .isInstanceOf(SpecException.class)
        .hasMessageEndingWith(
            ":1: this is a qualification spec, not a framework spec; a framework spec starts with"
                + " \"framework:\"");
    assertThatThrownBy(() -> new SpecReader().read(SHIPPED))
        .isInstanceOf(SpecException.class)
        .hasMessageContaining(
            "this is an apprenticeship framework spec, not a qualification spec; read it as a"
                + " framework");
  }

  @Test
  void aMissingFileIsNamed() {
    assertThatThrownBy(() -> READER.read(Path.of("no-such-framework.yaml")))
        .isInstanceOf(SpecException.class)
        .hasMessage("no-such-framework.yaml:1:1: the file does not exist")
        .satisfies(e -> assertThat(((SpecException) e).kind())
            .isEqualTo(SpecException.Kind.NOT_FOUND));
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    String text =
        "framework: {code: f1, title: A}\n"
            + "components:\n  - {id: a, title: A}\n  - {id: b, title: B, achievement: 7}\n";
    assertThatThrownBy(() -> READER.read("f.yaml", text))
        .isInstanceOf(SpecException.class)
        .satisfies(
            e ->
                assertThat(((SpecException) e).problems())
                    .extracting(p -> p.location().line())
                    .containsExactly(1, 3, 4));
  }

  @Test
  void typesRefuseWhatTheReaderWouldNeverBuild() {
    assertThatThrownBy(() -> Component.oneOf("a", "A", List.of(Alternative.of("x",
            List.of(Requirement.achievement("e"))))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Alternative.of("x",
            List.of(Requirement.achievement("e"), Requirement.achievement("E"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice");
  }
}
