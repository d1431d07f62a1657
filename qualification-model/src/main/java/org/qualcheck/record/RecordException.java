package org.qualcheck.record;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A learner record could not be read. Carries every problem found, each located; {@link
 * #getMessage()} lists them one per line as {@code file:line:column: sentence}.
 */
public final class RecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The problems, at least one, in file order. */
  private final List<RecordProblem> problems;

  /**
   * A failure made of these problems, in the order they should be shown; at least one.
   *
   * @param problems the problems, each located
   */
  public RecordException(List<RecordProblem> problems) {
    super(problems.stream().map(RecordProblem::toString).collect(Collectors.joining("\n")),
        null, false, false);
    checkArgument(!problems.isEmpty(), "a record failure needs at least one problem");
    this.problems = ImmutableList.copyOf(problems);
  }

  /** {@return the problems, in file order} */
  public List<RecordProblem> problems() {
    return problems;
  }
}
