package org.qualcheck.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.qualcheck.spec.Fixtures.assertAt;
import static org.qualcheck.spec.Fixtures.only;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qualcheck.model.Level;
import org.qualcheck.model.Qualification;
import org.qualcheck.model.SourceLocation;
import org.qualcheck.model.Unit;
import org.qualcheck.model.UnitReference;

/**
 * Specs that take units from catalogues: a pair sharing one, and each way of listing or using
 * catalogues that is refused, with the exact located sentence. The fixtures are folders under
 * {@code src/test/resources/catalogues}, each named after what it shows.
 */
class CataloguesTest {
  private static final SpecReader READER = Fixtures.READER;
  private static final Path FIXTURES = Path.of("src/test/resources/catalogues");

  private static Qualification load(String spec) {
    return READER.read(FIXTURES.resolve(spec));
  }

  /** Reads a fixture spec that should be refused, checking the report is fit for a designer. */
  private static SpecException failure(String spec) {
    return failure(FIXTURES.resolve(spec));
  }

  private static SpecException failure(Path spec) {
    SpecException e = catchThrowableOfType(SpecException.class, () -> READER.read(spec));
    assertThat(e).as("%s should be refused", spec).isNotNull();
    Fixtures.assertPlain(e);
    return e;
  }

  private static String at(String file) {
    return FIXTURES.resolve(file).toString();
  }

  @Test
  void twoQualificationsShareTheUnitsOfOneCatalogue() {
    Qualification retail = load("shared/retail-award.yaml");
    Qualification contact = load("shared/contact-centre-award.yaml");
    Unit language =
        new Unit(
            "R1",
            Optional.of(new UnitReference("F/601/1609")),
            "Communicate using customer service language",
            4,
            Level.LEVEL_1,
            OptionalInt.of(30));
    assertThat(retail.unit("R1")).contains(language);
    assertThat(contact.unit("C2"))
        .contains(
            new Unit(
                "C2",
                language.reference(),
                language.title(),
                language.credits(),
                language.level(),
                language.guidedLearningHours()));
    assertThat(retail.unit("R2").orElseThrow().credits()).isEqualTo(5);
    assertThat(contact.unit("C1").orElseThrow().title()).isEqualTo("Deliver reliable customer service");
    assertThat(retail.unit("R3").orElseThrow().reference()).isEmpty();
    assertThat(retail.units().keySet()).containsExactly("R1", "R2", "R3");
  }

  @Test
  void aCatalogueUnitIsFoundByItsReferenceNumberLikeAnyOther() {
    Qualification contact = load("shared/contact-centre-award.yaml");
    assertThat(contact.findUnit("F/601/1609").map(Unit::number)).contains("C2");
  }

  @Test
  void aCatalogueUnitIsLocatedWhereTheSpecNamesIt() {
    Qualification retail = load("shared/retail-award.yaml");
    String f = at("shared/retail-award.yaml");
    assertThat(retail.location("unit:R1")).contains(new SourceLocation(f, 9, 5));
    assertThat(retail.location("unit:R2")).contains(new SourceLocation(f, 11, 5));
    assertThat(retail.location("unit:R3")).contains(new SourceLocation(f, 13, 5));
  }

  @Test
  void aSpecReadFromTextWithAFolderFindsItsCatalogues() throws IOException {
    Path spec = FIXTURES.resolve("shared/retail-award.yaml");
    Qualification q = READER.read("retail", Files.readString(spec), spec.getParent());
    assertThat(q.unit("R2").orElseThrow().title()).isEqualTo("Communicate effectively with customers");
  }

  @Test
  void aSpecReadFromTextWithoutAFolderCannotListCatalogues() throws IOException {
    String text = Files.readString(FIXTURES.resolve("shared/retail-award.yaml"));
    SpecException e = Fixtures.failureOf("stdin", text);
    assertAt(only(e), "stdin", 6, 1);
    assertThat(only(e).message())
        .isEqualTo(
            "\"catalogues\" can be used only in a spec read from a file, because catalogue paths"
                + " are relative to the spec's folder");
  }

  @Test
  void aReferenceNoListedCatalogueHolds() {
    SpecProblem p = only(failure("missing-reference/spec.yaml"));
    assertAt(p, at("missing-reference/spec.yaml"), 11, 21);
    assertThat(p.message())
        .isEqualTo(
            "unit \"A2\" takes \"R/601/1299\" from a catalogue, but no listed catalogue holds that"
                + " unit reference number; correct it, or list the catalogue that holds it under"
                + " \"catalogues\"");
  }

