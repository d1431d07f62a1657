/**
 * Checking a learner record against an apprenticeship framework: which components are complete as
 * of a date, and what each incomplete one still lacks. Start from {@link
 * org.qualcheck.framework.check.FrameworkChecker}.
 */
package org.qualcheck.framework.check;
