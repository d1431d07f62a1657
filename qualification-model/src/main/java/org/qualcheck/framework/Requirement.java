package org.qualcheck.framework;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * One thing an apprentice must hold: a whole qualification, named by the code a learner record and
 * a qualification spec give it, or a named achievement such as Employee Rights and
 * Responsibilities.
 *
 * @param kind whether a qualification or an achievement is required
 * @param name the qualification's code or the achievement's id; compared without regard to case
 * @param title what the framework calls it, if it says
 */
public record Requirement(Kind kind, String name, Optional<String> title) {
  /** What kind of thing is required, which decides where in a learner record it is looked for. */
  public enum Kind {
    /** A whole qualification: checked by its spec, or found among the record's qualifications. */
    QUALIFICATION,
    /** A named achievement: found among the record's achievements. */
    ACHIEVEMENT
  }

  /**
   * Checks the parts given.
   *
   * @param kind whether a qualification or an achievement is required
   * @param name the qualification's code or the achievement's id
   * @param title what the framework calls it, if it says
   */
  public Requirement {
    checkNotNull(kind, "kind");
    Names.text(name, kind == Kind.QUALIFICATION ? "a qualification code" : "an achievement id");
    checkNotNull(title, "title");
    title.ifPresent(t -> Names.text(t, "a requirement's title"));
  }

  /**
   * {@return a required qualification}
   *
   * @param code the code a learner record and the qualification's spec give it
   */
  public static Requirement qualification(String code) {
    return new Requirement(Kind.QUALIFICATION, code, Optional.empty());
  }

  /**
   * {@return a required named achievement}
   *
   * @param id the id a learner record gives it
   */
  public static Requirement achievement(String id) {
    return new Requirement(Kind.ACHIEVEMENT, id, Optional.empty());
  }

  /**
   * {@return this requirement with a title}
   *
   * @param title what the framework calls it
   */
  public Requirement titled(String title) {
    return new Requirement(kind, name, Optional.of(title));
  }

  /** {@return "qualification 03455" or "achievement plts", as messages name it} */
  public String describe() {
    return (kind == Kind.QUALIFICATION ? "qualification " : "achievement ") + name;
  }
}
