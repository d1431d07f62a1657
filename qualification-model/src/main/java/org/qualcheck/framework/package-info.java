/**
 * Apprenticeship frameworks: the components an apprentice must complete (whole qualifications,
 * named achievements, or a choice between sets of them), as immutable values read from a framework
 * spec by {@link org.qualcheck.spec.FrameworkReader}.
 */
package org.qualcheck.framework;
