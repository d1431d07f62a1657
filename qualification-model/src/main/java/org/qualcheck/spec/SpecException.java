package org.qualcheck.spec;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec file could not be read as a qualification. Carries every problem found, so a designer can
 * fix them all in one go; {@link #getMessage()} lists them one per line as {@code
 * file:line:column: sentence}. {@link #kind()} tells a program why without parsing the message.
 */
public final class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a spec could not be read: the file itself, or what is written in it. */
  public enum Kind {
    /** The file does not exist. */
    NOT_FOUND,
    /** The path names a folder or something else that is not a file. */
    NOT_A_FILE,
    /** The file or stream exists but cannot be read, e.g. for want of permission. */
    NOT_READABLE,
    /** The spec is over the size limit of 4 MB. */
    TOO_LARGE,
    /** The bytes are not UTF-8 text. */
    NOT_UTF8,
    /**
     * The text is read but is not a valid spec: YAML, schema, consistency or catalogue problems,
     * each located in the file it concerns.
     */
    INVALID_CONTENT
  }

  /** Why the spec could not be read. */
  private final Kind kind;
  /** The problems, at least one, in file order. */
  private final List<SpecProblem> problems;

  /**
   * A spec whose content is invalid, made of these problems in the order they should be shown; at
   * least one.
   *
   * @param problems the problems, each located in the file it concerns
   */
  public SpecException(List<SpecProblem> problems) {
    this(Kind.INVALID_CONTENT, problems);
  }

  /**
   * A failure of this kind made of these problems, in the order they should be shown; at least
   * one.
   *
   * @param kind why the spec could not be read
   * @param problems the problems, each located in the file it concerns
   */
  public SpecException(Kind kind, List<SpecProblem> problems) {
    super(render(problems), null, false, false);
    checkArgument(!problems.isEmpty(), "a spec failure needs at least one problem");
    this.kind = checkNotNull(kind, "kind");
    this.problems = ImmutableList.copyOf(problems);
  }

  private static String render(List<SpecProblem> problems) {
    return problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n"));
  }

  /** {@return why the spec could not be read} */
  public Kind kind() {
    return kind;
  }

  /** {@return the problems, in file order} */
  public List<SpecProblem> problems() {
    return problems;
  }
}
