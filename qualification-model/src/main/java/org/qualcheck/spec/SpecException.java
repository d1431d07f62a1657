package org.qualcheck.spec;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec file could not be read as a qualification. Carries every problem found, so a designer can
 * fix them all in one go; {@link #getMessage()} lists them one per line as {@code
 * file:line:column: sentence}.
 */
public final class SpecException extends RuntimeException {
  private final ImmutableList<SpecProblem> problems;

  /** A failure made of these problems, in the order they should be shown; at least one. */
  public SpecException(List<SpecProblem> problems) {
    super(render(problems), null, false, false);
    checkArgument(!problems.isEmpty(), "a spec failure needs at least one problem");
    this.problems = ImmutableList.copyOf(problems);
  }

  private static String render(List<SpecProblem> problems) {
    return problems.stream().map(SpecProblem::toString).collect(Collectors.joining("\n"));
  }

  /** The problems, in file order. */
  public List<SpecProblem> problems() {
    return problems;
  }
}