  @Test
  void takingAUnitFromACatalogueWithoutListingOne() {
    SpecProblem p = only(failure("no-catalogues-listed/spec.yaml"));
    assertAt(p, at("no-catalogues-listed/spec.yaml"), 8, 21);
    assertThat(p.message())
        .isEqualTo(
            "unit \"A1\" takes \"F/601/1609\" from a catalogue, but the spec lists no catalogues;"
                + " list the catalogue that holds it under \"catalogues\"");
  }

  @Test
  void twoCataloguesDisagreeingAboutAUnit() {
    SpecProblem p = only(failure("conflicting-duplicate/spec.yaml"));
    assertAt(p, at("conflicting-duplicate/second-units.yaml"), 10, 16);
    assertThat(p.message())
        .isEqualTo(
            "unit \"R/601/1212\" is also in \""
                + at("conflicting-duplicate/first-units.yaml")
                + "\" on line 9, with credits 6 here but 5 there and Level 3 here but Level 2"
                + " there; a unit reference number stands for one unit, so make the two agree");
  }

  @Test
  void aCatalogueCannotListOtherCatalogues() {
    SpecProblem p = only(failure("nested-catalogue/spec.yaml"));
    assertAt(p, at("nested-catalogue/units.yaml"), 5, 1);
    assertThat(p.message())
        .isEqualTo(
            "a catalogue cannot list other catalogues; remove \"catalogues\" here and list each"
                + " catalogue in the specs that use it");
  }

  @Test
  void aPathLeadingOutOfTheSpecsFolder() {
    SpecException e = failure("path-escaping/spec-folder/spec.yaml");
    String spec = at("path-escaping/spec-folder/spec.yaml");
    assertThat(e.problems()).hasSize(2);
    assertAt(e.problems().get(0), spec, 7, 5);
    assertThat(e.problems().get(0).message())
        .isEqualTo(
            "catalogue \"../outside-units.yaml\" lies outside the spec's folder; keep catalogues"
                + " in the spec's folder or a folder below it");
    assertAt(e.problems().get(1), spec, 8, 5);
    assertThat(e.problems().get(1).message())
        .startsWith("catalogue \"sub/../../outside-units.yaml\" lies outside the spec's folder;");
  }

