/**
 * A learner's progress toward a qualification, from their record: whether the certificate can be
 * claimed today ({@link org.qualcheck.progress.RecordResult#achieved()}), whether the units achieved,
 * in progress and planned together meet the rules, and what remains. Start from {@link
 * org.qualcheck.progress.RecordChecker}.
 */
package org.qualcheck.progress;
