package org.qualcheck.rule;

/**
 * One rule of combination. A qualification is achieved by a plan that meets every rule.
 *
 * <p>The language is closed: each kind is a record below, and code that interprets rules does so
 * through a {@link Visitor}, which Java 17 checks for exhaustiveness the way a pattern switch would
 * on later releases. Adding a kind means adding a record, a {@code visit} method, and a case wherever
 * the compiler then points.
 *
 * <ul>
 *   <li>{@link AllOf}: every unit of the named groups or units (mandatory units).
 *   <li>{@link Total}: a minimum and/or maximum of credits, units or guided learning hours summed over
 *       chosen units in the named groups or units, optionally only those passing a {@link
 *       UnitFilter} (levels, attributes).
 *   <li>{@link Cap}: at most N of credits, units or hours from a scope count; the rest of the
 *       scope's units may be held but count toward nothing.
 *   <li>{@link Choose}: exactly, at least or at most N of a set of units.
 *   <li>{@link Barred}: units that may not be taken together.
 *   <li>{@link Equivalent}: units that stand for one another; at most one of them counts.
 * </ul>
 */
public sealed interface Rule permits AllOf, Total, Cap, Choose, Barred, Equivalent {
  /**
   * {@return a short name, unique within the qualification, by which results and findings refer
   * to it}
   */
  String id();

  /**
   * Calls the {@code visitor} method for this rule's kind.
   *
   * @param <R> what the visitor returns
   * @param visitor the visitor to call
   * @return what the visitor's method returned
   */
  <R> R accept(Visitor<R> visitor);

  /** One method per rule kind; implementations give every kind an answer. */
  interface Visitor<R> {
    /**
     * {@return the answer for an all-of rule}
     *
     * @param rule the rule visited
     */
    R visitAllOf(AllOf rule);

    /**
     * {@return the answer for a total rule}
     *
     * @param rule the rule visited
     */
    R visitTotal(Total rule);

    /**
     * {@return the answer for a cap on what counts}
     *
     * @param rule the rule visited
     */
    R visitCap(Cap rule);

    /**
     * {@return the answer for a choose rule}
     *
     * @param rule the rule visited
     */
    R visitChoose(Choose rule);

    /**
     * {@return the answer for a barred combination}
     *
     * @param rule the rule visited
     */
    R visitBarred(Barred rule);

    /**
     * {@return the answer for an equivalence}
     *
     * @param rule the rule visited
     */
    R visitEquivalent(Equivalent rule);
  }
}