  @Test
  void aLinkLeadingOutOfTheSpecsFolder(@TempDir Path dir) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("specs"));
    Files.copy(
        FIXTURES.resolve("path-escaping/outside-units.yaml"), dir.resolve("outside-units.yaml"));
    try {
      Files.createSymbolicLink(folder.resolve("units.yaml"), Path.of("../outside-units.yaml"));
    } catch (UnsupportedOperationException | IOException e) {
      Assumptions.abort("this file system cannot make symbolic links");
    }
    Path spec = folder.resolve("spec.yaml");
    Files.writeString(
        spec, Files.readString(FIXTURES.resolve("nested-catalogue/spec.yaml")));
    SpecProblem p = only(failure(spec));
    assertAt(p, spec.toString(), 5, 14);
    assertThat(p.message())
        .isEqualTo(
            "catalogue \"units.yaml\" is a link to a file outside the spec's folder; keep"
                + " catalogues in the spec's folder or a folder below it");
  }

  @Test
  void aLinkStayingInsideTheSpecsFolderIsFollowed(@TempDir Path dir) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("specs/shared"));
    Files.copy(
        FIXTURES.resolve("missing-reference/units.yaml"), folder.resolve("real-units.yaml"));
    try {
      Files.createSymbolicLink(dir.resolve("specs/units.yaml"), Path.of("shared/real-units.yaml"));
    } catch (UnsupportedOperationException | IOException e) {
      Assumptions.abort("this file system cannot make symbolic links");
    }
    Path spec = dir.resolve("specs/spec.yaml");
    Files.writeString(spec, Files.readString(FIXTURES.resolve("nested-catalogue/spec.yaml")));
    assertThat(READER.read(spec).unit("A1").orElseThrow().credits()).isEqualTo(4);
  }

  @Test
  void anAbsolutePath() {
    SpecException e = failure("absolute-path/spec.yaml");
    String spec = at("absolute-path/spec.yaml");
    assertThat(e.problems()).hasSize(2);
    assertAt(e.problems().get(0), spec, 7, 5);
    assertThat(e.problems().get(0).message())
        .isEqualTo(
            "catalogue \"/etc/passwd\" is given by an absolute path; write its path relative to"
                + " the spec's folder, such as \"shared-units.yaml\"");
    assertAt(e.problems().get(1), spec, 8, 5);
    assertThat(e.problems().get(1).message())
        .startsWith("catalogue \"C:\\units\\customer-service.yaml\" is given by an absolute path;");
  }

  @Test
  void aMissingFileAndAFolder() {
    SpecException e = failure("missing-file/spec.yaml");
    String spec = at("missing-file/spec.yaml");
    assertThat(e.problems()).hasSize(2);
    assertAt(e.problems().get(0), spec, 7, 5);
    assertThat(e.problems().get(0).message())
        .isEqualTo(
            "catalogue \"no-such-units.yaml\" does not exist; its path is relative to the spec's"
                + " folder");
    assertAt(e.problems().get(1), spec, 8, 5);
    assertThat(e.problems().get(1).message())
        .isEqualTo("catalogue \"units-folder\" is a folder, not a catalogue file");
  }

  @Test
  void anUnreadableFile(@TempDir Path dir) throws IOException {
    Path units = dir.resolve("units.yaml");
    Files.copy(FIXTURES.resolve("missing-reference/units.yaml"), units);
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, Files.readString(FIXTURES.resolve("nested-catalogue/spec.yaml")));
    try {
      Files.setPosixFilePermissions(units, PosixFilePermissions.fromString("---------"));
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("this file system has no POSIX permissions");
    }
    Assumptions.assumeFalse(Files.isReadable(units), "the tests run with rights to read any file");
    SpecProblem p = only(failure(spec));
    assertAt(p, spec.toString(), 5, 14);
    assertThat(p.message()).isEqualTo("catalogue \"units.yaml\" cannot be read: permission is denied");
  }

  @Test
  void theSameCatalogueListedTwiceAndASpecListedAsACatalogue() {
    SpecException e = failure("spec-listed-as-catalogue/spec.yaml");
    String spec = at("spec-listed-as-catalogue/spec.yaml");
    assertThat(e.problems()).hasSize(2);
    assertAt(e.problems().get(0), spec, 2, 1);
    assertThat(e.problems().get(0).message())
        .isEqualTo(
            "this is a qualification spec, not a catalogue; list only catalogue files under"
                + " \"catalogues\"");
    assertAt(e.problems().get(1), spec, 8, 5);
    assertThat(e.problems().get(1).message())
        .isEqualTo("catalogue \"./spec.yaml\" is listed twice; the first is on line 7");
  }

  @Test
  void malformedCataloguesAreRefusedLikeSpecsEachInItsOwnFile() {
    SpecException e = failure("malformed-catalogue/spec.yaml");
    String units = at("malformed-catalogue/units.yaml");
    assertThat(e.problems()).hasSize(3);
    assertAt(e.problems().get(0), units, 8, 14);
    assertThat(e.problems().get(0).message())
        .isEqualTo(
            "the anchor \"&four\" is not allowed; a catalogue writes every value out in full,"
                + " without anchors and aliases");
    assertAt(e.problems().get(1), units, 12, 14);
    assertThat(e.problems().get(1).message()).startsWith("the alias \"*four\" is not allowed;");
    assertAt(e.problems().get(2), at("malformed-catalogue/broken-units.yaml"), 7, 12);
    assertThat(e.problems().get(2).message()).startsWith("the file is not well-formed YAML here");
  }

  @Test
  void aCatalogueBreakingItsSchema() {
    SpecException e = failure("catalogue-schema-problems/spec.yaml");
    String units = at("catalogue-schema-problems/units.yaml");
    assertThat(e.problems())
        .extracting(p -> p.location().file() + ":" + p.location().line() + ":" + p.location().column())
        .containsExactly(units + ":3:3", units + ":6:5", units + ":8:14", units + ":12:5");
    assertThat(e.problems())
        .extracting(SpecProblem::message)
        .containsExactly(
            "the catalogue is missing the required key \"source\"",
            "unit \"F/601/1609\" has a unit number, which a catalogue does not give; remove it"
                + " here, and give the number in each spec that takes the unit",
            "\"credits\" of unit \"F/601/1609\" must be a whole number of at least 1, not \"4\""
                + " (write the number without quotes)",
            "unit \"L/601/1614\" has an unknown key \"credit\"; did you mean \"credits\"?");
  }

  @Test
  void aReferenceWrittenTwiceInOneCatalogue() {
    SpecProblem p = only(failure("reference-twice-in-catalogue/spec.yaml"));
    assertAt(p, at("reference-twice-in-catalogue/units.yaml"), 10, 16);
    assertThat(p.message())
        .isEqualTo("unit \"F/601/1609\" is declared twice under \"units\"; the first is on line 6");
  }

  @Test
  void detailsGivenBesideFromCatalogue() {
    SpecException e = failure("details-beside-from-catalogue/spec.yaml");
    String spec = at("details-beside-from-catalogue/spec.yaml");
    assertThat(e.problems()).hasSize(2);
    assertAt(e.problems().get(0), spec, 10, 5);
    assertThat(e.problems().get(0).message())
        .isEqualTo(
            "unit \"A1\" takes its details from catalogue unit \"F/601/1609\", so remove"
                + " \"credits\" here; a catalogue unit's reference, title, credits, level and glh"
                + " are written only in its catalogue");
    assertAt(e.problems().get(1), spec, 11, 5);
    assertThat(e.problems().get(1).message()).contains("so remove \"title\" here");
  }

  @Test
  void aWrittenOutUnitContradictingACatalogue() {
    SpecProblem p = only(failure("written-out-unit-contradicts-catalogue/spec.yaml"));
    assertAt(p, at("written-out-unit-contradicts-catalogue/spec.yaml"), 9, 16);
    assertThat(p.message())
        .isEqualTo(
            "unit \"A1\" differs from catalogue unit \"F/601/1609\" in \""
                + at("written-out-unit-contradicts-catalogue/units.yaml")
                + "\" on line 5, with credits 3 here but 4 there and Level 2 here but Level 1"
                + " there; take it with \"from-catalogue: F/601/1609\" instead of writing it out");
  }

  @Test
  void aWrittenOutUnitAgreeingWithACatalogueLoads(@TempDir Path dir) throws IOException {
    Files.copy(FIXTURES.resolve("missing-reference/units.yaml"), dir.resolve("units.yaml"));
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(
        spec,
        Files.readString(FIXTURES.resolve("written-out-unit-contradicts-catalogue/spec.yaml"))
            .replace("credits: 3", "credits: 4")
            .replace("level: 2", "level: 1"));
    assertThat(READER.read(spec).unit("A1").orElseThrow().credits()).isEqualTo(4);
  }

  @Test
  void anOversizedCatalogueIsRefusedBeforeReading(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("units.yaml"), new byte[4 * 1024 * 1024 + 1]);
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, Files.readString(FIXTURES.resolve("nested-catalogue/spec.yaml")));
    SpecProblem p = only(failure(spec));
    assertAt(p, dir.resolve("units.yaml").toString(), 1, 1);
    assertThat(p.message())
        .isEqualTo(
            "the file is larger than 4 MB; a catalogue is far smaller, so this is not a catalogue");
  }

  @Test
  void aCatalogueThatIsNotUtf8(@TempDir Path dir) throws IOException {
    Files.write(
        dir.resolve("units.yaml"),
        "catalogue: {title: caf\u00e9}\n".getBytes(StandardCharsets.ISO_8859_1));
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, Files.readString(FIXTURES.resolve("nested-catalogue/spec.yaml")));
    SpecProblem p = only(failure(spec));
    assertAt(p, dir.resolve("units.yaml").toString(), 1, 1);
    assertThat(p.message()).isEqualTo("the file is not UTF-8 text; save it as UTF-8");
  }

  @Test
  void aDeeplyNestedCatalogueIsRefusedLikeASpec(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("units.yaml"), "catalogue: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, Files.readString(FIXTURES.resolve("nested-catalogue/spec.yaml")));
    SpecProblem p = only(failure(spec));
    assertThat(p.location().file()).isEqualTo(dir.resolve("units.yaml").toString());
    assertThat(p.message()).isEqualTo("the file nests mappings and lists more than 64 levels deep");
  }

  @Test
  void anEmptyCatalogue(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("units.yaml"), "# nothing yet\n");
    Path spec = dir.resolve("spec.yaml");
    Files.writeString(spec, Files.readString(FIXTURES.resolve("nested-catalogue/spec.yaml")));
    SpecProblem p = only(failure(spec));
    assertThat(p.message()).isEqualTo("the file is empty; a catalogue starts with \"catalogue:\"");
  }

  @Test
  void atMostThirtyTwoCatalogues() throws IOException {
    StringBuilder many = new StringBuilder("catalogues:\n");
    for (int i = 0; i < 33; i++) {
      many.append("  - units-").append(i).append(".yaml\n");
    }
    String text =
        Files.readString(FIXTURES.resolve("nested-catalogue/spec.yaml"))
            .replace("catalogues: [units.yaml]\n", many.toString());
    SpecProblem p = only(Fixtures.failureOf("many.yaml", text));
    assertAt(p, "many.yaml", 6, 3);
    assertThat(p.message())
        .isEqualTo(
            "\"catalogues\" must be a list of at most 32 catalogue file paths, not a list of 33"
                + " entries");
  }

  @Test
  void aCataloguePathMustBeText() {
    String text =
        Fixtures.text("valid-minimal.yaml").replace("units:\n", "catalogues: [3]\nunits:\n");
    SpecProblem p = only(Fixtures.failureOf("number-path.yaml", text));
    assertAt(p, "number-path.yaml", 8, 14);
    assertThat(p.message())
        .isEqualTo(
            "entry 1 of \"catalogues\" must be the path of a catalogue file written as text,"
                + " relative to the spec's folder, such as \"shared-units.yaml\", not 3");
  }
}
